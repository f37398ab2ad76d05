using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) at an activity's serviceUrl: reply, send, update and delete activities.
/// Transient failures are retried per <see cref="RetryPolicy"/>; tokens come from <see cref="IBotTokenProvider"/>.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, IBotTokenProvider tokens, ServiceUrlPolicy serviceUrls, RetryPolicy retry, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    public Task<ResourceResponse> ReplyToActivityAsync(Activity reply, CancellationToken ct)
    {
        var (serviceUrl, conversationId) = Target(reply);
        var path = reply.ReplyToId is null
            ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(reply.ReplyToId)}";
        return SendActivityAsync(HttpMethod.Post, serviceUrl, path, reply, ct);
    }

    public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken ct)
    {
        var (serviceUrl, conversationId) = Target(activity);
        return SendActivityAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, ct);
    }

    /// <summary>Replaces a sent activity, e.g. to refresh a card in place.</summary>
    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, string activityId, CancellationToken ct)
    {
        var (serviceUrl, conversationId) = Target(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        return SendActivityAsync(HttpMethod.Put, serviceUrl, path, activity, ct);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        using var response = await SendAsync(HttpMethod.Delete, serviceUrl, path, null, ct).ConfigureAwait(false);
    }

    private async Task<ResourceResponse> SendActivityAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Default.Activity);
        using var response = await SendAsync(method, serviceUrl, path, body, ct).ConfigureAwait(false);
        // Teams and the Playground may answer 2xx with an empty body: no id is then known.
        if (response.Content.Headers.ContentLength is 0 or null && response.StatusCode == HttpStatusCode.Accepted) return new ResourceResponse(null);
        try
        {
            return await response.Content.ReadFromJsonAsync(BotJson.Default.ResourceResponse, ct).ConfigureAwait(false) ?? new ResourceResponse(null);
        }
        catch (JsonException)
        {
            return new ResourceResponse(null);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string serviceUrl, string path, byte[]? body, CancellationToken ct)
    {
        if (!serviceUrls.IsAllowed(serviceUrl))
            throw new ConnectorException(HttpStatusCode.Forbidden, "ServiceUrlNotAllowed", "The serviceUrl is not one this bot may call.");
        var uri = new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            var token = await tokens.GetTokenAsync(ct).ConfigureAwait(false);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < retry.MaxAttempts)
            {
                LogRetry(logger, method.Method, 0, attempt, ex.Message);
                await Task.Delay(retry.DelayFor(attempt, null), ct).ConfigureAwait(false);
                continue;
            }
            if (response.IsSuccessStatusCode) return response;
            if (RetryPolicy.IsTransient(response.StatusCode) && attempt < retry.MaxAttempts)
            {
                var delay = retry.DelayFor(attempt, response);
                LogRetry(logger, method.Method, (int)response.StatusCode, attempt, null);
                response.Dispose();
                await Task.Delay(delay, ct).ConfigureAwait(false);
                continue;
            }
            using (response)
            {
                var (code, message) = await ReadErrorAsync(response, ct).ConfigureAwait(false);
                throw new ConnectorException(response.StatusCode, code, message);
            }
        }
    }

    private static (string Service, string Conversation) Target(Activity a) =>
        (a.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(a)),
         a.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(a)));

    private static async Task<(string? Code, string Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), cancellationToken: ct).ConfigureAwait(false);
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return (code, message ?? response.ReasonPhrase ?? "error");
            }
        }
        catch (JsonException)
        {
            // Not a Connector error body; fall through to the status line.
        }
        return (null, response.ReasonPhrase ?? "error");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} got {Status} (attempt {Attempt}); retrying. {Error}")]
    private static partial void LogRetry(ILogger logger, string method, int status, int attempt, string? error);
}
