using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Graph.Directory;

/// <summary>
/// Prefers Graph's directReports/manager; falls back to the <see cref="TeamMapping"/> when Graph has none. Mapped
/// UPNs are resolved through Graph so callers always get object ids; mapped users missing from the directory are skipped.
/// </summary>
public sealed class TeamDirectory : ITeamDirectory
{
    private readonly ICalendarDirectory _graph;
    private readonly TeamMapping _mapping;
    private readonly ILogger _logger;

    public TeamDirectory(ICalendarDirectory graph, TeamMapping mapping, ILogger<TeamDirectory>? logger = null)
    {
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        _mapping = mapping ?? throw new ArgumentNullException(nameof(mapping));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public async Task<IReadOnlyList<DirectoryUser>> GetRepsAsync(string managerId, CancellationToken cancellationToken = default)
    {
        var fromGraph = await _graph.GetDirectReportsAsync(managerId, cancellationToken).ConfigureAwait(false);
        if (fromGraph.Count > 0 || _mapping.Entries.Count == 0) return fromGraph;

        GraphLog.UsingTeamMapping(_logger, "directReports", managerId);
        var manager = await _graph.GetUserAsync(managerId, cancellationToken).ConfigureAwait(false);
        var reps = new List<DirectoryUser>();
        foreach (var key in _mapping.RepsOf(managerId, manager?.Id, manager?.UserPrincipalName, manager?.Mail))
        {
            var rep = await _graph.GetUserAsync(key, cancellationToken).ConfigureAwait(false);
            if (rep is null) GraphLog.MappedUserMissing(_logger, key);
            else if (!reps.Any(r => r.Id == rep.Id)) reps.Add(rep);
        }

        return reps;
    }

    public async Task<DirectoryUser?> GetManagerAsync(string repId, CancellationToken cancellationToken = default)
    {
        var fromGraph = await _graph.GetManagerAsync(repId, cancellationToken).ConfigureAwait(false);
        if (fromGraph is not null || _mapping.Entries.Count == 0) return fromGraph;

        var rep = await _graph.GetUserAsync(repId, cancellationToken).ConfigureAwait(false);
        var key = _mapping.ManagerOf(repId, rep?.Id, rep?.UserPrincipalName, rep?.Mail);
        if (key is null) return null;

        GraphLog.UsingTeamMapping(_logger, "manager", repId);
        var manager = await _graph.GetUserAsync(key, cancellationToken).ConfigureAwait(false);
        if (manager is null) GraphLog.MappedUserMissing(_logger, key);
        return manager;
    }
}
