using CoachBot.Tools.GraphServer.Control;
using CoachBot.Tools.GraphServer.Org;

namespace CoachBot.Graph.Tests;

/// <summary>The sales-managers group's transitive user members, read through the real SDK over HTTP.</summary>
public sealed class GroupMembersTests
{
    private const string MembersOp = "GET groups/transitiveMembers/graph.user";

    [Fact]
    public async Task Nested_groups_are_expanded_and_each_user_listed_once()
    {
        await using var server = await TestGraphServer.StartAsync();

        var ids = await server.CreateGroups().GetTransitiveUserIdsAsync(Orgs.SalesManagersGroup);

        // Oliver is a direct member and a member of the nested EMEA group; Lena only of the nested one.
        Assert.Equal([Orgs.Lena, Orgs.Oliver], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_page_is_followed()
    {
        var org = new OrgData { GenerateMeetings = false, PageSize = 4 };
        for (var i = 0; i < 11; i++) org.Users.Add(new OrgUser { Id = Guid.NewGuid().ToString(), DisplayName = $"M{i}", UserPrincipalName = $"m{i}@test.example", Role = UserRole.Manager });
        org.Groups.Add(new OrgGroup { Id = "g-1", DisplayName = "Sales managers", Members = [.. org.Users.Select(u => u.Id)] });
        await using var server = await TestGraphServer.StartAsync(org);

        var ids = await server.CreateGroups().GetTransitiveUserIdsAsync("g-1");

        Assert.Equal(org.Users.Select(u => u.Id).Order(), ids.Order());
        Assert.Equal(3, await server.RequestCountAsync(MembersOp)); // 4 + 4 + 3
    }

    [Fact]
    public async Task An_unknown_group_is_NotFound_and_an_outage_is_Unavailable()
    {
        await using var server = await TestGraphServer.StartAsync();
        var groups = server.CreateGroups();

        var missing = await Assert.ThrowsAsync<GraphException>(() => groups.GetTransitiveUserIdsAsync("no-such-group"));
        Assert.Equal(GraphFailureKind.NotFound, missing.Kind);

        await server.ArmAsync(new Fault { Path = "transitiveMembers", Status = 503, RetryAfter = 0, Count = -1 });
        var down = await Assert.ThrowsAsync<GraphException>(() => groups.GetTransitiveUserIdsAsync(Orgs.SalesManagersGroup));
        Assert.Equal(GraphFailureKind.Unavailable, down.Kind);
    }
}
