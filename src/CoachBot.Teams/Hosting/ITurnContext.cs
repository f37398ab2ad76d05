using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

/// <summary>One inbound activity and the means to answer it, like the SDK's ITurnContext.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>The conversation's id: the adapter refuses any activity without one (<see cref="ActivityValidator"/>).</summary>
    string ConversationId => Activity.Conversation?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("The activity has no conversation id.");

    /// <summary>The activity's id: the adapter refuses a message or invoke without one (<see cref="ActivityValidator"/>).</summary>
    string ActivityId => Activity.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("The activity has no id.");

    /// <summary>Sends a reply to the inbound activity (threaded under it where the channel threads).</summary>
    Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken ct);

    /// <summary>
    /// Sends a reply that gives up if the rate limits hold it past <paramref name="leaveBy"/>; once sent, only
    /// <paramref name="ct"/> cancels it (a call cut off in flight may still have been delivered).
    /// </summary>
    Task<ResourceResponse> SendActivityAsync(Activity reply, DateTimeOffset leaveBy, CancellationToken ct);

    /// <summary>Replaces an activity the bot sent earlier in this conversation.</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, string activityId, CancellationToken ct);
}
