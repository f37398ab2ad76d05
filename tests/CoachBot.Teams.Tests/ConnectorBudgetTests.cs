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
        var pacer = new TenantPacer(budget, clock, queueLimit: 100);
        var interval = TimeSpan.FromSeconds(1 / budget.PerInstancePerSecond);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("t"));
        Assert.Equal(interval, pacer.Reserve("t"));
        Assert.Equal(interval * 2, pacer.Reserve("t"));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("other tenant"));
        Assert.False(pacer.TryTake("t"));

        // Long idle: no saved-up burst, the next call goes now and the one after waits a whole interval.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("t"));
        // The other instance left: the slot already handed out stays, the spacing after it is the new one.
        budget.Instances = 1;
        Assert.Equal(interval, pacer.Reserve("t"));
        Assert.Equal(interval + TimeSpan.FromSeconds(1 / budget.PerInstancePerSecond), pacer.Reserve("t"));
    }

    [Fact]
    public void A_full_queue_is_refused()
    {
        var pacer = new TenantPacer(new ConnectorBudget(10), NewClock(), queueLimit: 3);
        for (var i = 0; i < 4; i++) pacer.Reserve("t");

        Assert.Throws<RateLimitExceededException>(() => pacer.Reserve("t"));
    }

    [Fact]
    public void Calls_that_leave_late_and_together_are_held_to_the_quota_of_the_window()
    {
        var clock = NewClock();
        var budget = new ConnectorBudget(30) { Instances = 2 };
        var pacer = new TenantPacer(budget, clock, queueLimit: 100);

        // A stalled machine releases 20 calls at once: 15 leave, the rest wait for the first to leave the window.
        for (var i = 0; i < 15; i++) Assert.Equal(TimeSpan.Zero, pacer.Admit("t"));
        Assert.Equal(ConnectorBudget.Window, pacer.Admit("t"));
        Assert.False(pacer.TryTake("t"));
        Assert.Equal(TimeSpan.Zero, pacer.Admit("other tenant"));
        clock.Advance(ConnectorBudget.Window);
        Assert.Equal(TimeSpan.Zero, pacer.Admit("t"));

        // A third instance joins while this one has 15 calls 10 ms apart in the window: the quota drops to 10, so the
        // next call waits until only 9 remain, i.e. until the sixth has left the window.
        clock.Advance(ConnectorBudget.Window);
        var start = clock.GetUtcNow();
        for (var i = 0; i < 15; i++, clock.Advance(TimeSpan.FromMilliseconds(10))) Assert.Equal(TimeSpan.Zero, pacer.Admit("other"));
        budget.Instances = 3;
        Assert.Equal(start + TimeSpan.FromMilliseconds(50) + ConnectorBudget.Window - clock.GetUtcNow(), pacer.Admit("other"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(69)]
    public void Two_instances_with_a_backlog_together_use_the_whole_budget_and_never_more(int offsetMs)
    {
        // Each instance has 300 calls queued at once and sends each when its pacer says; the second starts offsetMs later.
        var sent = new List<DateTimeOffset>();
        foreach (var start in new[] { 0, offsetMs })
        {
            var clock = NewClock();
            clock.Advance(TimeSpan.FromMilliseconds(start));
            var pacer = new TenantPacer(new ConnectorBudget(30) { Instances = 2 }, clock, queueLimit: 1000);
            var departures = Enumerable.Range(0, 300).Select(_ => clock.GetUtcNow() + pacer.Reserve("t")).ToList();
            foreach (var at in departures)
            {
                clock.SetUtcNow(at);
                Assert.Equal(TimeSpan.Zero, pacer.Admit("t"));
                sent.Add(at);
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
    public void A_retry_after_from_teams_holds_the_next_slot_for_the_tenant()
    {
        var clock = NewClock();
        var pacer = new TenantPacer(new ConnectorBudget(30), clock, queueLimit: 100);

        pacer.Pause("t", TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), pacer.Reserve("t"));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("other tenant"));
        Assert.False(pacer.TryTake("t"));
    }

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
}
