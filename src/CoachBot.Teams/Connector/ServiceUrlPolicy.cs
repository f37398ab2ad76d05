using System.Net;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Which serviceUrls the bot may call. In local mode (no app id, nothing authenticates the caller) only
/// loopback addresses are allowed, so an unauthenticated request cannot make the bot call out (SSRF).
/// </summary>
public sealed class ServiceUrlPolicy(bool loopbackOnly)
{
    public bool LoopbackOnly { get; } = loopbackOnly;

    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return false;
        if (!LoopbackOnly) return uri.Scheme == Uri.UriSchemeHttps || IsLoopback(uri);
        return IsLoopback(uri);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
