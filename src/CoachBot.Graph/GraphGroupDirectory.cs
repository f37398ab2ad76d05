using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace CoachBot.Graph;

/// <summary><see cref="IGroupDirectory"/> over <c>GET /groups/{id}/transitiveMembers/microsoft.graph.user</c> (needs GroupMember.Read.All).</summary>
public sealed class GraphGroupDirectory(GraphServiceClient client, ILogger<GraphGroupDirectory>? logger = null) : IGroupDirectory
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public Task<IReadOnlyList<string>> GetTransitiveUserIdsAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        return GraphCall.RunLoggedAsync<IReadOnlyList<string>>(_logger, "groupMembers", async () =>
        {
            var ids = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var first = await client.Groups[groupId].TransitiveMembers.GraphUser
                .GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken).ConfigureAwait(false);
            if (first is null) return ids;
            var pages = PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, first, user =>
            {
                if (user.Id is { Length: > 0 } id && seen.Add(id)) ids.Add(id);
                return true;
            });
            await pages.IterateAsync(cancellationToken).ConfigureAwait(false);
            return ids;
        }, cancellationToken);
    }
}
