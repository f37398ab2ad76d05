using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

/// <summary>One inbound activity and the means to answer it, like the SDK's ITurnContext.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Sends a reply to the inbound activity (threaded under it where the channel threads).</summary>
    Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken ct);

    /// <summary>Replaces an activity the bot sent earlier in this conversation.</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, string activityId, CancellationToken ct);
}
