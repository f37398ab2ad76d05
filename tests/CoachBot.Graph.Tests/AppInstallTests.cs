using CoachBot.Tools.GraphServer.Control;

namespace CoachBot.Graph.Tests;

/// <summary>Proactive install of CoachBot for a user (catalog lookup, install, 409, 403, 404) through the real SDK over HTTP.</summary>
public sealed class AppInstallTests
{
    private const string InstallOp = "POST teamwork/installedApps";

    [Fact]
    public async Task The_catalog_id_is_found_by_manifest_id_and_a_quote_cannot_widen_the_filter()
    {
        await using var server = await TestGraphServer.StartAsync();
        var installer = server.CreateInstaller();

        Assert.Equal(Orgs.CoachBotCatalogId, await installer.FindCatalogAppIdAsync(Orgs.CoachBotManifestId));
        Assert.Null(await installer.FindCatalogAppIdAsync(Guid.NewGuid().ToString()));
        // Unescaped, this would read "externalId eq 'x' or id eq '…'" and match CoachBot.
        Assert.Null(await installer.FindCatalogAppIdAsync($"x' or id eq '{Orgs.CoachBotCatalogId}"));
    }

    [Fact]
    public async Task Install_returns_the_chat_and_a_second_install_reuses_it_after_409()
    {
        await using var server = await TestGraphServer.StartAsync();
        var installer = server.CreateInstaller();

        var first = await installer.InstallForUserAsync(Orgs.Maya, Orgs.CoachBotCatalogId);
        var second = await installer.InstallForUserAsync(Orgs.Maya, Orgs.CoachBotCatalogId);

        Assert.False(first.AlreadyInstalled);
        Assert.Equal($"19:{Orgs.Maya}_{Orgs.CoachBotCatalogId}@unq.gbl.spaces", first.ChatId);
        Assert.True(second.AlreadyInstalled); // the server answered 409 to the second POST
        Assert.Equal(first, second with { AlreadyInstalled = false });
        Assert.Equal(2, await server.RequestCountAsync(InstallOp));
        Assert.Equal(1, (await server.StatsAsync())["appsInstalled"]!.GetValue<int>());
        Assert.Equal(2, await server.RequestCountAsync("GET teamwork/installedApps/{id}/chat"));
    }

    [Fact]
    public async Task A_403_is_AccessDenied_and_nothing_is_installed()
    {
        await using var server = await TestGraphServer.StartAsync();
        await server.ArmAsync(new Fault { Path = "teamwork/installedApps", Method = "POST", Status = 403, Count = -1 });

        var denied = await Assert.ThrowsAsync<GraphException>(() => server.CreateInstaller().InstallForUserAsync(Orgs.Maya, Orgs.CoachBotCatalogId));

        Assert.Equal(GraphFailureKind.AccessDenied, denied.Kind);
        Assert.Equal(1, await server.RequestCountAsync(InstallOp)); // a 403 is not retried
        Assert.Equal(0, (await server.StatsAsync())["appsInstalled"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_app_missing_from_the_catalog_or_an_unknown_user_is_NotFound()
    {
        await using var server = await TestGraphServer.StartAsync();
        var installer = server.CreateInstaller();

        var noApp = await Assert.ThrowsAsync<GraphException>(() => installer.InstallForUserAsync(Orgs.Maya, Guid.NewGuid().ToString()));
        var noUser = await Assert.ThrowsAsync<GraphException>(() => installer.InstallForUserAsync(Guid.NewGuid().ToString(), Orgs.CoachBotCatalogId));

        Assert.Equal(GraphFailureKind.NotFound, noApp.Kind);
        Assert.Equal(GraphFailureKind.NotFound, noUser.Kind);
    }
}
