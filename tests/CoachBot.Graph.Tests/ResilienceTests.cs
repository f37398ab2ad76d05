using System.Net;
using CoachBot.Tools.GraphServer.Control;

namespace CoachBot.Graph.Tests;

public sealed class ResilienceTests
{
    private static readonly DateTimeOffset Monday = TestGraphServer.Now.Date;

    [Fact]
    public async Task Throttled429_WithRetryAfter_IsRetriedAndSucceeds()
    {
        await using var server = await TestGraphServer.StartAsync();
        await server.ArmAsync(new Fault { Path = "getSchedule", Status = 429, RetryAfter = 1, Count = 2 });
        var started = DateTimeOffset.UtcNow;

        var schedules = await server.CreateDirectory().GetSchedulesAsync(Orgs.Maya, [Orgs.Diego], Monday, Monday.AddDays(1));

        Assert.NotEmpty(schedules[Orgs.Diego].Busy);
        Assert.Equal(3, await server.RequestCountAsync("POST calendar/getSchedule"));
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(1.9), "Retry-After: 1 should be honoured twice");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task PersistentRetryableFailure_IsTypedUnavailable_AfterBoundedRetries(int status)
    {
        await using var server = await TestGraphServer.StartAsync();
        await server.ArmAsync(new Fault { Path = "getSchedule", Status = status, RetryAfter = 0, Count = -1 });
        var graph = server.CreateDirectory(o => o.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<GraphException>(() => graph.GetSchedulesAsync(Orgs.Maya, [Orgs.Diego], Monday, Monday.AddDays(1)));

        Assert.Equal(GraphFailureKind.Unavailable, ex.Kind);
        Assert.True(ex.IsTransient);
        Assert.Equal((HttpStatusCode)status, ex.Status);
        Assert.Equal(3, await server.RequestCountAsync("POST calendar/getSchedule"));
    }

    [Fact]
    public async Task Persistent500_IsTypedUnavailable()
    {
        await using var server = await TestGraphServer.StartAsync();
        await server.ArmAsync(new Fault { Path = "directReports", Status = 500, Count = -1 });

        var ex = await Assert.ThrowsAsync<GraphException>(() => server.CreateDirectory().GetDirectReportsAsync(Orgs.Maya));

        Assert.Equal(GraphFailureKind.Unavailable, ex.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.Status);
        Assert.Equal("directReports", ex.Operation);
    }

    [Fact]
    public async Task ServerDown_IsTypedUnavailable()
    {
        string baseUrl;
        await using (var server = await TestGraphServer.StartAsync()) baseUrl = server.BaseUrl;
        var options = new GraphOptions { BaseUrl = baseUrl, RetryDelay = TimeSpan.Zero, RequestTimeout = TimeSpan.FromSeconds(5) };
        var graph = new GraphCalendarDirectory(GraphClientBuilder.Build(options, new MailboxConcurrencyHandler(4)), options);

        var ex = await Assert.ThrowsAsync<GraphException>(() => graph.GetEventsAsync(Orgs.Maya, Monday, Monday.AddDays(1)));

        Assert.Equal(GraphFailureKind.Unavailable, ex.Kind);
        Assert.Null(ex.Status);
    }

    [Fact]
    public async Task AccessDenied_IsTypedAndNotTransient()
    {
        await using var server = await TestGraphServer.StartAsync();
        await server.ArmAsync(new Fault { Path = "calendarView", Status = 403, Count = -1 });

        var ex = await Assert.ThrowsAsync<GraphException>(() => server.CreateDirectory().GetEventsAsync(Orgs.Maya, Monday, Monday.AddDays(1)));

        Assert.Equal(GraphFailureKind.AccessDenied, ex.Kind);
        Assert.False(ex.IsTransient);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(2, 2)]
    public async Task ConcurrencyPerMailbox_IsCapped(int limit, int expectedPeak)
    {
        await using var server = await TestGraphServer.StartAsync();
        await server.ArmAsync(new Fault { Path = "calendarView", DelayMs = 150, Count = -1 });
        var graph = server.CreateDirectory(o => o.MaxConcurrentRequestsPerMailbox = limit);

        // 12 parallel reads of one mailbox plus 3 of another: the cap is per mailbox, not global.
        var calls = Enumerable.Range(0, 12).Select(_ => graph.GetEventsAsync(Orgs.Maya, Monday, Monday.AddDays(1)))
            .Concat(Enumerable.Range(0, 3).Select(_ => graph.GetEventsAsync(Orgs.Oliver, Monday, Monday.AddDays(1))));
        await Task.WhenAll(calls);

        var peaks = (await server.StatsAsync())["maxConcurrentByMailbox"]!;
        Assert.Equal(expectedPeak, peaks[Orgs.Maya]!.GetValue<int>());
        Assert.Equal(Math.Min(3, limit), peaks[Orgs.Oliver]!.GetValue<int>());
    }

    [Fact]
    public async Task WithoutTheCap_ServerSeesMoreThanFour()
    {
        // Control for the test above: proves the server really measures concurrency.
        await using var server = await TestGraphServer.StartAsync();
        await server.ArmAsync(new Fault { Path = "calendarView", DelayMs = 300, Count = -1 });
        var graph = server.CreateDirectory(o => o.MaxConcurrentRequestsPerMailbox = 64);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => graph.GetEventsAsync(Orgs.Maya, Monday, Monday.AddDays(1))));

        Assert.True((await server.StatsAsync())["maxConcurrentByMailbox"]![Orgs.Maya]!.GetValue<int>() > 4);
    }
}
