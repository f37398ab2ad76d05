namespace CoachBot.Graph;

/// <summary>Group membership in Entra ID. Throws only <see cref="GraphException"/> (NotFound when the group does not exist).</summary>
public interface IGroupDirectory
{
    /// <summary>Object ids of every user in the group, nested groups included, following every @odata.nextLink.</summary>
    Task<IReadOnlyList<string>> GetTransitiveUserIdsAsync(string groupId, CancellationToken cancellationToken = default);
}
