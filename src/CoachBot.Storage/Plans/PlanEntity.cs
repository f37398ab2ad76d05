namespace CoachBot.Storage.Plans;

/// <summary>The <c>plan|{planId}</c> row of the <c>coaching</c> table (<see cref="PlanStore"/>): its properties are the row's columns.</summary>
internal sealed class PlanEntity : TableRow
{
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public string? PlanId { get; set; }
    public string? ConversationId { get; set; }
    public string? Topic { get; set; }
    public string? Text { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? Due { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public bool? SharedWithManager { get; set; }
    public bool? FieldDayRequested { get; set; }
    public string? Outcome { get; set; }
    public string? OutcomeNote { get; set; }

    public static PlanEntity From(PlanRecord p) => new()
    {
        PartitionKey = TableKeys.UserPartition(p.TenantId, p.UserKey),
        RowKey = PlanStore.RowKey(p.PlanId),
        TenantId = p.TenantId,
        UserKey = p.UserKey,
        PlanId = p.PlanId,
        ConversationId = p.ConversationId,
        Topic = p.Topic,
        Text = p.Text,
        Due = TableQueries.Day(p.Due),
        CreatedAt = p.CreatedAt,
        SharedWithManager = p.SharedWithManager,
        FieldDayRequested = p.FieldDayRequested,
        Outcome = p.Outcome,
        OutcomeNote = p.OutcomeNote,
    };

    public PlanRecord ToRecord() => new(
        TenantId!, UserKey!, PlanId!, ConversationId!, Topic, Text!, TableQueries.ParseDay(Due!), CreatedAt ?? DateTimeOffset.MinValue,
        SharedWithManager ?? false, FieldDayRequested ?? false, Outcome, OutcomeNote);
}
