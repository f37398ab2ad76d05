using Azure.Core;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>Hands out numbered tokens that expire <see cref="Lifetime"/> after the fake clock's now; counts calls.</summary>
public sealed class FakeTokenCredential(TimeProvider time) : TokenCredential
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan? RefreshAfter { get; set; }
    public TimeSpan Delay { get; set; }
    public bool Fail { get; set; }
    public IReadOnlyList<string>? LastScopes { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _calls);
        LastScopes = requestContext.Scopes;
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        if (Fail) throw new Azure.Identity.AuthenticationFailedException("AADSTS7000215: Invalid client secret provided.");
        var now = time.GetUtcNow();
        return new AccessToken($"token-{n}", now + Lifetime, RefreshAfter is { } r ? now + r : null);
    }
}
