using System.Net;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Which serviceUrls the bot may call, and so where its Connector token may go. In local mode (no app id, nothing
/// authenticates the caller) only loopback addresses are allowed, so an unauthenticated request cannot make the bot
/// call out (SSRF). Otherwise only https URLs on an allow-listed Connector host are: a serviceUrl is data in the
/// activity body, and whatever host it names receives the bot's own bearer token.
/// </summary>
public sealed class ServiceUrlPolicy
{
    /// <summary>
    /// Public-cloud Connector hosts: Teams' regional service URLs are all on <c>smba.trafficmanager.net</c>
    /// (e.g. <c>/amer/</c>, <c>/emea/</c>, <c>/teams/</c>); other Bot Framework channels on <c>*.botframework.com</c>.
    /// Sovereign clouds (GCC <c>smba.infra.gcc.teams.microsoft.com</c>, GCC High <c>smba.infra.gov.teams.microsoft.us</c>,
    /// DoD <c>smba.infra.dod.teams.microsoft.us</c>) are added by configuration, see docs/security.md.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultConnectorHosts = ["smba.trafficmanager.net", "*.botframework.com"];

    private readonly HashSet<string> _exactHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];

    /// <summary>A policy for local mode (<paramref name="loopbackOnly"/>) or for production with the default hosts.</summary>
    public ServiceUrlPolicy(bool loopbackOnly) : this(loopbackOnly, null)
    {
    }

    /// <param name="loopbackOnly">Local mode: loopback only, whatever the list says.</param>
    /// <param name="connectorHosts">Exact host names or <c>*.suffix</c>; null or empty means <see cref="DefaultConnectorHosts"/>.</param>
    public ServiceUrlPolicy(bool loopbackOnly, IEnumerable<string>? connectorHosts)
    {
        LoopbackOnly = loopbackOnly;
        var hosts = connectorHosts?.SelectMany(SplitList).ToList() is { Count: > 0 } listed ? listed : [.. DefaultConnectorHosts];
        foreach (var host in hosts)
        {
            if (host.StartsWith("*.", StringComparison.Ordinal) && host.Length > 2) _suffixes.Add(host[1..]);
            else if (host.Contains('*', StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal))
                throw new InvalidOperationException($"Bot:ConnectorHosts entry '{host}' must be a host name or *.suffix.");
            else _exactHosts.Add(host);
        }
        ConnectorHosts = hosts;
    }

    public bool LoopbackOnly { get; }

    /// <summary>The allow-list in force (production mode).</summary>
    public IReadOnlyList<string> ConnectorHosts { get; }

    public bool IsAllowed(string? serviceUrl) => Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsAllowed(uri);

    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || !string.IsNullOrEmpty(uri.UserInfo)) return false;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return false;
        if (LoopbackOnly) return IsLoopback(uri);
        var host = uri.IdnHost.TrimEnd('.');
        var listed = _exactHosts.Contains(host) || _suffixes.Exists(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        // http only for a loopback host someone listed on purpose (tests); the token never crosses a network in clear.
        return listed && (uri.Scheme == Uri.UriSchemeHttps || IsLoopback(uri));
    }

    private static IEnumerable<string> SplitList(string entry) =>
        entry.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
