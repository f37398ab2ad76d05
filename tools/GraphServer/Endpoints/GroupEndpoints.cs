using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer.Endpoints;

/// <summary>/groups/{id}/transitiveMembers cast to users (nested groups expanded), paged like Graph.</summary>
public static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this RouteGroupBuilder graph)
    {
        // The SDK writes the short cast ("graph.user"); Graph's documentation writes the long one. Graph accepts both.
        graph.MapGet("/groups/{id}/transitiveMembers/microsoft.graph.user", TransitiveUsers);
        graph.MapGet("/groups/{id}/transitiveMembers/graph.user", TransitiveUsers);
        return graph;
    }

    private static IResult TransitiveUsers(string id, HttpRequest request, GraphStore store) =>
        store.TransitiveUsers(id) is { } users ? UserEndpoints.Paged(request, users, store.Org.PageSize) : GraphJson.UserNotFound(id);
}
