namespace CoachBot.Storage.Plans;

/// <summary>
/// A rep's own plan ("I'll call the CFO by Thursday"). Private to the rep unless <see cref="SharedWithManager"/>;
/// followed up on <see cref="Due"/>.
/// </summary>
public sealed record PlanRecord(
    string TenantId,
    string UserKey,
    string PlanId,
    string ConversationId,
    string? Topic,
    string Text,
    DateOnly Due,
    DateTimeOffset CreatedAt,
    bool SharedWithManager = false,
    bool FieldDayRequested = false,
    string? Outcome = null,
    string? OutcomeNote = null);
