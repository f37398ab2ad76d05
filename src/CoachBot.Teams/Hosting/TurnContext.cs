using CoachBot.Teams.Connector;
using CoachBot.Teams.Schema;
using CoachBot.Teams.Auth;

namespace CoachBot.Teams.Hosting;

public sealed class TurnContext(Activity activity, ConnectorClient connector) : ITurnContext
{
    public Activity Activity { get; } = activity;

    /// <summary>What the auth step verified about the caller (kept when the turn is acknowledged early and rerun later).</summary>
    public VerifiedCaller Caller { get; init; } = VerifiedCaller.None;

    public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken ct) => connector.ReplyToActivityAsync(reply, ct);

    public Task<ResourceResponse> SendActivityAsync(Activity reply, DateTimeOffset leaveBy, CancellationToken ct) =>
        connector.ReplyToActivityAsync(reply, ct, leaveBy);

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, string activityId, CancellationToken ct) =>
        connector.UpdateActivityAsync(activity, activityId, ct);
}
