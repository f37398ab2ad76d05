using System.Security.Claims;
using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Auth;

/// <summary>Decides whether an inbound request may be processed, from its Authorization header and activity.</summary>
public interface IBotAuthenticator
{
    ValueTask<AuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct);
}

public sealed record AuthResult(ClaimsIdentity? Identity, string? Failure)
{
    /// <summary>What the token proved about the caller (null on failure).</summary>
    public VerifiedCaller? Caller { get; init; }

    public bool Succeeded => Failure is null;

    /// <summary>
    /// The HTTP status for a failure: 401 for a missing or bad token, 403 for an authentic caller that is refused, 503 when
    /// the token cannot be checked right now (signing keys unavailable), so the channel retries instead of dropping it.
    /// </summary>
    public int StatusCode { get; init; } = 401;

    public static AuthResult Fail(string reason) => new(null, reason);
    public static AuthResult Forbidden(string reason) => new(null, reason) { StatusCode = 403 };
    public static AuthResult Unavailable(string reason) => new(null, reason) { StatusCode = 503 };
    public static AuthResult Ok(ClaimsIdentity identity, VerifiedCaller caller) => new(identity, null) { Caller = caller };
}
