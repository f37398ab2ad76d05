namespace CoachBot.Graph.Tests;

public sealed class DirectoryTests
{
    [Fact]
    public async Task DirectReports_FollowsNextLinkAcrossPages()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();

        var reps = await graph.GetDirectReportsAsync(Orgs.Maya);

        Assert.Equal(6, reps.Count); // page size 4 in samples/org.json: two pages
        Assert.Contains(reps, r => r.Id == Orgs.Diego && r.Mail == "diego.alvarez@contoso-sales.example");
        Assert.Equal(2, await server.RequestCountAsync("GET directReports"));
    }

    [Fact]
    public async Task Manager_IsReturned()
    {
        await using var server = await TestGraphServer.StartAsync();
        var manager = await server.CreateDirectory().GetManagerAsync(Orgs.Diego);
        Assert.Equal(Orgs.Maya, manager?.Id);
        Assert.Equal("Maya Patel", manager?.DisplayName);
    }

    [Fact]
    public async Task Manager_NotSet_404_IsNull()
    {
        await using var server = await TestGraphServer.StartAsync();
        Assert.Null(await server.CreateDirectory().GetManagerAsync(Orgs.Sam));
    }

    [Fact]
    public async Task User_ByUpn_And_Missing()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();
        Assert.Equal(Orgs.Lena, (await graph.GetUserAsync("lena.fischer@contoso-sales.example"))?.Id);
        Assert.Null(await graph.GetUserAsync(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task LocalMode_SendsNoAuthorizationHeader()
    {
        await using var server = await TestGraphServer.StartAsync();
        await server.CreateDirectory().GetDirectReportsAsync(Orgs.Oliver);
        Assert.Equal(0, (await server.StatsAsync())["authorizationHeaders"]?.GetValue<int>());
    }

    [Fact]
    public void LocalMode_RefusesNonLoopbackBaseUrl()
    {
        var options = new GraphOptions { BaseUrl = "https://graph.microsoft.com/v1.0" };
        Assert.Throws<InvalidOperationException>(() => GraphClientBuilder.Build(options, new MailboxConcurrencyHandler(4)));
    }

    [Fact]
    public void AppOnly_ClientSecret_BuildsWithoutNetwork()
    {
        var options = new GraphOptions { TenantId = Guid.NewGuid().ToString(), ClientId = Guid.NewGuid().ToString(), ClientSecret = "not-a-real-secret" };
        Assert.NotNull(GraphClientBuilder.Build(options, new MailboxConcurrencyHandler(4)));
        Assert.Throws<InvalidOperationException>(() =>
            GraphClientBuilder.Build(new GraphOptions { ClientId = "x", TenantId = "t" }, new MailboxConcurrencyHandler(4)));
    }
}

public sealed class GraphServerTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5299")]
    [InlineData("http://*:5299")]
    [InlineData("http://192.168.1.10:5299")]
    public void Server_RefusesNonLoopbackUrls(string url) =>
        Assert.Throws<InvalidOperationException>(() => CoachBot.Tools.GraphServer.GraphServerApp.Build(["--urls", url], Orgs.BigTeam(1)));

    [Fact]
    public void GeneratedCalendars_AreDeterministic()
    {
        var org = CoachBot.Tools.GraphServer.Org.OrgData.LoadDefault();
        var a = CoachBot.Tools.GraphServer.Org.CalendarGenerator.Generate(org, TestGraphServer.Now);
        var b = CoachBot.Tools.GraphServer.Org.CalendarGenerator.Generate(org, TestGraphServer.Now);
        Assert.Equal(a.Select(e => (e.Id, e.StartUtc, e.Subject)), b.Select(e => (e.Id, e.StartUtc, e.Subject)));
    }
}
