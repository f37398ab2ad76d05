using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Auth;

/// <summary>
/// Caches one issuer's signing keys. Requests read the cached set (no network call per request); the set is
/// refetched when older than <see cref="AutomaticRefreshInterval"/>, or early when a token names an unknown
/// <c>kid</c> (key rotation), at most once per <see cref="MinimumRefreshInterval"/> so forged kids cannot make
/// the bot hammer the metadata endpoint. One fetch at a time; a failed refetch keeps the last good keys.
/// </summary>
public sealed partial class SigningKeyCache(
    string metadataUrl,
    OpenIdKeyRetriever retriever,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    /// <summary>Microsoft.IdentityModel's default; the Bot Framework asks for at least daily.</summary>
    public TimeSpan AutomaticRefreshInterval { get; init; } = TimeSpan.FromHours(12);

    public TimeSpan MinimumRefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>After a failed fetch with nothing cached, how long requests fail before the next try.</summary>
    public TimeSpan FailureRetryInterval { get; init; } = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKeySet? _current;
    private long _nextAttemptTicks; // DateTimeOffset.UtcTicks, read lock-free on the request path
    private DateTimeOffset _nextForcedAttempt = DateTimeOffset.MinValue;

    public string MetadataUrl => metadataUrl;

    /// <summary>The cached keys, fetched first if missing or stale; null when none could ever be fetched.</summary>
    public async ValueTask<SigningKeySet?> GetAsync(CancellationToken ct)
    {
        var current = Volatile.Read(ref _current);
        var now = time.GetUtcNow();
        if (current is not null && (now - current.FetchedAt < AutomaticRefreshInterval || now.UtcTicks < Interlocked.Read(ref _nextAttemptTicks)))
            return current;
        return await RefreshAsync(current, forced: false, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Called when a token's kid is not in <paramref name="seen"/>: refetches unless another caller already did or
    /// the rate limit applies, and returns the (possibly unchanged) current set.
    /// </summary>
    public ValueTask<SigningKeySet?> RefreshForUnknownKeyAsync(SigningKeySet? seen, CancellationToken ct) =>
        RefreshAsync(seen, forced: true, ct);

    private async ValueTask<SigningKeySet?> RefreshAsync(SigningKeySet? seen, bool forced, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = _current;
            // Someone refreshed while this caller waited: use theirs.
            if (!ReferenceEquals(current, seen) && current is not null) return current;

            var now = time.GetUtcNow();
            if (now.UtcTicks < Interlocked.Read(ref _nextAttemptTicks) || (forced && now < _nextForcedAttempt)) return current;
            try
            {
                var fresh = await retriever.GetAsync(metadataUrl, now, ct).ConfigureAwait(false);
                Volatile.Write(ref _current, fresh);
                Interlocked.Exchange(ref _nextAttemptTicks, 0);
                // Only forced refreshes count against the limit: a key published just after a scheduled fetch is
                // still picked up by the first token that uses it.
                if (forced) _nextForcedAttempt = now + MinimumRefreshInterval;
                LogRefreshed(logger, metadataUrl, fresh.Keys.Count, forced);
                return fresh;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidDataException
                || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                // Keep serving the last good keys; without any, requests fail closed until the next try.
                Interlocked.Exchange(ref _nextAttemptTicks, (now + (current is null ? FailureRetryInterval : MinimumRefreshInterval)).UtcTicks);
                _nextForcedAttempt = now + MinimumRefreshInterval;
                LogFetchFailed(logger, metadataUrl, current is not null, ex.GetType().Name, ex.Message);
                return current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {KeyCount} signing keys from {MetadataUrl} (forced: {Forced})")]
    private static partial void LogRefreshed(ILogger logger, string metadataUrl, int keyCount, bool forced);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not fetch signing keys from {MetadataUrl} (serving cached keys: {HasCached}): {Error} {Detail}")]
    private static partial void LogFetchFailed(ILogger logger, string metadataUrl, bool hasCached, string error, string detail);
}
