using System.Text.Json;
using CoachBot.Teams.Auth;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Turns an HTTP request on /api/messages into a turn, like the SDK's CloudAdapter: bounded read, parse,
/// validate, authenticate, run the handler, and write 200 (or the invoke response).
/// </summary>
public sealed partial class BotAdapter(
    IBotAuthenticator authenticator,
    ConnectorClient connector,
    IOptions<BotOptions> options,
    BackgroundTurns background,
    InboundUserRateLimiter users,
    ILogger<BotAdapter> logger,
    IEnumerable<IActivityRule>? rules = null)
{
    public async Task ProcessAsync(HttpContext http, IActivityHandler handler)
    {
        var ct = http.RequestAborted;
        var max = options.Value.MaxActivityBytes;
        var body = await ReadBoundedAsync(http.Request.Body, http.Request.ContentLength, max, ct).ConfigureAwait(false);
        if (body is null)
        {
            await RejectAsync(http, StatusCodes.Status413PayloadTooLarge, "BodyTooLarge", $"The body is over {max} bytes.").ConfigureAwait(false);
            return;
        }

        // JSON strings kept as raw elements (value, channelData) are decoded later; reject bad UTF-8 here, once.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, "BadSyntax", "The body is not valid UTF-8.").ConfigureAwait(false);
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, BotJson.Default.Activity);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity is null)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, "BadSyntax", "The body is not a JSON activity.").ConfigureAwait(false);
            return;
        }
        if (ActivityValidator.Validate(activity, rules) is { } invalid)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, "BadArgument", invalid).ConfigureAwait(false);
            return;
        }

        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, ct).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            if (auth.StatusCode == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "5";
            await RejectAsync(http, auth.StatusCode, auth.StatusCode switch { StatusCodes.Status403Forbidden => "Forbidden", StatusCodes.Status503ServiceUnavailable => "Unavailable", _ => "Unauthorized" }, auth.Failure!).ConfigureAwait(false);
            return;
        }

        if (!users.TryAcquire(activity.TenantId, activity.From?.Id))
        {
            http.Response.Headers.RetryAfter = "10";
            const string TooMany = "Too many messages from this user; try again shortly.";
            // A card click is refused inside a 200 (Universal Actions contract), so Teams shows the reason on the card.
            if (InvokeResponses.IsUniversalAction(activity))
            {
                LogRejected(logger, StatusCodes.Status429TooManyRequests, "TooManyRequests", TooMany);
                await WriteInvokeAsync(http, InvokeResponses.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", TooMany)).ConfigureAwait(false);
            }
            else await RejectAsync(http, StatusCodes.Status429TooManyRequests, "TooManyRequests", TooMany).ConfigureAwait(false);
            return;
        }

        var caller = auth.Caller ?? VerifiedCaller.None;
        InvokeResponse? invoke;
        if (activity.Type == ActivityTypes.Invoke)
        {
            // An invoke's answer is the HTTP response itself, so it must be awaited.
            invoke = await handler.OnTurnAsync(new TurnContext(activity, connector) { Caller = caller }, ct).ConfigureAwait(false);
        }
        else
        {
            // Other turns run on a token that a graceful shutdown cancels only when its timeout runs out (not the
            // request's, not SIGTERM): a slow one is acknowledged before the channel gives up (~15 s) and finishes in
            // the background, replying through the Connector.
            var aborted = background.Aborted;
            var turn = handler.OnTurnAsync(new TurnContext(activity, connector) { Caller = caller }, aborted);
            // Not a Task.Delay per turn: that timer would outlive every fast turn by the whole AcknowledgeAfter.
            await ((Task)turn).WaitAsync(options.Value.AcknowledgeAfter, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!turn.IsCompleted)
            {
                // Acknowledged means durable: the activity is persisted first, or the request fails and the channel redelivers.
                if (!await background.AcknowledgeAsync(turn, () => handler.OnTurnAsync(new TurnContext(activity, connector) { Caller = caller }, aborted), body, caller, ct).ConfigureAwait(false))
                {
                    http.Response.Headers.RetryAfter = "5";
                    await RejectAsync(http, StatusCodes.Status503ServiceUnavailable, "NotAcknowledged", "The activity could not be recorded; send it again.").ConfigureAwait(false);
                    return;
                }
                LogBackground(logger, activity.Type!);
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }
            invoke = await turn.ConfigureAwait(false);
        }
        if (invoke is null)
        {
            http.Response.StatusCode = activity.Type == ActivityTypes.Invoke ? StatusCodes.Status501NotImplemented : StatusCodes.Status200OK;
            return;
        }
        await WriteInvokeAsync(http, invoke).ConfigureAwait(false);
    }

    private static async Task WriteInvokeAsync(HttpContext http, InvokeResponse invoke)
    {
        http.Response.StatusCode = invoke.Status;
        if (invoke.Body is { } json)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(http.Response.Body);
            json.WriteTo(writer);
        }
    }

    /// <summary>
    /// Reads the body up to <paramref name="max"/> bytes; null when it is longer, without reading any of it when its
    /// declared length says so (chunked bodies have no Content-Length and are counted as they arrive).
    /// </summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long? length, int max, CancellationToken ct)
    {
        if (length > max) return null;
        // A declared length (the server refuses a body that differs from it) is read straight into an array of that
        // size: no growing buffer and no copy, on every turn.
        if (length is { } declared)
        {
            var exact = new byte[declared];
            try
            {
                await body.ReadExactlyAsync(exact, ct).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                return []; // shorter than declared: not a JSON activity (400)
            }
            return exact;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private async Task RejectAsync(HttpContext http, int status, string code, string message)
    {
        LogRejected(logger, status, code, message);
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(new ErrorBody(new ErrorDetail(code, message)), http.RequestAborted).ConfigureAwait(false);
    }

    private sealed record ErrorBody(ErrorDetail Error);
    private sealed record ErrorDetail(string Code, string Message);

    [LoggerMessage(Level = LogLevel.Information, Message = "A slow {Type} turn was acknowledged and continues in the background")]
    private static partial void LogBackground(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected /api/messages request: {Status} {Code} ({Reason})")]
    private static partial void LogRejected(ILogger logger, int status, string code, string reason);
}
