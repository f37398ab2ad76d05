using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing;

/// <summary>
/// A local HTTP server that plays the Bot Connector at an activity's serviceUrl: it records every call and answers
/// like Teams does (201 with an id), or with scripted failures (429 storms, 403 bot removed or blocked). Started as a
/// sink (<see cref="StartSinkAsync"/>) it records nothing, so a long load run keeps no bodies; it still counts typing
/// indicators and times the replies a caller waits for (<see cref="ExpectReply"/>), as the recording stub does too.
/// </summary>
public sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _recordCalls;
    private readonly ConcurrentQueue<ScriptedFailure> _scripted = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _awaitedReplies = new(StringComparer.Ordinal);
    private int _ids;
    private long _typing;

    /// <summary>Every call received, in order (always empty for a sink).</summary>
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    /// <summary>Typing indicators received (they are never replies).</summary>
    public long Typing => Interlocked.Read(ref _typing);

    /// <summary>Runs after a (non-typing) message is accepted and before the 201 goes back to the bot.</summary>
    public Func<ConnectorCall, Task>? OnMessageAccepted { get; set; }

    /// <summary>
    /// A slow Connector: each (non-typing) call waits this long before it is accepted and recorded; a call whose caller
    /// hangs up meanwhile (a killed bot) is never accepted. Makes turns slow enough to be acknowledged early.
    /// </summary>
    public TimeSpan MessageDelay { get; set; }

    /// <summary>
    /// Teams' per-tenant limit as the stub enforces it: at most this many calls (typing included) accepted per tenant in
    /// any sliding second, across every bot instance calling it; the rest get 429 with Retry-After: 1. 0 = no limit.
    /// The tenant is the activity's <c>conversation.tenantId</c> (or <c>channelData.tenant.id</c>).
    /// </summary>
    public int TenantLimitPerSecond { get; set; }

    /// <summary>Calls refused with 429 by <see cref="TenantLimitPerSecond"/>.</summary>
    public int Throttled => _throttled;

    /// <summary>Calls received and not yet answered (including ones waiting out <see cref="MessageDelay"/>).</summary>
    public int InFlight => _inFlight;

    private int _throttled;
    private int _inFlight;
    private readonly Dictionary<string, List<long>> _tenantWindows = new(StringComparer.Ordinal);
    public string ServiceUrl { get; }

    private ConnectorStub(WebApplication app, string serviceUrl, bool recordCalls)
    {
        _app = app;
        ServiceUrl = serviceUrl;
        _recordCalls = recordCalls;
    }

    /// <summary>A stub that records every call (for tests that assert on what the bot sent).</summary>
    public static Task<ConnectorStub> StartAsync() => StartAsync(recordCalls: true);

    /// <summary>A sink for load runs: answers like the stub but records no calls; replies are timed with <see cref="ExpectReply"/>.</summary>
    public static Task<ConnectorStub> StartSinkAsync() => StartAsync(recordCalls: false);

    private static async Task<ConnectorStub> StartAsync(bool recordCalls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ConnectorStub? stub = null;
        app.Map("/{**path}", async (HttpContext ctx) => await stub!.HandleAsync(ctx));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new ConnectorStub(app, address.TrimEnd('/') + "/connector", recordCalls);
        return stub;
    }

    /// <summary>
    /// The next calls (typing indicators aside) get these statuses before normal answers resume: 429 with Retry-After: 0,
    /// 403 as Teams says "bot removed" (BotNotInConversationRoster), others with the status name as the error code.
    /// </summary>
    public void FailNext(HttpStatusCode status, int times) => FailNext(status, times, code: null);

    /// <summary>As above, with Teams' error code (or a whole raw body) and a Retry-After in seconds.</summary>
    public void FailNext(HttpStatusCode status, int times, string? code, string? rawBody = null, int? retryAfterSeconds = null)
    {
        code ??= status == HttpStatusCode.Forbidden ? "BotNotInConversationRoster" : status.ToString();
        retryAfterSeconds ??= status == HttpStatusCode.TooManyRequests ? 0 : null;
        for (var i = 0; i < times; i++) _scripted.Enqueue(new ScriptedFailure(status, code, rawBody, retryAfterSeconds));
    }

    private sealed record ScriptedFailure(HttpStatusCode Status, string Code, string? RawBody, int? RetryAfterSeconds);

    /// <summary>Messages (not typing indicators) the bot posted successfully into a conversation, in order.</summary>
    public IReadOnlyList<ConnectorCall> Replies(string conversationId) =>
        [.. Calls.Where(c => c.Succeeded && c.Method == "POST" && c.ConversationId == conversationId && c.Type == "message")];

    public async Task<IReadOnlyList<ConnectorCall>> WaitForRepliesAsync(string conversationId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var replies = Replies(conversationId);
            if (replies.Count >= count) return replies;
            await Task.Delay(20);
        }
        return Replies(conversationId);
    }

    /// <summary>
    /// Registers interest in the reply to an activity (a call to <c>.../activities/{activityId}</c>); the task yields the
    /// <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the reply arrived.
    /// </summary>
    public Task<long> ExpectReply(string activityId)
    {
        var reply = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaitedReplies[activityId] = reply;
        return reply.Task;
    }

    /// <summary>Drops the interest registered by <see cref="ExpectReply"/> (the send failed or timed out).</summary>
    public void Forget(string activityId) => _awaitedReplies.TryRemove(activityId, out _);

    private async Task HandleAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await HandleCoreAsync(ctx);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext ctx)
    {
        // Teams counts a call when it arrives: taken before reading the body, so a busy test process does not bunch them.
        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        using var doc = ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0
            ? await JsonDocument.ParseAsync(ctx.Request.Body)
            : null;
        var path = ctx.Request.Path.Value ?? "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // /connector/v3/conversations/{conversationId}/activities[/{activityId}]
        var conversationId = segments.Length >= 4 ? Uri.UnescapeDataString(segments[3]) : null;
        var replyTo = segments.Length >= 6 ? Uri.UnescapeDataString(segments[5]) : null;
        // Scripted failures hit real calls only: whether a typing indicator goes out depends on timing, so it must not consume them.
        var isTyping = doc is not null && doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var type) && type.GetString() == "typing";
        if (isTyping) Interlocked.Increment(ref _typing);
        if (!isTyping && MessageDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(MessageDelay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        ScriptedFailure? failure = null;
        if (TenantLimitPerSecond > 0 && !WithinTenantLimit(TenantOf(doc), arrived))
        {
            Interlocked.Increment(ref _throttled);
            failure = new ScriptedFailure(HttpStatusCode.TooManyRequests, "TooManyRequests", null, 1);
        }
        var succeeded = failure is null && (isTyping || !_scripted.TryDequeue(out failure));
        // A reply someone is timing: stamped with its arrival, before any work of the stub's own.
        if (succeeded && !isTyping && replyTo is not null && _awaitedReplies.TryRemove(replyTo, out var awaited)) awaited.TrySetResult(arrived);
        var call = new ConnectorCall(ctx.Request.Method, path, conversationId, replyTo, ctx.Request.Headers.Authorization.ToString(),
            _recordCalls ? doc?.RootElement.Clone() : null, succeeded);
        if (_recordCalls) Calls.Enqueue(call);
        // A test hook that runs once a message has been accepted, before the bot hears back (e.g. to fail storage then).
        if (succeeded && !isTyping && OnMessageAccepted is { } hook) await hook(call);
        if (failure is not null)
        {
            ctx.Response.StatusCode = (int)failure.Status;
            if (failure.RetryAfterSeconds is { } seconds) ctx.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (failure.RawBody is { } raw)
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(raw);
            }
            else await ctx.Response.WriteAsJsonAsync(new { error = new { code = failure.Code, message = "scripted failure" } });
            return;
        }
        ctx.Response.StatusCode = StatusCodes.Status201Created;
        if (segments is [_, "v3", "conversations"])
        {
            // Create conversation: like Teams, the same member always gets the same 1:1 chat.
            var member = doc?.RootElement.GetProperty("members")[0].GetProperty("id").GetString();
            await ctx.Response.WriteAsJsonAsync(new { id = "a:personal-" + member });
            return;
        }
        await ctx.Response.WriteAsJsonAsync(new { id = "reply-" + Interlocked.Increment(ref _ids) });
    }

    private bool WithinTenantLimit(string tenant, long arrived)
    {
        var second = System.Diagnostics.Stopwatch.Frequency;
        lock (_tenantWindows)
        {
            if (!_tenantWindows.TryGetValue(tenant, out var window)) _tenantWindows[tenant] = window = [];
            // Arrival stamps can be recorded slightly out of order; keep two seconds and count the one before this call.
            window.RemoveAll(t => arrived - t >= 2 * second);
            if (window.Count(t => t <= arrived && arrived - t < second) >= TenantLimitPerSecond) return false;
            window.Add(arrived);
            return true;
        }
    }

    private static string TenantOf(JsonDocument? doc)
    {
        if (doc?.RootElement is not { ValueKind: JsonValueKind.Object } root) return "";
        if (root.TryGetProperty("conversation", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("tenantId", out var t) && t.GetString() is { } id) return id;
        if (root.TryGetProperty("channelData", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("tenant", out var tn)
            && tn.ValueKind == JsonValueKind.Object && tn.TryGetProperty("id", out var tid) && tid.GetString() is { } tenantId) return tenantId;
        return "";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
