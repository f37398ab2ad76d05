using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Queues;
using CoachBot.Admin;
using CoachBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// The admin endpoints over real HTTP: repeated wrong keys are throttled per client address (other loopback addresses
/// stand in for other clients) and globally, a throttled client gets in again once the window is over, memory stays
/// bounded, and <c>run</c> refuses unknown managers and days outside today ± 7 (UTC) without enqueuing anything.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminEndpointLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Key = "admin-limits-key";
    private const string Manager = "f6afe125-4058-5178-b1ca-33dc3a8819fb";
    private readonly string _queue = "nudges-admin-" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<BotApp> _apps = [];
    private readonly List<HttpClient> _clients = [];
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        foreach (var a in _apps) await a.DisposeAsync();
    }

    private BotApp Start(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = Key,
            ["Nudges:TenantId"] = "tenant-admin-limits",
            ["Nudges:ManagerIds:0"] = Manager,
            ["Nudges:QueueName"] = _queue,
            ["Nudges:WorkerEnabled"] = "false", // the jobs stay on the queue, where the test counts them
        };
        foreach (var (k, v) in overrides) settings[k] = v;
        var app = new BotApp(azurite.ConnectionString, settings);
        _apps.Add(app);
        _clients.Add(app.CreateHttpClient());
        return app;
    }

    /// <summary>A client whose connections come from <paramref name="localAddress"/> (any 127.x address is loopback on Linux).</summary>
    private HttpClient From(BotApp app, string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        _clients.Add(client);
        return client;
    }

    private static Task<HttpResponseMessage> RunAsync(HttpClient client, string key, DateOnly? day = null, string? managerId = null)
    {
        var url = $"/admin/nudges/run?day={(day ?? Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" + (managerId is null ? "" : "&managerId=" + Uri.EscapeDataString(managerId));
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("X-Admin-Key", key);
        return client.SendAsync(request);
    }

    private async Task<int> QueuedJobsAsync()
    {
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(_queue);
        await queue.CreateIfNotExistsAsync();
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    [Fact]
    public async Task Repeated_wrong_keys_get_429_for_that_address_while_another_address_and_the_window_end_let_the_right_key_in()
    {
        var app = Start(("Admin:MaxFailuresPerClient", "5"), ("Admin:FailureWindow", "00:00:03"));
        var attacker = From(app, "127.0.0.2");
        var admin = From(app, "127.0.0.3");

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await RunAsync(attacker, "guess-" + i)).StatusCode);
        var throttled = await RunAsync(attacker, "guess-5");
        var rightKeyTooLate = await RunAsync(attacker, Key);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.InRange(int.Parse(throttled.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 3);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyTooLate.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RunAsync(admin, Key, managerId: Manager)).StatusCode);

        // Once the window is over, the throttled address is let in again with the right key.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        while ((status = (await RunAsync(attacker, Key, managerId: Manager)).StatusCode) == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [Fact]
    public async Task Wrong_keys_spread_over_addresses_trip_the_global_limit()
    {
        var app = Start(("Admin:MaxFailuresPerClient", "3"), ("Admin:MaxFailures", "6"), ("Admin:FailureWindow", "00:05:00"));

        foreach (var address in new[] { "127.0.0.2", "127.0.0.3" })
        {
            var client = From(app, address);
            for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await RunAsync(client, "guess-" + i)).StatusCode);
        }
        var fresh = await RunAsync(From(app, "127.0.0.4"), Key);

        Assert.Equal(HttpStatusCode.TooManyRequests, fresh.StatusCode);
        Assert.True(fresh.Headers.RetryAfter is not null);
        Assert.Equal(0, await QueuedJobsAsync());
    }

    [Fact]
    public void Failures_from_more_addresses_than_it_tracks_keep_the_throttle_bounded()
    {
        var app = Start(("Admin:MaxFailures", "0"));
        var throttle = app.Services.GetRequiredService<AdminKeyThrottle>();

        for (var i = 0; i < AdminKeyThrottle.MaxTrackedClients + 500; i++)
            throttle.Failed(AdminKeyThrottle.ClientOf(new IPAddress(BitConverter.GetBytes(0x0A000000 + i))));

        Assert.Equal(AdminKeyThrottle.MaxTrackedClients, throttle.TrackedClients);
        // IPv6 clients are grouped by /64: rotating the interface id does not buy new attempts.
        Assert.Equal(AdminKeyThrottle.ClientOf(IPAddress.Parse("2001:db8:1:2::1")), AdminKeyThrottle.ClientOf(IPAddress.Parse("2001:db8:1:2:ffff::9")));
    }

    [Fact]
    public async Task Run_refuses_unknown_managers_and_days_outside_a_week_of_today()
    {
        var app = Start();
        var client = From(app, "127.0.0.2");

        var unknown = await RunAsync(client, Key, managerId: "00000000-0000-0000-0000-000000000bad");
        var tooLate = await RunAsync(client, Key, Today.AddDays(8));
        var tooEarly = await RunAsync(client, Key, Today.AddDays(-8));
        var yearOne = await RunAsync(client, Key, new DateOnly(1, 1, 1));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("unknown manager", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, yearOne.StatusCode);
        Assert.Equal(0, await QueuedJobsAsync());

        Assert.Equal(HttpStatusCode.Accepted, (await RunAsync(client, Key, Today.AddDays(7), Manager.ToUpperInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RunAsync(client, Key, Today.AddDays(-7), Manager)).StatusCode);
        Assert.Equal(2, await QueuedJobsAsync());
    }

    [Fact]
    public async Task An_unresolved_key_vault_reference_is_no_key_the_admin_endpoints_do_not_exist()
    {
        // App Service passes a Key Vault reference it cannot resolve to the app as its literal text (infra/main.bicep).
        const string Reference = "@Microsoft.KeyVault(VaultName=kv-coachbot-abc123;SecretName=admin-api-key)";
        var app = Start(("Admin:ApiKey", Reference));
        var client = From(app, "127.0.0.3");

        var run = await RunAsync(client, Reference);
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/nudges/not-installed");
        request.Headers.Add("X-Admin-Key", Reference);
        var notInstalled = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notInstalled.StatusCode);
        Assert.Equal(0, await QueuedJobsAsync());
    }
}
