using System.Net;
using CoachBot.Delivery;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>Once-only delivery of daily nudges across instances, crashes, reruns and Connector/Graph failures.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NudgeDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private NudgeWorld _world = null!;

    public async Task InitializeAsync() => _world = await NudgeWorld.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<BotApp> StartInstalledAppAsync(IDictionary<string, string?>? overrides = null)
    {
        var app = _world.StartApp(overrides);
        foreach (var m in NudgeWorld.Managers) await _world.InstallAsync(app, m);
        return app;
    }

    [Fact]
    public async Task Nudge_two_instances_send_exactly_one_card_per_manager()
    {
        var a = await StartInstalledAppAsync();
        var b = _world.StartApp();

        // Both instances are asked to run the day (as two schedulers or an admin rerun would): 6 jobs for 3 managers.
        Assert.Equal(HttpStatusCode.Accepted, (await _world.RunAsync(a)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _world.RunAsync(b)).StatusCode);
        await _world.WaitForCardsAsync(NudgeWorld.Managers);

        foreach (var m in NudgeWorld.Managers) Assert.Single(_world.Cards(m));
        var record = await _world.Ledger().GetAsync(_world.TenantId, NudgeWorld.Maya, new DeliveryJob(DeliveryJob.NudgeKind, _world.TenantId, NudgeWorld.Maya, _world.Today).SendKey, default);
        Assert.Equal(SendStates.Sent, record!.State);
        Assert.Equal(_world.Cards(NudgeWorld.Maya)[0].Body is not null, record.ActivityId is not null);
    }

    [Fact]
    public async Task Nudge_scheduler_enqueues_each_manager_once_at_their_local_morning()
    {
        var a = await StartInstalledAppAsync();
        var b = _world.StartApp();
        // Wednesday 25 Nov 2026: 06:00 UTC is before every manager's start (Maya 01:00 EST, Oliver 06:00 GMT, Lena 07:00 CET).
        var early = new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);
        var afternoon = new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

        // No nudge yet; only the sales leader's weekly card, caught up on the week's first tick (her Monday was missed).
        Assert.Equal(1, await a.Services.GetRequiredService<DeliveryScheduler>().RunDueAsync(early, default));
        var lena = await a.Services.GetRequiredService<DeliveryScheduler>().RunDueAsync(early.AddHours(1.5), default);
        var first = await a.Services.GetRequiredService<DeliveryScheduler>().RunDueAsync(afternoon, default);
        var second = await b.Services.GetRequiredService<DeliveryScheduler>().RunDueAsync(afternoon, default);
        await _world.WaitForCardsAsync(NudgeWorld.Managers);

        Assert.Equal(1, lena);
        Assert.Equal(2, first);
        Assert.Equal(0, second);
        foreach (var m in NudgeWorld.Managers) Assert.Single(_world.Cards(m));
    }

    [Fact]
    public async Task Nudge_a_worker_killed_mid_batch_loses_no_manager_and_doubles_none()
    {
        // Instance A works slowly (Graph answers after 1.5 s) and is stopped while its jobs are in flight.
        await _world.Graph.ArmAsync("getSchedule", status: 0, count: 3, delayMs: 1500);
        var a = await StartInstalledAppAsync(new Dictionary<string, string?> { ["Nudges:WorkerConcurrency"] = "3" });
        await _world.RunAsync(a);
        await Task.Delay(700);
        await _world.DisposeAppAsync(a);

        // A crash right after claiming (before sending): Oliver's claim is left "sending" with a lease already over.
        var ledger = _world.Ledger();
        var oliverJob = new DeliveryJob(DeliveryJob.NudgeKind, _world.TenantId, NudgeWorld.Oliver, _world.Today);
        var stale = await ledger.TryClaimAsync(oliverJob, "crashed-worker", DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromMinutes(1), default);

        var b = _world.StartApp();
        await _world.RunAsync(b);
        await _world.WaitForCardsAsync(NudgeWorld.Managers);

        foreach (var m in NudgeWorld.Managers) Assert.Single(_world.Cards(m));
        var oliver = await ledger.GetAsync(_world.TenantId, NudgeWorld.Oliver, oliverJob.SendKey, default);
        Assert.Equal(SendStates.Sent, oliver!.State);
        if (stale.Outcome == ClaimOutcome.Claimed)
        {
            // The takeover is flagged: the earlier attempt might have reached Teams (it did not, here).
            Assert.True(oliver.Uncertain);
            Assert.True(oliver.Attempt >= 2);
        }
    }

    [Fact]
    public async Task Nudge_a_dequeued_job_that_is_never_finished_comes_back()
    {
        var a = await StartInstalledAppAsync(new Dictionary<string, string?> { ["Nudges:WorkerEnabled"] = "false" });
        await _world.RunAsync(a);
        // A worker receives all three jobs and dies without deleting them.
        var taken = await _world.Queue().ReceiveMessagesAsync(32, TimeSpan.FromSeconds(2));
        Assert.Equal(3, taken.Value.Length);

        _world.StartApp();
        await Task.Delay(2500);
        await _world.WaitForCardsAsync(NudgeWorld.Managers);

        foreach (var m in NudgeWorld.Managers) Assert.Single(_world.Cards(m));
    }

    [Fact]
    public async Task Nudge_a_429_storm_from_the_connector_is_survived()
    {
        var a = await StartInstalledAppAsync();
        _world.Connector.FailNext(HttpStatusCode.TooManyRequests, 14);

        await _world.RunAsync(a);
        await _world.WaitForCardsAsync(NudgeWorld.Managers, timeout: TimeSpan.FromSeconds(90));

        foreach (var m in NudgeWorld.Managers) Assert.Single(_world.Cards(m));
        Assert.True(_world.Connector.Calls.Count(c => !c.Succeeded) >= 14);
        Assert.Equal(0, (await _world.Queue(poison: true).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Nudge_a_retry_after_longer_than_the_connector_waits_goes_back_to_the_queue_for_that_long()
    {
        var a = await StartInstalledAppAsync();
        _world.Connector.FailNext(HttpStatusCode.TooManyRequests, 1, "Throttled", retryAfterSeconds: 600);

        await _world.RunAsync(a, NudgeWorld.Maya);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !_world.Connector.Calls.Any(c => !c.Succeeded)) await Task.Delay(50);
        Assert.Single(_world.Connector.Calls, c => !c.Succeeded);
        // The job is back in the queue, hidden for Teams' 10 minutes, not retried after the 300 ms queue backoff.
        var queue = _world.Queue();
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount != 1) await Task.Delay(50);
        await Task.Delay(1000); // several queue backoffs' worth: a job wrongly released at 300 ms would be visible again
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync(1)).Value);
        Assert.Empty(_world.Cards(NudgeWorld.Maya));
        Assert.Single(_world.Connector.Calls, c => !c.Succeeded); // not retried in process either
    }

    [Fact]
    public async Task Nudge_graph_outage_still_sends_the_card_without_slots()
    {
        var a = await StartInstalledAppAsync();
        await _world.Graph.ArmAsync("getSchedule", status: 503);

        await _world.RunAsync(a, NudgeWorld.Maya);
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);

        var card = NudgeWorld.CardOf(Assert.Single(_world.Cards(NudgeWorld.Maya)));
        Assert.Contains("couldn't reach your calendar", NudgeWorld.AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain(NudgeWorld.Actions(card), x => x.GetProperty("verb").GetString() == NudgeCard.Book);
    }

    [Fact]
    public async Task Nudge_rerun_is_once_only_unless_forced()
    {
        var a = await StartInstalledAppAsync();

        await _world.RunAsync(a, NudgeWorld.Maya);
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);
        await _world.RunAsync(a, NudgeWorld.Maya);
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);
        Assert.Single(_world.Cards(NudgeWorld.Maya));

        await _world.RunAsync(a, NudgeWorld.Maya, force: true);
        await _world.WaitForCardsAsync([NudgeWorld.Maya], perManager: 2);
        Assert.Equal(2, _world.Cards(NudgeWorld.Maya).Count);
        Assert.Empty(_world.Cards(NudgeWorld.Oliver));
    }

    [Fact]
    public async Task Nudge_admin_endpoints_need_the_key_and_vanish_without_one()
    {
        var a = _world.StartApp();
        var noKeyConfigured = _world.StartApp(new Dictionary<string, string?> { ["Admin:ApiKey"] = "" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await _world.RunAsync(a, key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _world.RunAsync(a, key: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.RunAsync(noKeyConfigured)).StatusCode);
        using var bad = await _world.RunAsync(a, day: null);
        Assert.Equal(HttpStatusCode.Accepted, bad.StatusCode);
    }

    [Fact]
    public async Task Nudge_managers_who_never_installed_are_listed_for_admins()
    {
        var a = _world.StartApp();
        await _world.InstallAsync(a, NudgeWorld.Maya);

        await _world.RunAsync(a);
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);
        await Task.Delay(1000);

        using var client = a.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/nudges/not-installed?day={_world.Today:yyyy-MM-dd}");
        request.Headers.Add("X-Admin-Key", NudgeWorld.AdminKey);
        var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains(NudgeWorld.Oliver, body, StringComparison.Ordinal);
        Assert.Contains(NudgeWorld.Lena, body, StringComparison.Ordinal);
        Assert.DoesNotContain(NudgeWorld.Maya, body, StringComparison.Ordinal);
        Assert.Single(_world.Cards(NudgeWorld.Maya));
    }
}
