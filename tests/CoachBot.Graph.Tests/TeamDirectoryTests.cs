using CoachBot.Graph.Directory;

namespace CoachBot.Graph.Tests;

public sealed class TeamDirectoryTests
{
    private const string Csv = """
        manager,rep
        maya.patel@contoso-sales.example,sam.rivera@contoso-sales.example
        sam.rivera@contoso-sales.example,diego.alvarez@contoso-sales.example
        sam.rivera@contoso-sales.example,departed.rep@contoso-sales.example
        """;

    [Fact]
    public async Task ManagerMissingInGraph_FallsBackToMapping()
    {
        await using var server = await TestGraphServer.StartAsync();
        var teams = new TeamDirectory(server.CreateDirectory(), TeamMappingCsv.Parse(Csv));

        var manager = await teams.GetManagerAsync(Orgs.Sam); // Graph: 404; mapping: Maya by UPN

        Assert.Equal(Orgs.Maya, manager?.Id);
    }

    [Fact]
    public async Task GraphWins_WhenItHasData()
    {
        await using var server = await TestGraphServer.StartAsync();
        var teams = new TeamDirectory(server.CreateDirectory(), TeamMappingCsv.Parse(Csv));

        Assert.Equal(Orgs.Maya, (await teams.GetManagerAsync(Orgs.Diego))?.Id); // mapping says Sam; Entra says Maya
        Assert.Equal(6, (await teams.GetRepsAsync(Orgs.Maya)).Count);
    }

    [Fact]
    public async Task NoDirectReportsInGraph_UsesMapping_SkippingUnknownUsers()
    {
        await using var server = await TestGraphServer.StartAsync();
        var teams = new TeamDirectory(server.CreateDirectory(), TeamMappingCsv.Parse(Csv));

        var reps = await teams.GetRepsAsync(Orgs.Sam);

        Assert.Equal([Orgs.Diego], reps.Select(r => r.Id));
    }

    [Fact]
    public async Task NoMapping_NoManager_IsNull()
    {
        await using var server = await TestGraphServer.StartAsync();
        var teams = new TeamDirectory(server.CreateDirectory(), TeamMapping.Empty);
        Assert.Null(await teams.GetManagerAsync(Orgs.Sam));
        Assert.Empty(await teams.GetRepsAsync(Orgs.Sam));
    }
}
