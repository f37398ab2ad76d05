using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;

namespace CoachBot.Graph;

/// <summary>Runs one SDK call and turns every failure into a <see cref="GraphException"/>, so a Graph outage never crashes a caller.</summary>
internal static class GraphCall
{
    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var result = await call().ConfigureAwait(false);
            GraphMetrics.Ok();
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (GraphException e)
        {
            GraphMetrics.Failed(e.Kind);
            throw;
        }
        catch (Exception ex) when (Map(operation, ex) is { } mapped)
        {
            GraphMetrics.Failed(mapped.Kind);
            throw mapped;
        }
    }

    /// <summary>As <see cref="RunAsync{T}(string, Func{Task{T}}, CancellationToken)"/>, logging every failure but "not found".</summary>
    public static async Task<T> RunLoggedAsync<T>(ILogger logger, string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(operation, call, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphException e) when (e.Kind != GraphFailureKind.NotFound)
        {
            GraphLog.CallFailed(logger, e, operation, e.Kind, (int?)e.Status);
            throw;
        }
    }

    public static Task RunAsync(string operation, Func<Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, async () => { await call().ConfigureAwait(false); return true; }, cancellationToken);

    /// <summary>Status code of a failed SDK call, or null when the failure is not an HTTP answer.</summary>
    public static int? StatusOf(Exception ex) => ex is ApiException api && api.ResponseStatusCode != 0 ? api.ResponseStatusCode : null;

    internal static GraphException? Map(string operation, Exception ex)
    {
        switch (ex)
        {
            case GraphException:
                return null;
            case AggregateException { InnerExceptions.Count: > 0 } retries:
                // The SDK's retry handler gives up with an AggregateException of every attempt's failure; the last one counts.
                return Map(operation, retries.InnerExceptions[^1]) is { } last
                    ? new GraphException(last.Kind, operation, last.Status, last.Message + $" ({retries.InnerExceptions.Count} attempts)", ex)
                    : null;
            case ApiException api when api.ResponseStatusCode != 0:
                var status = (HttpStatusCode)api.ResponseStatusCode;
                return new GraphException(KindOf(status), operation, status,
                    $"Graph {operation} failed with HTTP {api.ResponseStatusCode}.", ex);
            case HttpRequestException or TimeoutException or OperationCanceledException or IOException:
                // Connection refused, DNS, TLS, or the HttpClient timeout: the service is unreachable right now.
                return new GraphException(GraphFailureKind.Unavailable, operation, null, $"Graph {operation} failed: {ex.GetType().Name}.", ex);
            default:
                return null;
        }
    }

    private static GraphFailureKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => GraphFailureKind.NotFound,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => GraphFailureKind.AccessDenied,
        HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => GraphFailureKind.Unavailable,
        >= HttpStatusCode.InternalServerError => GraphFailureKind.Unavailable,
        _ => GraphFailureKind.BadRequest,
    };
}
