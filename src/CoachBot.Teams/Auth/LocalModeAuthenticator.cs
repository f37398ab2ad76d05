using System.Security.Claims;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Auth;

/// <summary>
/// Local development with no app id (the Agents Playground sends no token): accepts a request only when its
/// serviceUrl is on loopback, so the bot never calls out to an address an unauthenticated caller chose.
/// </summary>
public sealed class LocalModeAuthenticator(ServiceUrlPolicy serviceUrls) : IBotAuthenticator
{
    public ValueTask<AuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct) =>
        ValueTask.FromResult(serviceUrls.IsAllowed(activity.ServiceUrl)
            ? AuthResult.Ok(new ClaimsIdentity("anonymous"), VerifiedCaller.LocalMode with { TenantId = activity.TenantId })
            : AuthResult.Fail("Local mode accepts only loopback serviceUrls."));
}
