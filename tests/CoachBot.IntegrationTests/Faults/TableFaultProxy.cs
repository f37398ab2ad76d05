using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// A loopback reverse proxy in front of Azurite's Table endpoint that, while <see cref="FailDeletes"/> is on, answers
/// every delete (a DELETE, or a batch that contains one) with 503 Server Busy and passes everything else through: the
/// storage error a "forget me" meets when the table service throttles or fails just as it erases.
/// </summary>
public sealed class TableFaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
    private readonly Uri _target;
    private int _refused;

    private TableFaultProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
    }

    private volatile bool _failDeletes;

    /// <summary>While true, deletes get 503.</summary>
    public bool FailDeletes
    {
        get => _failDeletes;
        set => _failDeletes = value;
    }

    /// <summary>Deletes answered 503 so far.</summary>
    public int RefusedDeletes => Volatile.Read(ref _refused);

    /// <summary>The storage connection string with its Table endpoint pointing at this proxy (queues stay direct).</summary>
    public string ConnectionString { get; private set; } = "";

    public static async Task<TableFaultProxy> StartAsync(string azuriteConnectionString)
    {
        var parts = azuriteConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var target = new Uri(parts["TableEndpoint"]);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new TableFaultProxy(app, target);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        parts["TableEndpoint"] = new Uri(address, target.AbsolutePath).ToString();
        proxy.ConnectionString = string.Join(';', parts.Select(p => p.Key + "=" + p.Value)) + ";";
        return proxy;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var isDelete = HttpMethods.IsDelete(ctx.Request.Method)
            || (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.Value?.EndsWith("$batch", StringComparison.Ordinal) == true
                && Encoding.UTF8.GetString(body).Contains("DELETE ", StringComparison.Ordinal));
        if (isDelete && FailDeletes)
        {
            Interlocked.Increment(ref _refused);
            ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"odata.error\":{\"code\":\"ServerBusy\",\"message\":{\"lang\":\"en-US\",\"value\":\"injected by the test\"}}}");
            return;
        }

        // The raw target, not the decoded path: the shared-key signature covers the path exactly as the client encoded it.
        var rawTarget = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), new Uri(_target.GetLeftPart(UriPartial.Authority) + rawTarget));
        if (body.Length > 0 || ctx.Request.ContentLength is not null) request.Content = new ByteArrayContent(body);
        foreach (var (name, values) in ctx.Request.Headers)
        {
            if (name is "Host" or "Content-Length" or "Transfer-Encoding" or "Connection" or "Expect") continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values)) request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
        }
        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        ctx.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is "Transfer-Encoding" or "Connection") continue;
            ctx.Response.Headers[name] = values.ToArray();
        }
        await ctx.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
