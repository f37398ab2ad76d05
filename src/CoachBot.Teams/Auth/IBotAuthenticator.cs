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
    public bool Succeeded => Failure is null;

    /// <summary>The HTTP status for a failure: 401 for a missing or bad token, 403 for an authentic caller that is refused.</summary>
    public int StatusCode { get; init; } = 401;

    public static AuthResult Fail(string reason) => new(null, reason);
    public static AuthResult Forbidden(string reason) => new(null, reason) { StatusCode = 403 };
    public static AuthResult Ok(ClaimsIdentity identity) => new(identity, null);
}
