using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>
/// Who counts as a manager CoachBot may nudge. The admin endpoints ask only this, so discovering managers from the
/// directory later replaces one registration, not the checks.
/// </summary>
public interface IKnownManagers
{
    ValueTask<bool> IsKnownAsync(string managerId, CancellationToken ct);
}

/// <summary>Today's source: the configured <c>Nudges:ManagerIds</c> (Entra object ids, compared case-insensitively).</summary>
internal sealed class ConfiguredManagers(IOptions<NudgeOptions> options) : IKnownManagers
{
    public ValueTask<bool> IsKnownAsync(string managerId, CancellationToken ct) =>
        ValueTask.FromResult(options.Value.ManagerIds.Contains(managerId, StringComparer.OrdinalIgnoreCase));
}
