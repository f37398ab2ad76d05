using CoachBot.Teams.Auth;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>Tokens accepted and refused, each against keys served by a real local metadata server.</summary>
public sealed class JwtBotAuthenticatorTests : AuthTestContext
{
    [Fact]
    public async Task Good_bot_framework_token_passes()
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(), default);
        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("BotFramework", result.Identity!.AuthenticationType);
        Assert.Equal(TestTokens.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Other_rsa_algorithms_pass(string algorithm)
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework(algorithm: algorithm)), TeamsActivity(), default);
        Assert.True(result.Succeeded, result.Failure);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Good_entra_single_tenant_token_passes(bool v1Issuer, bool appIdUri)
    {
        using var auth = Authenticator();
        var token = TestTokens.Entra(
            issuer: v1Issuer ? $"https://sts.windows.net/{TestTokens.TenantId}/" : null,
            audience: appIdUri ? $"api://{TestTokens.AppId}" : TestTokens.AppId);
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("EntraId", result.Identity!.AuthenticationType);
    }

    [Fact]
    public async Task Bot_service_tenant_token_passes_only_for_multi_tenant_bots()
    {
        const string botService = "d6d49420-f39b-4df7-a1dc-d59a935871db";
        var token = TestTokens.Entra(issuer: TestTokens.EntraIssuer(botService), tid: botService);

        using var single = Authenticator();
        var refused = await single.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.Equal("The token's issuer is not trusted.", refused.Failure);

        using var multi = Authenticator(o => o.AppType = "multitenant");
        var accepted = await multi.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.True(accepted.Succeeded, accepted.Failure);
    }

    [Theory]
    [InlineData(null, "Missing Authorization header.")]
    [InlineData("", "Missing Authorization header.")]
    [InlineData("Basic dXNlcjpwYXNz", "The Authorization scheme must be Bearer.")]
    [InlineData("Bearer ", "The bearer token is not a JWT.")]
    [InlineData("Bearer not-a-jwt", "The bearer token is not a JWT.")]
    public async Task Missing_or_non_bearer_header_is_refused(string? header, string reason)
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(header, TeamsActivity(), default);
        Assert.Equal(reason, result.Failure);
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Scheme_must_be_exactly_Bearer()
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync("bearer " + TestTokens.BotFramework(), TeamsActivity(), default);
        Assert.Equal("The Authorization scheme must be Bearer.", result.Failure);
    }

    [Fact]
    public async Task Signature_by_another_key_with_a_known_kid_is_refused()
    {
        using var auth = Authenticator();
        var token = TestTokens.BotFramework(key: TestSigningKey.Impostor(TestSigningKey.A.Kid));
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.Equal("The token's signature is invalid.", result.Failure);
    }

    [Fact]
    public async Task Tampered_payload_is_refused()
    {
        using var auth = Authenticator();
        var token = TestTokens.Tampered(TestTokens.BotFramework());
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(serviceUrl: "https://smba.trafficmanager.net/emea/"), default);
        Assert.Equal("The token's signature is invalid.", result.Failure);
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0")]
    public async Task Untrusted_issuer_is_refused(string issuer)
    {
        using var auth = Authenticator();
        var token = TestTokens.BotFramework(issuer: issuer);
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.Equal("The token's issuer is not trusted.", result.Failure);
        Assert.Equal(0, Server.MetadataHits); // rejected before any key lookup
    }

    [Theory]
    [InlineData("https://api.botframework.com")] // a Connector token replayed at the bot
    [InlineData("9a9a9a9a-0000-0000-0000-000000000000")] // a token for another bot
    [InlineData("api://0f0e0d0c-1111-2222-3333-444455556666")] // app id URI: Entra tokens only
    public async Task Token_for_another_audience_is_refused(string audience)
    {
        using var auth = Authenticator();
        var token = TestTokens.BotFramework(audience: audience);
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.Equal("The token is not for this bot (audience).", result.Failure);
    }

    [Fact]
    public async Task Entra_token_for_another_app_is_refused()
    {
        using var auth = Authenticator();
        var token = TestTokens.Entra(audience: "api://9a9a9a9a-0000-0000-0000-000000000000");
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.Equal("The token is not for this bot (audience).", result.Failure);
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        using var auth = Authenticator();
        var now = DateTime.UtcNow;
        var token = TestTokens.BotFramework(notBefore: now.AddHours(-2), expires: now.AddMinutes(-6));
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.Equal("The token has expired.", result.Failure);
    }

    [Fact]
    public async Task Not_yet_valid_token_is_refused()
    {
        using var auth = Authenticator();
        var now = DateTime.UtcNow;
        var token = TestTokens.BotFramework(notBefore: now.AddMinutes(6), expires: now.AddHours(1));
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.Equal("The token is not yet valid.", result.Failure);
    }

    [Fact]
    public async Task Lifetime_tolerates_the_configured_clock_skew()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.BotFramework(notBefore: now.AddHours(-2), expires: now.AddMinutes(-3));
        using var lenient = Authenticator();
        Assert.True((await lenient.AuthenticateAsync(Bearer(token), TeamsActivity(), default)).Succeeded);
        using var strict = Authenticator(o => o.ClockSkew = TimeSpan.FromMinutes(1));
        Assert.Equal("The token has expired.", (await strict.AuthenticateAsync(Bearer(token), TeamsActivity(), default)).Failure);
    }

    [Fact]
    public async Task Key_not_endorsed_for_the_channel_is_refused()
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(channelId: "skype"), default);
        Assert.Equal("The token's signing key is not endorsed for the activity's channel.", result.Failure);
    }

    [Fact]
    public async Task Key_without_endorsements_is_refused()
    {
        Server.AddBotFrameworkKey(TestSigningKey.B, null);
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework(key: TestSigningKey.B)), TeamsActivity(), default);
        Assert.Equal("The token's signing key is not endorsed for the activity's channel.", result.Failure);
    }

    [Theory]
    [InlineData("https://evil.example.com/amer/")]
    [InlineData(null)]
    public async Task Serviceurl_claim_must_match_the_activity(string? claim)
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework(serviceUrl: claim)), TeamsActivity(), default);
        Assert.Equal("The token's serviceurl does not match the activity.", result.Failure);
    }

    [Fact]
    public async Task Serviceurl_comparison_ignores_case()
    {
        using var auth = Authenticator();
        var token = TestTokens.BotFramework(serviceUrl: TestTokens.ServiceUrl.ToUpperInvariant());
        Assert.True((await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default)).Succeeded);
    }

    [Fact]
    public async Task Alg_none_is_refused()
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.AlgNone(TestSigningKey.A.Kid)), TeamsActivity(), default);
        Assert.Equal("The token's algorithm is not allowed.", result.Failure);
    }

    [Fact]
    public async Task Hs256_with_a_guessable_secret_is_refused()
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.HmacSigned(TestSigningKey.A.Kid)), TeamsActivity(), default);
        Assert.Equal("The token's algorithm is not allowed.", result.Failure);
        Assert.Equal(0, Server.MetadataHits);
    }

    [Fact]
    public async Task Entra_token_whose_tid_does_not_match_its_issuer_is_refused()
    {
        using var auth = Authenticator();
        var other = TestTokens.Entra(tid: "11111111-1111-1111-1111-111111111111");
        Assert.Equal("The token's tenant does not match its issuer.", (await auth.AuthenticateAsync(Bearer(other), TeamsActivity(), default)).Failure);
        var none = TestTokens.Entra(tid: null);
        Assert.Equal("The token's tenant does not match its issuer.", (await auth.AuthenticateAsync(Bearer(none), TeamsActivity(), default)).Failure);
    }

    [Fact]
    public async Task Entra_key_published_for_another_issuer_is_refused()
    {
        Server.AddEntraKey(TestSigningKey.B, "https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0");
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.Entra(key: TestSigningKey.B)), TeamsActivity(), default);
        Assert.Equal("The token's signing key belongs to another issuer.", result.Failure);
    }

    [Fact]
    public async Task Single_tenant_bot_refuses_other_tenants_by_default()
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(tenantId: "11111111-1111-1111-1111-111111111111"), default);
        Assert.Equal("The activity's tenant is not allowed.", result.Failure);
        Assert.Equal(403, result.StatusCode);
        var missing = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(tenantId: null), default);
        Assert.Equal(403, missing.StatusCode);
    }

    [Fact]
    public async Task Allow_list_admits_only_listed_tenants()
    {
        using var auth = Authenticator(o =>
        {
            o.AppType = "MultiTenant";
            o.AllowedTenants.Add("22222222-2222-2222-2222-222222222222, 33333333-3333-3333-3333-333333333333");
        });
        var token = Bearer(TestTokens.BotFramework());
        Assert.True((await auth.AuthenticateAsync(token, TeamsActivity(tenantId: "33333333-3333-3333-3333-333333333333"), default)).Succeeded);
        var refused = await auth.AuthenticateAsync(token, TeamsActivity(), default);
        Assert.Equal(403, refused.StatusCode);
    }

    [Fact]
    public async Task Multi_tenant_bot_without_allow_list_admits_any_tenant()
    {
        using var auth = Authenticator(o => o.AppType = "MultiTenant");
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(tenantId: "44444444-4444-4444-4444-444444444444"), default);
        Assert.True(result.Succeeded, result.Failure);
    }
}
