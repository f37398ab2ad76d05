using CoachBot.Storage.Conversations;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Schema;

namespace CoachBot.Delivery;

/// <summary>
/// Messages a user first, outside any turn (follow-ups, nudges). Uses the user's stored personal-chat reference; with
/// only a group-chat or channel reference it creates the 1:1 chat (Teams returns the existing one if there is one).
/// A permanent refusal retires the reference so nobody retries it forever.
/// </summary>
internal sealed partial class ProactiveMessenger(CoachingStore store, ConnectorClient connector, TimeProvider time, ILogger<ProactiveMessenger> logger)
{
    public async Task<ProactiveResult> SendAsync(string tenantId, string userKey, string? text, AdaptiveCard? card, CancellationToken ct)
    {
        var personal = await ResolvePersonalChatAsync(tenantId, userKey, ct).ConfigureAwait(false);
        return personal is null ? new ProactiveResult(ProactiveOutcome.NotInstalled) : await SendAsync(personal, text, card, ct).ConfigureAwait(false);
    }

    /// <summary>The user's 1:1 chat with the bot: stored, or created from another of their references; null when there is none.</summary>
    public async Task<StoredConversationReference?> ResolvePersonalChatAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var references = (await store.GetReferencesAsync(tenantId, userKey, ct).ConfigureAwait(false)).Where(r => !r.IsStale).ToList();
        var personal = references.Where(r => r.ConversationType is "personal" or null).OrderByDescending(r => r.UpdatedAt).FirstOrDefault();
        try
        {
            return personal ?? await CreatePersonalChatAsync(references, ct).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.IsPermanent)
        {
            // Creating the 1:1 was refused: the app is not installed for the user; their group chats are still fine.
            LogRefused(logger, (int)ex.Status, ex.Code);
            return null;
        }
    }

    /// <summary>
    /// Sends into a known 1:1 chat. <paramref name="retireOnRefusal"/> false leaves storage untouched on a permanent
    /// refusal (the "forget me" confirmation: retiring the reference would write a row for an erased rep).
    /// </summary>
    public async Task<ProactiveResult> SendAsync(StoredConversationReference personal, string? text, AdaptiveCard? card, CancellationToken ct, bool retireOnRefusal = true)
    {
        try
        {
            var activity = new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = text is null ? null : TextFormats.Markdown };
            if (card is not null) activity.WithCard(card.ToJsonElement());
            // A reference stored before the type was kept is a 1:1 (ResolvePersonalChatAsync takes those as personal).
            var reference = personal.ToReference() with { ConversationType = "personal" };
            var sent = await connector.ContinueConversationAsync(reference, activity, ct).ConfigureAwait(false);
            Telemetry.CoachBotTelemetry.ProactiveSent(ProactiveOutcome.Sent);
            return new ProactiveResult(ProactiveOutcome.Sent, personal.ConversationId, sent.Id);
        }
        catch (ConnectorException ex) when (ex.IsPermanent)
        {
            LogRefused(logger, (int)ex.Status, ex.Code);
            Telemetry.CoachBotTelemetry.ProactiveSent(ProactiveOutcome.Refused);
            if (retireOnRefusal) await store.UpsertReferenceAsync(personal with { IsStale = true, UpdatedAt = time.GetUtcNow() }, ct).ConfigureAwait(false);
            return new ProactiveResult(ProactiveOutcome.Refused);
        }
    }

    private async Task<StoredConversationReference?> CreatePersonalChatAsync(IReadOnlyList<StoredConversationReference> references, CancellationToken ct)
    {
        var any = references.OrderByDescending(r => r.UpdatedAt).FirstOrDefault();
        if (any is null) return null;
        var created = await connector.CreateConversationAsync(any.ServiceUrl,
            ConversationParameters.PersonalChat(any.UserId, any.TenantId, any.BotId), ct).ConfigureAwait(false);
        var personal = any with
        {
            ConversationId = created.Id!,
            ConversationType = "personal",
            ServiceUrl = created.ServiceUrl ?? any.ServiceUrl,
            UpdatedAt = time.GetUtcNow(),
        };
        await store.UpsertReferenceAsync(personal, ct).ConfigureAwait(false);
        return personal;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused a proactive message for good ({Status} {Code}); reference retired")]
    private static partial void LogRefused(ILogger logger, int status, string? code);
}
