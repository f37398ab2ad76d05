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
    public static AuthResult Fail(string reason) => new(null, reason);
    public static AuthResult Ok(ClaimsIdentity identity) => new(identity, null);
}
