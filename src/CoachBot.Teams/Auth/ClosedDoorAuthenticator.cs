using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Auth;

/// <summary>
/// Used when an app id is configured but no token validator is: refuses every request, so a misconfigured
/// production bot fails closed rather than open.
/// </summary>
public sealed class ClosedDoorAuthenticator : IBotAuthenticator
{
    public ValueTask<AuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct) =>
        ValueTask.FromResult(AuthResult.Fail(string.IsNullOrEmpty(authorizationHeader)
            ? "Missing Authorization header."
            : "Token validation is not configured."));
}
