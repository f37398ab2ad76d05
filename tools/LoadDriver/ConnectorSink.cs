using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Tools.LoadDriver;

/// <summary>
/// The Bot Connector at the activities' serviceUrl (Kestrel on 127.0.0.1): answers replies like Teams (201 + id) and
/// completes the waiter registered for the activity the reply answers (<c>.../activities/{replyToId}</c>), stamping the
/// moment the reply arrived.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
    private long _unmatched;
    private long _replies;
    private long _typing;

    private ConnectorSink(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }
    public long Unmatched => Interlocked.Read(ref _unmatched);
    public long Replies => Interlocked.Read(ref _replies);
    public long Typing => Interlocked.Read(ref _typing);

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ConnectorSink? sink = null;
        app.Map("/connector/{**path}", (HttpContext ctx) => sink!.HandleAsync(ctx));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink = new ConnectorSink(app, address.TrimEnd('/') + "/connector");
        return sink;
    }

    /// <summary>Registers interest in the reply to an activity; the task yields the Stopwatch timestamp of its arrival.</summary>
    public Task<long> ExpectReply(string activityId)
    {
        var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[activityId] = tcs;
        return tcs.Task;
    }

    public void Forget(string activityId) => _waiting.TryRemove(activityId, out _);

    private async Task HandleAsync(HttpContext ctx)
    {
        var arrived = Stopwatch.GetTimestamp();
        // Read the body (a real Connector does); the path names the activity answered. Typing indicators are not replies.
        using var body = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(body, ctx.RequestAborted);
        if (body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf("\"type\":\"typing\""u8) >= 0)
        {
            Interlocked.Increment(ref _typing);
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        // /connector/v3/conversations/{conversationId}/activities/{replyToId}
        var segments = (ctx.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var replyTo = segments.Length >= 6 ? Uri.UnescapeDataString(segments[5]) : null;
        Interlocked.Increment(ref _replies);
        if (replyTo is not null && _waiting.TryRemove(replyTo, out var tcs)) tcs.TrySetResult(arrived);
        else Interlocked.Increment(ref _unmatched);
        ctx.Response.StatusCode = StatusCodes.Status201Created;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync("{\"id\":\"" + Guid.NewGuid().ToString("N") + "\"}", ctx.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
