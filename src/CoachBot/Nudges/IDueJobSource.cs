using CoachBot.Storage.Nudges;

namespace CoachBot.Nudges;

/// <summary>Jobs that fall due by time, found on each scheduler tick; each is enqueued once (see <see cref="NudgeScheduler"/>).</summary>
internal interface IDueJobSource
{
    Task<IReadOnlyList<NudgeJob>> DueAsync(string tenantId, DateTimeOffset now, CancellationToken ct);
}
