using CoachBot.Storage;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;

namespace CoachBot.Coaching;

/// <summary>
/// Refuses (400) an activity that could not be stored: ids that would make any key the turn writes longer than
/// Azure Tables allows (<see cref="TurnKeys"/>, counted after escaping), or a timestamp before the earliest storable
/// date. Without it such an activity passes validation, fails in storage after the retries, and the channel gets a 500
/// and redelivers it.
/// </summary>
internal sealed class StorageLimitsRule : IActivityRule
{
    public string? Check(Activity activity)
    {
        // The identity the turn itself will use, so the check sees the same tenant and user key the stores get.
        var rep = RepIdentity.From(activity);
        if (!TurnKeys.Fit(rep.TenantId, rep.UserKey, activity.Conversation?.Id ?? "", activity.Id ?? ""))
            return "The ids in the activity are too long to store.";
        // A real channel stamps the current UTC time; anything before 1601 is malformed. Refused rather than clamped:
        // the stored time drives retention and export order, so a made-up one would be wrong either way.
        if (activity.Timestamp is { } at && !TableLimits.IsStorable(at))
            return "The activity's timestamp is out of range.";
        return null;
    }
}
