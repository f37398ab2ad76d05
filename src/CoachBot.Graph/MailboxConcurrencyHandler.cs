using System.Collections.Concurrent;

namespace CoachBot.Graph;

/// <summary>
/// Caps in-flight requests per mailbox (the <c>users/{id}</c> segment of the URL). Outlook allows 4 concurrent
/// requests per app per mailbox and answers the fifth with 429, so queueing locally is cheaper than being throttled.
/// One instance is shared by every GraphServiceClient request, including paging follow-ups.
/// </summary>
public sealed class MailboxConcurrencyHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _limit;

    public MailboxConcurrencyHandler(int maxConcurrentPerMailbox)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentPerMailbox, 1);
        _limit = maxConcurrentPerMailbox;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var mailbox = MailboxOf(request.RequestUri);
        if (mailbox is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var gate = _gates.GetOrAdd(mailbox, _ => new SemaphoreSlim(_limit, _limit));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The id or UPN after <c>/users/</c>, unescaped; null for calls not aimed at a mailbox.</summary>
    internal static string? MailboxOf(Uri? uri)
    {
        if (uri is null) return null;
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].Equals("users", StringComparison.OrdinalIgnoreCase))
            {
                // Kiota may address a user as users/{id} or users('{id}').
                return Uri.UnescapeDataString(segments[i + 1]).Trim('\'', '(', ')');
            }
        }

        return null;
    }
}
