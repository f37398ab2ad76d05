using CoachBot.Storage.Delivery;
using CoachBot.Storage.Nudges;

namespace CoachBot.Nudges;

/// <summary>One manager CoachBot could not reach, for <c>GET /admin/nudges/not-installed</c>.</summary>
public sealed record NotInstalledManager(
    string TenantId,
    string ManagerId,
    DateTimeOffset LastTried,
    string? InstallState,
    string? InstallDetail,
    DateTimeOffset? NextInstallAttempt);

/// <summary>
/// The not-installed listing: managers whose nudge found no conversation (send records in state notInstalled), each
/// with where CoachBot's own install attempt for them ended and when it will try again (null when it will not:
/// installs are off, or the manager removed the app).
/// </summary>
internal sealed class NotInstalledReport(SendLedger ledger, ManagerInstallStore installs, Microsoft.Extensions.Options.IOptions<NudgeOptions> options)
{
    public async Task<IReadOnlyList<NotInstalledManager>> ListAsync(DateOnly? day, CancellationToken ct)
    {
        var records = await ledger.ListByStateAsync(SendStates.NotInstalled, day, ct).ConfigureAwait(false);
        var attempts = (await installs.ListAsync(ct).ConfigureAwait(false)).ToDictionary(i => (i.TenantId, i.ManagerId));
        var o = options.Value;
        return [.. records
            .GroupBy(r => (r.TenantId, r.UserKey))
            .Select(g =>
            {
                var attempt = attempts.GetValueOrDefault(g.Key);
                DateTimeOffset? next = attempt is null || !o.InstallForManagers || attempt.State == InstallStates.RemovedByUser ? null : attempt.LastTried + o.InstallRetryInterval;
                return new NotInstalledManager(g.Key.TenantId, g.Key.UserKey, g.Max(r => r.UpdatedAt), attempt?.State, attempt?.Detail, next);
            })
            .OrderBy(m => m.ManagerId, StringComparer.Ordinal)];
    }
}
