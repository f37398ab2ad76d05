using System.Net;
using CoachBot.Delivery;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// Managers found in the directory instead of a hand-kept list, and reached without installing CoachBot by hand: the real
/// app against Azurite, tools/GraphServer (sample org: Diego reports to Maya; the sales-managers group holds Oliver and,
/// nested, Lena; the catalog holds CoachBot) and the Connector stub.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ManagerDiscoveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ManifestId = "b525083b-a86c-583d-be63-08c784c8bafb";
    private const string SalesManagersGroup = "4f596ecc-13d4-57fe-b4d1-7329d0319c48";
    // Wednesday 25 Nov 2026, 18:00 UTC: after the start of every sample manager's working day.
    private static readonly DateTimeOffset Afternoon = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);
    private NudgeWorld _world = null!;

    public async Task InitializeAsync() => _world = await NudgeWorld.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private BotApp StartApp(Dictionary<string, string?> settings)
    {
        settings["Nudges:ManagerRefreshInterval"] = "00:00:00"; // every call asks the directory again
        return _world.StartApp(settings, configuredManagers: false);
    }

    private async Task RepChatsAsync(BotApp app, string repId)
    {
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(_world.Message(repId, "Client ghosted me after the demo"))).StatusCode);
    }

    /// <summary>The 1:1 conversation the Connector stub creates for a member (Teams returns the same one each time).</summary>
    private static string PersonalChatOf(string userId) => "a:personal-" + userId;

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(45));
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }

    [Fact]
    public async Task Nudge_the_manager_of_a_rep_who_chatted_is_found_without_being_configured()
    {
        var app = StartApp([]);
        await _world.InstallAsync(app, NudgeWorld.Maya); // Maya has the app, but no setting names her
        var roster = app.Services.GetRequiredService<ManagerRoster>();
        Assert.False(await roster.IsKnownManagerAsync(_world.TenantId, NudgeWorld.Maya, default));

        await RepChatsAsync(app, NudgeWorld.Diego);

        Assert.True(await roster.IsKnownManagerAsync(_world.TenantId, NudgeWorld.Maya.ToUpperInvariant(), default));
        Assert.False(await roster.IsKnownManagerAsync(_world.TenantId, NudgeWorld.Oliver, default));
        // Maya's nudge, and her leader's weekly card: that Wednesday is the week's first tick, so the missed Monday is caught up.
        Assert.Equal(2, await app.Services.GetRequiredService<DeliveryScheduler>().RunDueAsync(Afternoon, default));
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);
        Assert.Single(_world.Cards(NudgeWorld.Maya));
        Assert.Empty(_world.Cards(NudgeWorld.Oliver));
        Assert.Empty(_world.Cards(NudgeWorld.Lena));
    }

    [Fact]
    public async Task Nudge_managers_who_never_installed_get_the_app_installed_through_Graph_and_the_card()
    {
        var app = StartApp(new() { ["Nudges:TeamsAppId"] = ManifestId, ["Nudges:SalesManagersGroupId"] = SalesManagersGroup });
        await RepChatsAsync(app, NudgeWorld.Diego); // nobody else has CoachBot

        // Maya as Diego's manager; Oliver and Lena (nested) as members of the sales-managers group; and their leader's weekly
        // card, caught up on the week's first tick (a Wednesday).
        Assert.Equal(4, await app.Services.GetRequiredService<DeliveryScheduler>().RunDueAsync(Afternoon, default));
        foreach (var manager in NudgeWorld.Managers)
            await EventuallyAsync(() => Task.FromResult(_world.CardsIn(PersonalChatOf(manager)).Count), n => n >= 1);

        foreach (var manager in NudgeWorld.Managers) Assert.Single(_world.CardsIn(PersonalChatOf(manager)));
        Assert.Equal(3, await _world.Graph.AppsInstalledAsync());
        Assert.Equal(1, await _world.Graph.RequestCountAsync("GET appCatalogs/teamsApps")); // the catalog id is looked up once
        Assert.Equal(3, _world.Connector.Calls.Count(c => c.Method == "POST" && c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)));
        var installs = app.Services.GetRequiredService<ManagerInstallStore>();
        foreach (var manager in NudgeWorld.Managers)
            Assert.Equal(InstallStates.Installed, (await installs.GetAsync(_world.TenantId, manager, default))!.State);

        // The next run reuses the stored conversation: one more card, no second install.
        Assert.Equal(HttpStatusCode.Accepted, (await _world.RunAsync(app, NudgeWorld.Maya, force: true, day: DateOnly.FromDateTime(Afternoon.UtcDateTime))).StatusCode);
        await EventuallyAsync(() => Task.FromResult(_world.CardsIn(PersonalChatOf(NudgeWorld.Maya)).Count), n => n >= 2);
        Assert.Equal(2, _world.CardsIn(PersonalChatOf(NudgeWorld.Maya)).Count);
        Assert.Equal(3, await _world.Graph.RequestCountAsync("POST teamwork/installedApps"));
    }

    [Theory]
    [InlineData(InstallStates.Forbidden)]
    [InlineData(InstallStates.NotInCatalog)]
    public async Task Nudge_a_refused_install_is_listed_for_admins_and_not_tried_again_that_day(string expected)
    {
        var forbidden = expected == InstallStates.Forbidden;
        if (forbidden) await _world.Graph.ArmAsync("teamwork/installedApps", 403, method: "POST"); // consent or app policy missing
        var app = StartApp(new()
        {
            ["Nudges:ManagerIds:0"] = NudgeWorld.Oliver, // the explicit list still counts
            ["Nudges:TeamsAppId"] = forbidden ? ManifestId : Guid.NewGuid().ToString(), // not in the catalog
        });
        var ledger = _world.Ledger();
        var sendKey = new DeliveryJob(DeliveryJob.NudgeKind, _world.TenantId, NudgeWorld.Oliver, _world.Today).SendKey;

        await _world.RunAsync(app);
        var first = await EventuallyAsync(() => ledger.GetAsync(_world.TenantId, NudgeWorld.Oliver, sendKey, default), r => r?.State == SendStates.NotInstalled);
        Assert.Equal(SendStates.NotInstalled, first?.State);
        await _world.RunAsync(app, force: true); // a rerun the same day meets the recorded refusal
        var second = await EventuallyAsync(() => ledger.GetAsync(_world.TenantId, NudgeWorld.Oliver, sendKey, default), r => r?.Attempt == 2 && r.State == SendStates.NotInstalled);
        Assert.Equal(2, second?.Attempt);

        Assert.Equal(forbidden ? 1 : 0, await _world.Graph.RequestCountAsync("POST teamwork/installedApps"));
        Assert.Equal(1, await _world.Graph.RequestCountAsync("GET appCatalogs/teamsApps"));
        Assert.Equal(0, await _world.Graph.AppsInstalledAsync());
        Assert.DoesNotContain(_world.Connector.Calls, c => c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var install = await app.Services.GetRequiredService<ManagerInstallStore>().GetAsync(_world.TenantId, NudgeWorld.Oliver, default);
        Assert.Equal((expected, 1), (install!.State, install.Attempts));

        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/nudges/not-installed?day={_world.Today:yyyy-MM-dd}");
        request.Headers.Add(NudgeAdminEndpoints.KeyHeader, NudgeWorld.AdminKey);
        Assert.Contains(NudgeWorld.Oliver, await (await client.SendAsync(request)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listed = Assert.Single(await app.Services.GetRequiredService<NotInstalledReport>().ListAsync(_world.Today, default), m => m.TenantId == _world.TenantId);
        Assert.Equal((NudgeWorld.Oliver, expected), (listed.ManagerId, listed.InstallState));
        Assert.Equal(install.LastTried + TimeSpan.FromDays(1), listed.NextInstallAttempt);
    }

    [Fact]
    public async Task Nudge_a_manager_who_removed_the_app_is_not_installed_again()
    {
        var app = StartApp(new() { ["Nudges:ManagerIds:0"] = NudgeWorld.Maya, ["Nudges:TeamsAppId"] = ManifestId });
        await _world.InstallAsync(app, NudgeWorld.Maya);
        var removed = TeamsActivities.Installed(_world.Connector.ServiceUrl, NudgeWorld.ConversationOf(NudgeWorld.Maya), NudgeWorld.Maya);
        removed["action"] = "remove";
        removed["conversation"]!["tenantId"] = _world.TenantId;
        removed["channelData"]!["tenant"]!["id"] = _world.TenantId;
        using (var client = app.CreateHttpClient()) (await client.PostAsync(removed)).EnsureSuccessStatusCode();

        await _world.RunAsync(app);
        var installs = app.Services.GetRequiredService<ManagerInstallStore>();
        var install = await EventuallyAsync(() => installs.GetAsync(_world.TenantId, NudgeWorld.Maya, default), i => i is not null);

        Assert.Equal(InstallStates.RemovedByUser, install?.State);
        Assert.Equal(0, await _world.Graph.RequestCountAsync("POST teamwork/installedApps"));
        Assert.Empty(_world.Cards(NudgeWorld.Maya));
    }
}
