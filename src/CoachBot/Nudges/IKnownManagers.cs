namespace CoachBot.Nudges;

/// <summary>
/// Who counts as a manager CoachBot may nudge. The admin endpoints ask only this, so discovering managers from the
/// directory later replaces one registration, not the checks.
/// </summary>
public interface IKnownManagers
{
    ValueTask<bool> IsKnownAsync(string managerId, CancellationToken ct);
}

/// <summary>The directory-derived roster of the nudge tenant (<see cref="ManagerRoster"/>: reps' managers, the sales group, configured ids).</summary>
internal sealed class RosterManagers(ManagerRoster roster, NudgeTenant tenant) : IKnownManagers
{
    public async ValueTask<bool> IsKnownAsync(string managerId, CancellationToken ct) =>
        await roster.IsKnownManagerAsync(tenant.Id, managerId, ct).ConfigureAwait(false);
}
