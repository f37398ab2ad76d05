namespace CoachBot.Graph.Directory;

/// <summary>Who coaches whom: Entra's manager relationship first, the team mapping file where Entra has none.</summary>
public interface ITeamDirectory
{
    /// <summary>The manager's reps. Throws <see cref="GraphException"/> only when Graph is unreachable.</summary>
    Task<IReadOnlyList<DirectoryUser>> GetRepsAsync(string managerId, CancellationToken cancellationToken = default);

    /// <summary>The rep's manager, or null when neither Entra nor the mapping names one.</summary>
    Task<DirectoryUser?> GetManagerAsync(string repId, CancellationToken cancellationToken = default);
}
