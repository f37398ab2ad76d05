using CoachBot.Teams.Connector;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests;

public class ConnectorBudgetTests
{
    // Up to as many instances as calls per second: beyond that each calls less than once a second, and calls could meet.
    [Theory]
    [InlineData(30, 1)]
    [InlineData(30, 2)]
    [InlineData(30, 3)]
    [InlineData(30, 4)]
    [InlineData(30, 7)]
    [InlineData(30, 29)]
    [InlineData(50, 3)]
    public void Instances_pacing_evenly_at_their_share_never_exceed_the_tenant_limit_in_any_second(double limit, int instances)
    {
        var budget = new ConnectorBudget(limit) { Instances = instances };
        var share = budget.PerInstancePerSecond;

        // Evenly spaced calls at rate r: at most floor(r) + 1 of them fit in any one second.
        Assert.True(instances * (Math.Floor(share) + 1) <= limit, $"{instances} x share {share} can exceed {limit} in a second");
        Assert.True(share > 0);
    }

    [Fact]
    public void Two_instances_keep_nearly_the_whole_budget()
    {
        var budget = new ConnectorBudget(30) { Instances = 2 };

        Assert.Equal(15, budget.PerInstancePerWindow);
        Assert.Equal(15 / 1.05, budget.PerInstancePerSecond, 3);
        Assert.Equal(0, new ConnectorBudget(0) { Instances = 2 }.PerInstancePerSecond);
        Assert.Equal(1, new ConnectorBudget(30) { Instances = 0 }.Instances);
    }

    [Fact]
    public void The_pacer_spaces_calls_evenly_with_no_burst_and_follows_a_new_share_at_once()
    {
        var clock = NewClock();
        var budget = new ConnectorBudget(30) { Instances = 2 };
        using var pacer = new TenantPacer(budget, clock, queueLimit: 100);
        var interval = TimeSpan.FromSeconds(1 / budget.PerInstancePerSecond);

        Assert.Equal(TimeSpan.Zero, pacer.TryLeave("t"));
        Assert.Equal(interval, pacer.TryLeave("t"));
        Assert.Equal(TimeSpan.Zero, pacer.TryLeave("other tenant"));
        Assert.False(pacer.TryTake("t"));
        // A timer that fires late costs nothing: the next call is paced from the planned departure.
        clock.Advance(interval + TimeSpan.FromMilliseconds(20));
        Assert.Equal(TimeSpan.Zero, pacer.TryLeave("t"));
        Assert.Equal(interval - TimeSpan.FromMilliseconds(20), pacer.TryLeave("t"));

        // Long idle: no saved-up burst, the next call goes now and the one after waits a whole interval.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.TryLeave("t"));
        Assert.Equal(interval, pacer.TryLeave("t"));
        // The other instance left: the call after the next is spaced at the new, shorter interval.
        budget.Instances = 1;
        clock.Advance(interval);
        Assert.Equal(TimeSpan.Zero, pacer.TryLeave("t"));
        Assert.Equal(TimeSpan.FromSeconds(1 / budget.PerInstancePerSecond), pacer.TryLeave("t"));
    }

    [Fact]
    public async Task A_full_line_is_refused()
    {
        using var pacer = new TenantPacer(new ConnectorBudget(10), NewClock(), queueLimit: 3);
        await pacer.WaitTurnAsync("t", CancellationToken.None);
        var waiting = Enumerable.Range(0, 3).Select(_ => pacer.WaitTurnAsync("t", CancellationToken.None).AsTask()).ToList();

        await Assert.ThrowsAsync<RateLimitExceededException>(() => pacer.WaitTurnAsync("t", CancellationToken.None).AsTask());
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
    }

    [Fact]
    public void A_call_is_held_to_the_quota_of_the_window_when_the_share_shrinks()
    {
        var clock = NewClock();
        var budget = new ConnectorBudget(30) { Instances = 2 };
        using var pacer = new TenantPacer(budget, clock, queueLimit: 100);
        var interval = TimeSpan.FromSeconds(1 / budget.PerInstancePerSecond);
        var start = clock.GetUtcNow();

        // 15 calls at the pace of two instances (70 ms apart) fill this instance's quota of 15 in the window.
        for (var i = 0; i < 15; i++)
        {
            if (i > 0) clock.Advance(interval);
            Assert.Equal(TimeSpan.Zero, pacer.TryLeave("t"));
        }
        Assert.False(pacer.TryTake("t"));
        Assert.Equal(TimeSpan.Zero, pacer.TryLeave("other tenant"));

        // A third instance joins: the quota drops to 10, so the next call waits until only 9 remain in the window,
        // i.e. until the sixth call has left it.
        budget.Instances = 3;
        Assert.Equal(start + interval * 5 + ConnectorBudget.Window - clock.GetUtcNow(), pacer.TryLeave("t"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(69)]
    public void Two_instances_with_a_backlog_together_use_the_whole_budget_and_never_more(int offsetMs)
    {
        // Each instance has 300 calls in its line and sends each when its pacer says; the second starts offsetMs later.
        var sent = new List<DateTimeOffset>();
        foreach (var start in new[] { 0, offsetMs })
        {
            var clock = NewClock();
            clock.Advance(TimeSpan.FromMilliseconds(start));
            using var pacer = new TenantPacer(new ConnectorBudget(30) { Instances = 2 }, clock, queueLimit: 1000);
            for (var i = 0; i < 300; i++)
            {
                while (pacer.TryLeave("t") is var wait && wait > TimeSpan.Zero) clock.Advance(wait);
                sent.Add(clock.GetUtcNow());
            }
        }
        sent.Sort();

        var perSecond = sent.Select(t => sent.Count(u => u >= t && u - t < TimeSpan.FromSeconds(1))).ToList();
        Assert.True(perSecond.Max() <= 30, $"{perSecond.Max()} calls in one second");
        // Away from the ends, every second carries at least 90 % of the tenant's limit.
        var steady = sent.Where(t => t - sent[0] >= TimeSpan.FromSeconds(1) && sent[^1] - t >= TimeSpan.FromSeconds(2)).ToList();
        Assert.All(steady, t => Assert.True(sent.Count(u => u >= t && u - t < TimeSpan.FromSeconds(1)) >= 27));
    }

    [Fact]
    public async Task Calls_that_gave_up_waiting_leave_the_line_and_the_rest_use_every_slot()
    {
        var clock = NewClock();
        var budget = new ConnectorBudget(30);
        using var pacer = new TenantPacer(budget, clock, queueLimit: 1000);
        var interval = TimeSpan.FromSeconds(1 / budget.PerInstancePerSecond);

        // 100 calls wait; every other one gives up (its turn ran out of time) before its slot comes.
        var giveUp = new List<CancellationTokenSource>();
        var live = new List<Task>();
        var gaveUp = new List<Task>();
        for (var i = 0; i < 100; i++)
        {
            var cts = new CancellationTokenSource();
            giveUp.Add(cts);
            (i % 2 == 0 ? live : gaveUp).Add(pacer.WaitTurnAsync("t", i % 2 == 0 ? CancellationToken.None : cts.Token).AsTask());
        }
        for (var i = 1; i < 100; i += 2) await giveUp[i].CancelAsync();
        foreach (var g in gaveUp) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => g);

        // The 50 live calls leave in about 50 intervals; had the cancelled ones kept their slots it would take 100.
        var elapsed = TimeSpan.Zero;
        while (!live.All(t => t.IsCompleted) && elapsed < interval * 70)
        {
            clock.Advance(interval / 4);
            elapsed += interval / 4;
            await Task.Delay(2);
        }
        Assert.All(live, t => Assert.True(t.IsCompletedSuccessfully));
        giveUp.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_send_cancelled_while_it_waits_for_the_tenant_does_not_hold_up_the_next()
    {
        var clock = NewClock();
        await using var limiter = new ConnectorRateLimiter(new ConnectorBudget(30), clock);
        // 60 sends in 60 conversations (so only the tenant pace holds them): about two seconds of backlog.
        using var giveUp = new CancellationTokenSource();
        var waiting = Enumerable.Range(0, 60).Select(i => limiter.AcquireAsync($"c{i}", "t", giveUp.Token).AsTask()).ToList();
        await giveUp.CancelAsync();
        foreach (var w in waiting.Skip(1)) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w);

        // The 59 that gave up are not in front of the next send: it leaves one interval after the first.
        var next = limiter.AcquireAsync("c-next", "t", CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(40));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_retry_after_from_teams_holds_the_next_slot_for_the_tenant()
    {
        var clock = NewClock();
        using var pacer = new TenantPacer(new ConnectorBudget(30), clock, queueLimit: 100);

        pacer.Pause("t", TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), pacer.TryLeave("t"));
        Assert.Equal(TimeSpan.Zero, pacer.TryLeave("other tenant"));
        Assert.False(pacer.TryTake("t"));
    }

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
}
