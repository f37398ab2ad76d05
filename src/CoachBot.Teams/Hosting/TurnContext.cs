using CoachBot.Teams.Connector;
using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

public sealed class TurnContext(Activity activity, ConnectorClient connector) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken ct) => connector.ReplyToActivityAsync(reply, ct);

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, string activityId, CancellationToken ct) =>
        connector.UpdateActivityAsync(activity, activityId, ct);
}
