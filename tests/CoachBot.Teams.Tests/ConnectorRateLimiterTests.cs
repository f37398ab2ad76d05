using System.Diagnostics;
using CoachBot.Teams.Connector;

namespace CoachBot.Teams.Tests;

public class ConnectorRateLimiterTests
{
    [Fact]
    public async Task One_conversation_gets_at_most_seven_sends_in_a_second()
    {
        await using var limiter = new ConnectorRateLimiter(perTenantPerSecond: 1000);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 7; i++) await limiter.AcquireAsync("a:one", "tenant", default);
        var firstSeven = clock.Elapsed;
        await limiter.AcquireAsync("a:one", "tenant", default);

        Assert.True(firstSeven < TimeSpan.FromMilliseconds(400), $"the first 7 waited {firstSeven}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"the 8th went through after {clock.Elapsed}");
    }

    [Fact]
    public async Task Different_conversations_do_not_wait_for_each_other()
    {
        await using var limiter = new ConnectorRateLimiter(perTenantPerSecond: 1000);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 50; i++) await limiter.AcquireAsync("a:" + i, "tenant", default);

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(400), $"50 conversations took {clock.Elapsed}");
    }

    [Fact]
    public async Task Try_acquire_never_waits_and_says_no_when_the_conversation_is_at_its_limit()
    {
        // No tenant limit here: the tenant's calls are spaced evenly, so only the conversation's window is under test.
        await using var limiter = new ConnectorRateLimiter(perTenantPerSecond: 0);
        for (var i = 0; i < 7; i++) Assert.True(limiter.TryAcquire("a:typing", "tenant"));

        Assert.False(limiter.TryAcquire("a:typing", "tenant"));
        Assert.True(limiter.TryAcquire("a:other", "tenant"));
    }

    [Fact]
    public async Task Zero_turns_the_tenant_limit_off()
    {
        await using var limiter = new ConnectorRateLimiter(perTenantPerSecond: 0);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 200; i++) await limiter.AcquireAsync("a:" + i, "tenant", default);

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"200 calls with no tenant limit took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_tenant_limit_caps_calls_across_conversations()
    {
        await using var limiter = new ConnectorRateLimiter(perTenantPerSecond: 10);
        var clock = Stopwatch.StartNew();

        // Evenly spaced at 97 % of 10/s, no burst: the 11th call goes out about a second after the first.
        for (var i = 0; i < 11; i++) await limiter.AcquireAsync("a:" + i, "tenant", default);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"11 calls at 10/s took only {clock.Elapsed}");
    }

    [Fact]
    public async Task Waiting_for_a_permit_can_be_cancelled()
    {
        await using var limiter = new ConnectorRateLimiter(perTenantPerSecond: 1000);
        for (var i = 0; i < 7; i++) await limiter.AcquireAsync("a:busy", "tenant", default);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await limiter.AcquireAsync("a:busy", "tenant", cts.Token));
    }
}
