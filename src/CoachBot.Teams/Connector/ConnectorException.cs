using System.Net;

namespace CoachBot.Teams.Connector;

/// <summary>A Connector call that failed for good (after any retries).</summary>
public sealed class ConnectorException(HttpStatusCode status, string? code, string message)
    : Exception($"Connector returned {(int)status} {code}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string? Code { get; } = code;

    /// <summary>403 (bot removed or blocked) and 404 (conversation gone) will not heal by retrying.</summary>
    public bool IsPermanent => Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}
