using System.Diagnostics;
using System.Net.Http;
using CoachBot.Delivery;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// The fan-out load driver: 40 managers by default (a once-only check in CI); set COACHBOT_NUDGE_FANOUT to a manager count, e.g.
/// <c>COACHBOT_NUDGE_FANOUT=10000 dotnet test tests/CoachBot.IntegrationTests --filter NudgeFanOut</c>. Two worker
/// instances (own queue, real Azurite Tables + Queues, real ProactiveMessenger and ConnectorClient, local Connector;
/// Graph replaced by <see cref="SyntheticOrg"/>, 8 reps per manager) deliver one card per manager. Optional
/// COACHBOT_NUDGE_FANOUT_RATE sets the Connector rate limit (default: unlimited, to measure CoachBot itself; 30 = Teams).
/// Results go to the test output and to nudge-fanout.txt in the test directory.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NudgeFanOutDriver(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task NudgeFanOut_delivers_one_card_per_manager()
    {
        // In CI a small fan-out (two workers, 40 managers) must deliver exactly one card each; the variable scales it up.
        var managers = int.TryParse(Environment.GetEnvironmentVariable("COACHBOT_NUDGE_FANOUT"), out var m) && m > 0 ? m : 40;
        var rate = double.TryParse(Environment.GetEnvironmentVariable("COACHBOT_NUDGE_FANOUT_RATE"), out var r) ? r : 1_000_000;

        await using var world = await NudgeWorld.StartAsync(azurite.ConnectionString);
        var app = world.StartApp(new Dictionary<string, string?> { ["Nudges:WorkerEnabled"] = "false", ["Logging:LogLevel:Default"] = "Error" });
        var sp = app.Services;
        var store = sp.GetRequiredService<CoachingStore>();
        var queue = sp.GetRequiredService<DeliveryQueue>();
        var org = new SyntheticOrg();
        var options = Options.Create(new NudgeOptions { RetryDelay = TimeSpan.FromSeconds(5), WorkerConcurrency = 16, BatchSize = 32, IdleDelay = TimeSpan.FromMilliseconds(50), VisibilityTimeout = TimeSpan.FromMinutes(5) });

        // Seed: a stored personal-chat reference per manager.
        var seed = Stopwatch.StartNew();
        await FanOutJobs.SeedReferencesAsync(world, azurite.ConnectionString, managers);
        seed.Stop();

        // Jobs are fed as the scheduler would (managers' mornings spread the day's jobs): at most Backlog waiting at once.
        const int Backlog = 1000;
        Task FeedAsync(CancellationToken ct) => FanOutJobs.FeedAsync(world, queue, managers, Backlog, ct);

        // Two worker instances, as two app instances would run them.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var limiter = new ConnectorRateLimiter(rate);
        var connector = new ConnectorClient(http, sp.GetRequiredService<IBotTokenProvider>(), sp.GetRequiredService<ServiceUrlPolicy>(), new RetryPolicy(), limiter, NullLogger<ConnectorClient>.Instance);
        var messenger = new ProactiveMessenger(store, connector, TimeProvider.System, NullLogger<ProactiveMessenger>.Instance);
        DeliveryWorker Worker() => new(queue, new DeliveryProcessor(sp.GetRequiredService<SendLedger>(),
            new NudgeBuilder(org, org, new SignalCache(sp.GetRequiredService<TeamSignalStore>(), TimeProvider.System, options), sp.GetRequiredService<ManagerSettingsStore>(),
                new CoachBot.DealHelp.CoachingTimeReader(org, org, sp.GetRequiredService<CoachBot.Storage.DealHelp.EventCorrectionStore>()), options, NullLogger<NudgeBuilder>.Instance),
            messenger, sp.GetRequiredService<ManagerInstaller>(), sp.GetRequiredService<ManagerSettingsStore>(), sp.GetRequiredService<FollowUpIndex>(),
            sp.GetRequiredService<IFollowUpStarter>(), sp.GetServices<IQueuedMessageSender>(), TimeProvider.System, options, NullLogger<DeliveryProcessor>.Instance),
            options, NullLogger<DeliveryWorker>.Instance);
        var workers = new[] { Worker(), Worker() };

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var feeder = FeedAsync(stop.Token);
        foreach (var w in workers) await w.StartAsync(stop.Token);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(30);
        long peak = 0;
        var lastProgress = Stopwatch.StartNew();
        while (CardCount(world) < managers && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            if (lastProgress.Elapsed > TimeSpan.FromSeconds(10))
            {
                lastProgress.Restart();
                var sent = CardCount(world);
                await File.AppendAllTextAsync("nudge-fanout-progress.txt",
                    $"{clock.Elapsed.TotalSeconds:0}s: {sent} cards, {sent / clock.Elapsed.TotalSeconds:0.0}/s, CPU {(process.TotalProcessorTime - cpu0).TotalSeconds:0.0}s{Environment.NewLine}");
            }
        }
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var alloc = GC.GetTotalAllocatedBytes() - alloc0;
        await stop.CancelAsync();
        foreach (var w in workers) await w.StopAsync(CancellationToken.None);
        try
        {
            await feeder;
        }
        catch (OperationCanceledException)
        {
        }

        var cards = CardCount(world);
        var distinct = world.Connector.Calls.Where(c => c.Succeeded && c.Method == "POST" && c.ConversationId is not null).Select(c => c.ConversationId).Distinct().Count();
        var report = string.Join(Environment.NewLine,
            $"managers: {managers} (8 reps each), connector rate limit: {(rate >= 1_000_000 ? "none" : rate + "/s")}, 2 workers x {options.Value.WorkerConcurrency}",
            $"seed (conversation references): {seed.Elapsed.TotalSeconds:0.0} s; jobs fed with a backlog of {Backlog}",
            $"delivered: {cards} cards to {distinct} chats in {clock.Elapsed.TotalSeconds:0.0} s = {cards / clock.Elapsed.TotalSeconds:0.0} managers/s",
            $"CPU (this process: workers + local Connector): {cpu.TotalSeconds:0.0} s = {cpu.TotalMilliseconds / Math.Max(1, cards):0.00} ms per nudge",
            $"allocated: {alloc / Math.Max(1, cards) / 1024.0:0} KB per nudge; peak working set: {peak / (1024 * 1024)} MB (process {process.PeakWorkingSet64 / (1024 * 1024)} MB)",
            $"processors: {Environment.ProcessorCount}");
        output.WriteLine(report);
        await File.WriteAllTextAsync("nudge-fanout.txt", report);
        Assert.Equal(managers, cards);
        Assert.Equal(managers, distinct);
    }

    private static int CardCount(NudgeWorld world) => FanOutJobs.Cards(world.Connector);
}
