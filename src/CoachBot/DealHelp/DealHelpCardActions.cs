using CoachBot.Coaching;
using CoachBot.Delivery;
using CoachBot.Graph;
using CoachBot.Graph.Directory;
using CoachBot.Storage.DealHelp;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Hosting;

namespace CoachBot.DealHelp;

/// <summary>
/// The rep's deal-help card ("dealhelp.*"). Send looks up the rep's manager in the directory, stores the request once
/// (the first Send wins) and enqueues the manager's message, which the send ledger lets out once however often the click
/// or its activity is redelivered. Keep stores and sends nothing. The clicker is always the rep: the request id is a
/// hash of the clicker's own key and the message, so nobody can send for someone else.
/// </summary>
internal sealed class DealHelpCardActions(
    DealHelpStore store,
    ITeamDirectory team,
    ICalendarDirectory calendar,
    DeliveryScheduler scheduler,
    TimeProvider time,
    ILogger<DealHelpCardActions> logger) : ICardActionHandler
{
    public bool Handles(string verb) => verb.StartsWith("dealhelp.", StringComparison.Ordinal);

    public async Task<InvokeResponse> HandleAsync(CardActionInvoke action, RepIdentity user, CancellationToken ct)
    {
        if (action.GetString("req") is not { Length: 32 } requestId) return InvokeResponses.Error(400, "BadRequest", "That card is out of date.");
        var request = Text(action, DealHelpCards.RequestInput);
        var ask = Text(action, DealHelpCards.AskInput);
        var response = action.Verb switch
        {
            DealHelpCards.Keep => InvokeResponses.Card(DealHelpCards.BuildAsk(requestId, request, ask, kept: true)),
            DealHelpCards.Send => await SendAsync(user, requestId, request, ask, ct).ConfigureAwait(false),
            _ => InvokeResponses.Error(400, "UnknownAction", "That button is not supported."),
        };
        DealHelpLog.Action(logger, action.Verb, InvokeResponses.CardOf(response) is null ? "refused" : "done");
        return response;
    }

    private async Task<InvokeResponse> SendAsync(RepIdentity user, string requestId, string? request, string? ask, CancellationToken ct)
    {
        // Sent before (a second click, another window, a redelivered invoke): show what went and make sure the job is queued.
        var stored = await store.GetAsync(user.TenantId, requestId, ct).ConfigureAwait(false);
        if (stored is not null && !Same(stored.RepId, user.UserKey)) return InvokeResponses.Error(404, "NotFound", "That request is no longer available.");
        if (stored is null)
        {
            if (request is null) return InvokeResponses.Card(DealHelpCards.BuildAsk(requestId, request, ask, error: "Say which deal and when, then press Send."));
            DirectoryUser? manager;
            DirectoryUser? rep;
            try
            {
                manager = await team.GetManagerAsync(user.UserKey, ct).ConfigureAwait(false);
                rep = await calendar.GetUserAsync(user.UserKey, ct).ConfigureAwait(false);
            }
            catch (GraphException ex)
            {
                DealHelpLog.GraphFailed(logger, ex.Operation);
                return InvokeResponses.Card(DealHelpCards.BuildAsk(requestId, request, ask, error: "I couldn't reach the directory to find your manager. Nothing was sent; try again in a minute."));
            }
            if (manager is null)
                return InvokeResponses.Card(DealHelpCards.BuildAsk(requestId, request, ask, error: "I couldn't find your manager in the directory, so nothing was sent."));
            var now = time.GetUtcNow();
            stored = await store.AddOnceAsync(new DealHelpRecord(user.TenantId, requestId, user.UserKey, rep?.DisplayName is { Length: > 0 } name ? name : "Your rep",
                manager.Id, manager.DisplayName, request, ask, DateOnly.FromDateTime(now.UtcDateTime), now), ct).ConfigureAwait(false);
        }
        await scheduler.EnqueueOnceAsync(DealHelpJobs.For(stored), time.GetUtcNow(), ct).ConfigureAwait(false);
        return InvokeResponses.Card(DealHelpCards.BuildSent(stored));
    }

    private static string? Text(CardActionInvoke action, string input) =>
        action.GetString(input)?.Trim() is { Length: > 0 } t ? (t.Length <= DealHelpCards.MaxLength ? t : t[..DealHelpCards.MaxLength]) : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
