using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) at an activity's serviceUrl: reply, send and update activities, create a 1:1 chat.
/// Transient failures are retried per <see cref="RetryPolicy"/>; tokens come from <see cref="IBotTokenProvider"/>.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, IBotTokenProvider tokens, ServiceUrlPolicy serviceUrls, RetryPolicy retry, ConnectorRateLimiter limiter, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    /// <param name="leaveBy">
    /// The latest the reply may leave after waiting for the rate limits; once it has left, only <paramref name="ct"/>
    /// cancels it. A call cut off in flight may still have been delivered, so a caller with a deadline gives the wait
    /// the deadline and the call in flight some margin past it.
    /// </param>
    public Task<ResourceResponse> ReplyToActivityAsync(Activity reply, CancellationToken ct, DateTimeOffset? leaveBy = null)
    {
        var (serviceUrl, conversationId) = Target(reply);
        var path = reply.ReplyToId is null
            ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(reply.ReplyToId)}";
        return PostMessageAsync(serviceUrl, conversationId, path, reply, ct, leaveBy);
    }

    public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken ct)
    {
        var (serviceUrl, conversationId) = Target(activity);
        return PostMessageAsync(serviceUrl, conversationId, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, ct);
    }

    /// <summary>
    /// Sends <paramref name="activity"/> into the conversation <paramref name="reference"/> was captured from, outside
    /// any turn (the SDK's ContinueConversationAsync): addressed from the bot to the user, as a new message.
    /// </summary>
    public Task<ResourceResponse> ContinueConversationAsync(ConversationReference reference, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ServiceUrl = reference.ServiceUrl;
        activity.ChannelId = reference.ChannelId;
        activity.Conversation = new ConversationAccount { Id = reference.ConversationId, ConversationType = reference.ConversationType, TenantId = reference.TenantId };
        activity.From = reference.BotId is null ? null : new ChannelAccount { Id = reference.BotId, Name = reference.BotName };
        activity.Recipient = new ChannelAccount { Id = reference.UserId, AadObjectId = reference.UserAadObjectId, Name = reference.UserName };
        activity.ReplyToId = null;
        return SendToConversationAsync(activity, ct);
    }

    /// <summary>Replaces a sent activity, e.g. to refresh a card in place.</summary>
    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, string activityId, CancellationToken ct)
    {
        var (serviceUrl, conversationId) = Target(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        return SendActivityAsync(HttpMethod.Put, serviceUrl, conversationId, path, activity, ct);
    }

    /// <summary>
    /// Creates (or, for a user who already has one, returns) the 1:1 chat with a user, for proactive messages.
    /// Teams answers 403 when the app is not installed for the user or they blocked it.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, BotJson.Default.ConversationParameters);
        // Budgeted per member, not all new chats of all tenants under one key: each 1:1 is its own thread to Teams.
        var limiterKey = ConnectorRateLimiter.NewConversationKey(parameters.TenantId, parameters.Members.FirstOrDefault()?.Id);
        using var response = await SendAsync(HttpMethod.Post, serviceUrl, limiterKey, parameters.TenantId, "v3/conversations", body, ct).ConfigureAwait(false);
        var created = await ReadJsonAsync(response, BotJson.Default.ConversationResourceResponse, ct).ConfigureAwait(false);
        return created?.Id is null
            ? throw new ConnectorException(response.StatusCode, "NoConversationId", "The Connector created no conversation id.")
            : created;
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        // Teams and the Playground may answer 2xx with an empty body.
        if (response.Content.Headers.ContentLength is 0) return null;
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Posts a message. Text and a card in one activity go out as two (text, then the card): Teams would split them
    /// anyway, count both against the rate limits and return no usable id. The card's id is returned, as it is the
    /// message later updated in place.
    /// </summary>
    private async Task<ResourceResponse> PostMessageAsync(string serviceUrl, string conversationId, string path, Activity activity, CancellationToken ct, DateTimeOffset? leaveBy = null)
    {
        if (activity.Type != ActivityTypes.Message || string.IsNullOrEmpty(activity.Text) || activity.Attachments is not { Count: > 0 })
            return await SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, path, activity, ct, leaveBy).ConfigureAwait(false);
        var text = Copy(activity);
        text.Attachments = null;
        var card = Copy(activity);
        card.Text = null;
        card.TextFormat = null;
        card.Entities = null; // mentions belong to the text they are in
        await SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, path, text, ct, leaveBy).ConfigureAwait(false);
        return await SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, path, card, ct, leaveBy).ConfigureAwait(false);
    }

    private static Activity Copy(Activity activity) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Default.Activity), BotJson.Default.Activity)!;

    private async Task<ResourceResponse> SendActivityAsync(HttpMethod method, string serviceUrl, string conversationId, string path, Activity activity, CancellationToken ct,
        DateTimeOffset? leaveBy = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Default.Activity);
        var tenantId = activity.TenantId;
        // A typing indicator is worthless once late: it goes out only if a permit is free now, once, never retried,
        // so it cannot take a reply's place under the rate limits.
        if (activity.Type == ActivityTypes.Typing)
        {
            if (!limiter.TryAcquire(conversationId, tenantId)) return new ResourceResponse(null);
            using var typing = await SendAsync(method, serviceUrl, conversationId, tenantId, path, body, ct, maxAttempts: 1, acquired: true).ConfigureAwait(false);
            return new ResourceResponse(null);
        }
        using var response = await SendAsync(method, serviceUrl, conversationId, tenantId, path, body, ct, leaveBy: leaveBy).ConfigureAwait(false);
        return await ReadJsonAsync(response, BotJson.Default.ResourceResponse, ct).ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string serviceUrl, string? conversationId, string? tenantId, string path, byte[]? body,
        CancellationToken ct, int? maxAttempts = null, bool acquired = false, DateTimeOffset? leaveBy = null)
    {
        var attemptsAllowed = maxAttempts ?? retry.MaxAttempts;
        // Checked on the final URL, not the activity's string: this host is where the bot's token goes.
        if (!Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var root)
            || new Uri(root, path) is not { } uri
            || !serviceUrls.IsAllowed(root) || !serviceUrls.IsAllowed(uri) || uri.Authority != root.Authority)
            throw new ConnectorException(HttpStatusCode.Forbidden, "ServiceUrlNotAllowed", "The serviceUrl is not one this bot may call.");
        for (var attempt = 1; ; attempt++)
        {
            if (!acquired || attempt > 1) await limiter.AcquireAsync(conversationId, tenantId, ct, leaveBy).ConfigureAwait(false);
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
            catch (HttpRequestException ex) when (attempt < attemptsAllowed && RetryPolicy.MayResend(method, ex))
            {
                LogRetry(logger, method.Method, 0, attempt, ex.Message);
                ConnectorMetrics.Retried(0);
                await Task.Delay(retry.DelayFor(attempt, null), ct).ConfigureAwait(false);
                continue;
            }
            ConnectorMetrics.Answered((int)response.StatusCode);
            if (response.IsSuccessStatusCode) return response;
            var retryAfter = RetryPolicy.RetryAfterOf(response);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && retryAfter is { } pause) limiter.Throttled(tenantId, pause);
            if (RetryPolicy.IsTransient(response.StatusCode) && attempt < attemptsAllowed && !(retryAfter > retry.MaxRetryAfter))
            {
                LogRetry(logger, method.Method, (int)response.StatusCode, attempt, null);
                ConnectorMetrics.Retried((int)response.StatusCode);
                response.Dispose();
                await Task.Delay(retry.DelayFor(attempt, retryAfter), ct).ConfigureAwait(false);
                continue;
            }
            using (response)
            {
                ConnectorMetrics.Failed((int)response.StatusCode);
                var (code, subCode, message) = await ReadErrorAsync(response, ct).ConfigureAwait(false);
                throw new ConnectorException(response.StatusCode, code, message, subCode, retryAfter);
            }
        }
    }

    private static (string Service, string Conversation) Target(Activity a) =>
        (a.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(a)),
         a.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(a)));

    private static async Task<(string? Code, string? SubCode, string Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), cancellationToken: ct).ConfigureAwait(false);
            var (code, subCode, message) = ConnectorErrorCodes.Parse(doc.RootElement);
            return (code, subCode, message ?? response.ReasonPhrase ?? "error");
        }
        catch (JsonException)
        {
            // Not a Connector error body; fall through to the status line.
        }
        return (null, null, response.ReasonPhrase ?? "error");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} got {Status} (attempt {Attempt}); retrying. {Error}")]
    private static partial void LogRetry(ILogger logger, string method, int status, int attempt, string? error);
}
