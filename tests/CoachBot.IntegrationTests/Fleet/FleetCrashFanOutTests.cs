using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CoachBot.Delivery;
using CoachBot.IntegrationTests.Faults;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.IntegrationTests.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Fleet;
using Xunit.Abstractions;

namespace CoachBot.IntegrationTests.Fleet;

/// <summary>
/// Issue 14, item 6: two CoachBot instances as child processes on one Azurite (Graph served by GraphServer with a
/// synthetic org, the Connector stub enforcing Teams' 30 calls/s per tenant) deliver a nudge fan-out; one instance is
/// killed with SIGKILL when 40 % of the cards are out and started again. Every manager's chat gets a card, the ledger
/// holds one sent record per manager and nothing is left claimed or poisoned. A chat gets a second card only in the
/// documented window (Teams accepted the first, the process died before recording it; docs/nudges.md, "Once per
/// manager per day"): such a duplicate must have its first copy before the kill and a record flagged Uncertain.
/// 300 managers here; COACHBOT_CRASH_FANOUT=10000 runs the documented large version and writes fleet-crash-fanout.txt.
/// </summary>
[Collection(ProcessFaultsCollection.Name)]
public sealed class FleetCrashFanOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int TenantLimit = 30;

    private readonly RestartableAzurite _azurite = new(inMemory: true);

    public Task InitializeAsync() => _azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task A_fan_out_where_one_of_two_instances_is_killed_and_restarted_reaches_every_manager_once()
    {
        var managers = int.TryParse(Environment.GetEnvironmentVariable("COACHBOT_CRASH_FANOUT"), out var n) && n > 0 ? n : 300;
        var run = Stopwatch.StartNew();
        var storage = _azurite.ConnectionString;
        await using var world = await NudgeWorld.StartAsync(storage, SyntheticOrg.ForGraphServer(managers));
        world.Connector.TenantLimitPerSecond = TenantLimit;
        // Short leases and visibility so a killed instance's jobs come back within seconds; the mechanism is the same at
        // the defaults (2 min, 5 min).
        var settings = new Dictionary<string, string?>
        {
            ["Fleet:HeartbeatInterval"] = "00:00:00.200",
            ["Bot:ConnectorRequestsPerSecondPerTenant"] = TenantLimit.ToString(CultureInfo.InvariantCulture),
            ["Nudges:WorkerConcurrency"] = "16",
            ["Nudges:IdleDelay"] = "00:00:00.050",
            ["Nudges:VisibilityTimeout"] = "00:00:15",
            ["Nudges:SendLease"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:CoachBot.Nudges"] = "Warning",
        };
        var seed = Stopwatch.StartNew();
        await FanOutJobs.SeedReferencesAsync(world, storage, managers);
        seed.Stop();
        var queue = FanOutJobs.Queue(world, storage);

        BotProcess? a = await world.StartProcessAsync(settings, configuredManagers: false);
        await using var b = await world.StartProcessAsync(settings, configuredManagers: false);
        BotProcess? restarted = null;
        try
        {
            await WaitForFleetAsync(storage, 2);
            var (cpuA0, cpuB0, azurite0, self0) = (a.TotalProcessorTime, b.TotalProcessorTime, _azurite.TotalProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
            // Delivery over within 9 minutes of the start, leaving time to read the ledger and report: the large run must
            // stay under 10 minutes on the shared machine (the wall time is reported, not asserted). A machine known to be
            // slower may give the run longer with COACHBOT_CRASH_FANOUT_MINUTES.
            var minutes = double.TryParse(Environment.GetEnvironmentVariable("COACHBOT_CRASH_FANOUT_MINUTES"), CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 9;
            var deadline = TimeSpan.FromMinutes(minutes) - run.Elapsed;
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var feeder = FanOutJobs.FeedAsync(world, queue, managers, FanOutJobs.Backlog, stop.Token);

            // kill -9 once 40 % of the cards are out: both instances are sending, each with jobs claimed and waiting.
            while (FanOutJobs.Cards(world.Connector) < managers * 4 / 10 && clock.Elapsed < deadline) await Task.Delay(20);
            var cpuA = a.TotalProcessorTime - cpuA0;
            var killedPid = a.ProcessId;
            a.Kill();
            var killedAtUtc = DateTime.UtcNow;
            var (killedAt, cardsAtKill) = (clock.Elapsed, FanOutJobs.Cards(world.Connector));
            await a.DisposeAsync();
            a = null;
            restarted = await world.StartProcessAsync(settings, configuredManagers: false);
            var restartedAt = clock.Elapsed;

            // Done when every chat has its card, no job is left in the queue (invisible ones included) and the stub has
            // answered everything it received.
            var progress = Stopwatch.StartNew();
            while (clock.Elapsed < deadline
                && (FanOutJobs.CardsPerChat(world.Connector).Count < managers || await queue.ApproximateCountAsync(false, CancellationToken.None) > 0 || world.Connector.InFlight > 0))
            {
                await Task.Delay(100);
                if (managers <= 300 || progress.Elapsed < TimeSpan.FromSeconds(15)) continue;
                progress.Restart();
                await File.AppendAllTextAsync("fleet-crash-fanout-progress.txt",
                    $"{clock.Elapsed.TotalSeconds:0} s: {FanOutJobs.Cards(world.Connector)} cards, load average {MachineLoad.Average()}{Environment.NewLine}");
            }
            var elapsed = clock.Elapsed;
            await feeder;
            var cpuB = b.TotalProcessorTime - cpuB0;
            var cpuRestarted = restarted.TotalProcessorTime;
            var cpuAzurite = _azurite.TotalProcessorTime - azurite0;
            var cpuSelf = Process.GetCurrentProcess().TotalProcessorTime - self0;

            var perChat = FanOutJobs.CardsPerChat(world.Connector);
            var cards = perChat.Values.Sum();
            var ledger = world.Ledger();
            var sent = (await ledger.ListByStateAsync(SendStates.Sent, world.Today, CancellationToken.None)).Where(r => r.TenantId == world.TenantId).ToList();
            var sending = (await ledger.ListByStateAsync(SendStates.Sending, world.Today, CancellationToken.None)).Count(r => r.TenantId == world.TenantId);
            var poisoned = await queue.ApproximateCountAsync(true, CancellationToken.None);
            var byOwner = sent.GroupBy(r => OwnerPid(r.Owner)).ToDictionary(g => g.Key, g => g.Count());
            var uncertain = sent.Where(r => r.Uncertain).ToDictionary(r => NudgeWorld.ConversationOf(r.UserKey), StringComparer.Ordinal);
            var doubles = perChat.Where(p => p.Value > 1).Select(p => p.Key).ToList();
            var calls = world.Connector.Calls.Count(c => c.Method == "POST");
            var appCpu = cpuA + cpuB + cpuRestarted;

            var report = string.Join(Environment.NewLine,
                $"{managers} managers (8 reps each, Graph over HTTP to GraphServer), 2 instances as child processes, tenant limit {TenantLimit}/s, load average {MachineLoad.Average()}",
                $"seed (conversation references): {seed.Elapsed.TotalSeconds:0.0} s; jobs fed with a backlog of {FanOutJobs.Backlog}",
                $"kill -9 of pid {killedPid} at {killedAt.TotalSeconds:0.0} s ({cardsAtKill} cards out); restarted and healthy at {restartedAt.TotalSeconds:0.0} s",
                $"delivered: {cards} cards to {perChat.Count} chats in {elapsed.TotalSeconds:0.0} s (ideal {managers / (double)TenantLimit:0.0} s at {TenantLimit}/s) = {cards / elapsed.TotalSeconds:0.0}/s; " +
                $"{calls} POSTs, {world.Connector.Throttled} answered 429 ({100.0 * world.Connector.Throttled / Math.Max(1, calls):0.00} %)",
                $"ledger: {sent.Count} sent ({string.Join(", ", byOwner.OrderBy(o => o.Key).Select(o => $"pid {o.Key}: {o.Value}"))}), {uncertain.Count} taken over after the kill (Uncertain), " +
                $"{sending} left sending, {poisoned} poisoned; chats with two cards: {doubles.Count}",
                $"CPU of the app processes: {appCpu.TotalSeconds:0.0} s = {appCpu.TotalMilliseconds / Math.Max(1, cards):0.00} ms per nudge " +
                $"(killed {cpuA.TotalSeconds:0.0} s, survivor {cpuB.TotalSeconds:0.0} s, restarted {cpuRestarted.TotalSeconds:0.0} s incl. its start-up); " +
                $"Azurite {cpuAzurite.TotalSeconds:0.0} s = {cpuAzurite.TotalMilliseconds / Math.Max(1, cards):0.00} ms per nudge; " +
                $"test process (Connector stub, GraphServer, feeder) {cpuSelf.TotalSeconds:0.0} s; {Environment.ProcessorCount} processors");
            output.WriteLine(report);
            if (managers > 300)
            {
                await File.WriteAllTextAsync("fleet-crash-fanout.txt", report);
                await File.WriteAllTextAsync("fleet-crash-fanout-instances.log", $"survivor:\n{b.Output}\nrestarted:\n{restarted.Output}");
            }

            Assert.True(perChat.Count == managers, $"{managers - perChat.Count} managers got no card:\n{report}\n{restarted.Output}\n{b.Output}");
            Assert.All(Enumerable.Range(0, managers), i => Assert.True(perChat.ContainsKey(NudgeWorld.ConversationOf(SyntheticOrg.ManagerId(i)))));
            Assert.Equal(managers, sent.Count);
            Assert.Equal(0, sending);
            Assert.Equal(0, poisoned);
            // The killed instance had sent cards, and the restarted one took part.
            Assert.Contains(killedPid, byOwner.Keys);
            Assert.Contains(restarted.ProcessId, byOwner.Keys);
            // A second card only in the documented window: the first went out before the kill, the record says Uncertain.
            foreach (var chat in doubles)
            {
                var copies = world.Connector.Calls.Where(c => c.Succeeded && c.Method == "POST" && c.ConversationId == chat && c.Body is { } x && x.TryGetProperty("attachments", out _)).ToList();
                Assert.Equal(2, copies.Count);
                Assert.True(copies[0].At <= killedAtUtc, $"{chat}: two cards, the first after the kill");
                Assert.True(uncertain.ContainsKey(chat), $"{chat}: two cards but its record is not flagged Uncertain");
            }
        }
        finally
        {
            if (restarted is not null) await restarted.DisposeAsync();
            if (a is not null) await a.DisposeAsync();
        }
    }

    /// <summary>Waits until <paramref name="count"/> instances renew their fleet rows, so each has taken its share of the budget.</summary>
    private static async Task WaitForFleetAsync(string storage, int count)
    {
        var fleet = new FleetTable(new TableServiceClient(storage));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var live = await fleet.ListRenewedSinceAsync(DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
            if (live.Count(m => m.StoppedAt is null) >= count) return;
            await Task.Delay(100);
        }
        Assert.Fail($"{count} instances did not join the fleet within 30 s");
    }

    /// <summary>The process id in a ledger owner ("{machine}-{pid}-{guid}", <c>DeliveryProcessor.InstanceId</c>).</summary>
    private static int OwnerPid(string? owner)
    {
        var parts = owner?.Split('-') ?? [];
        return parts.Length >= 3 && int.TryParse(parts[^2], CultureInfo.InvariantCulture, out var pid) ? pid : 0;
    }
}
