using CoachBot.Teams.Auth;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>
/// The trust findings: an app registration in the bot's own tenant (a token with the bot's audience but another
/// calling app) must not be able to act as a rep, and no accepted activity may point the bot at a host off the
/// Connector allow-list. Each test is the attack, refused.
/// </summary>
public sealed class CallerAndEgressTests : AuthTestContext
{
    private const string AttackerApp = "a77ac4e2-0000-4000-8000-00000000a77a";
    private const string OtherTenant = "11111111-1111-1111-1111-111111111111";

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public async Task Entra_token_from_another_app_in_the_bots_tenant_is_refused(string version)
    {
        using var auth = Authenticator();
        var token = TestTokens.Entra(caller: AttackerApp, version: version);
        var result = await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default);
        Assert.Equal("The token's calling app is not a trusted caller.", result.Failure);
        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public async Task Entra_token_from_the_bot_itself_passes(string version)
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.Entra(version: version)), TeamsActivity(), default);
        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(TestTokens.AppId, result.Caller!.AppId);
        Assert.Equal(TestTokens.TenantId, result.Caller.TenantId);
    }

    [Fact]
    public async Task Entra_token_naming_no_calling_app_is_refused()
    {
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.Entra(caller: null)), TeamsActivity(), default);
        Assert.Equal("The token's calling app is not a trusted caller.", result.Failure);
    }

    [Fact]
    public async Task The_caller_claim_must_match_the_token_version()
    {
        // A v1 token is read from appid only: an azp that happens to name a trusted app does not count.
        using var auth = Authenticator();
        var claims = new Dictionary<string, object> { ["ver"] = "1.0", ["azp"] = TestTokens.AppId, ["appid"] = AttackerApp, ["tid"] = TestTokens.TenantId };
        var token = TestTokens.Create(TestSigningKey.Entra, TestTokens.EntraIssuer(), TestTokens.AppId, claims, null, null, "RS256");
        Assert.False((await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default)).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3.0")]
    public async Task Entra_token_without_a_known_version_is_refused(string? version)
    {
        using var auth = Authenticator();
        var claims = new Dictionary<string, object> { ["azp"] = TestTokens.AppId, ["appid"] = TestTokens.AppId, ["tid"] = TestTokens.TenantId };
        if (version is not null) claims["ver"] = version;
        var token = TestTokens.Create(TestSigningKey.Entra, TestTokens.EntraIssuer(), TestTokens.AppId, claims, null, null, "RS256");
        Assert.Equal("The token's calling app is not a trusted caller.", (await auth.AuthenticateAsync(Bearer(token), TeamsActivity(), default)).Failure);
    }

    [Fact]
    public async Task Multi_tenant_bot_refuses_other_apps_from_the_bot_service_tenants()
    {
        // Any app registered with the Bot Service can get a token from its tenants with the bot's audience.
        const string botService = "d6d49420-f39b-4df7-a1dc-d59a935871db";
        using var auth = Authenticator(o => o.AppType = "MultiTenant");
        var forged = TestTokens.Entra(issuer: TestTokens.EntraIssuer(botService), tid: botService, caller: AttackerApp);
        Assert.Equal("The token's calling app is not a trusted caller.", (await auth.AuthenticateAsync(Bearer(forged), TeamsActivity(), default)).Failure);
    }

    [Fact]
    public async Task Configured_trusted_callers_replace_the_default()
    {
        const string relay = "5e1a7000-0000-4000-8000-000000005e1a";
        using var auth = Authenticator(o => o.TrustedCallers.Add($"{relay}, 6e1a7000-0000-4000-8000-000000006e1a"));
        Assert.True((await auth.AuthenticateAsync(Bearer(TestTokens.Entra(caller: relay)), TeamsActivity(), default)).Succeeded);
        Assert.False((await auth.AuthenticateAsync(Bearer(TestTokens.Entra()), TeamsActivity(), default)).Succeeded);
    }

    [Fact]
    public void Trusting_every_caller_is_a_configuration_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BotAuthSettings.Create(Options(o => o.TrustedCallers.Add("*"))));
        Assert.Contains("TrustedCallers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entra_token_fixes_the_tenant_whatever_the_body_says()
    {
        using var auth = Authenticator(o => o.AllowedTenants.Add($"{TestTokens.TenantId},{OtherTenant}"));
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.Entra()), TeamsActivity(tenantId: OtherTenant), default);
        Assert.Equal("The activity's tenant does not match the token's.", result.Failure);
        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task Body_naming_two_tenants_is_refused()
    {
        using var auth = Authenticator();
        var activity = TeamsActivity();
        activity.ChannelData = System.Text.Json.JsonDocument.Parse($$$"""{"tenant":{"id":"{{{OtherTenant}}}"}}""").RootElement;
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), activity, default);
        Assert.Equal("The activity's tenant does not match the token's.", result.Failure);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/amer/")]
    [InlineData("https://attacker.example/smba.trafficmanager.net/")]
    public async Task Authentic_token_for_a_serviceUrl_off_the_allow_list_is_refused(string serviceUrl)
    {
        // Even a genuinely signed Bot Framework token (serviceurl claim matching) cannot send the bot's token elsewhere.
        using var auth = Authenticator();
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework(serviceUrl: serviceUrl)), TeamsActivity(serviceUrl: serviceUrl), default);
        Assert.Equal("The activity's serviceUrl is not an allowed Connector host.", result.Failure);
        Assert.Equal(403, result.StatusCode);

        // The Entra path, which has no serviceurl claim to bind, is held to the same list.
        var entra = await auth.AuthenticateAsync(Bearer(TestTokens.Entra()), TeamsActivity(serviceUrl: serviceUrl), default);
        Assert.Equal("The activity's serviceUrl is not an allowed Connector host.", entra.Failure);
    }

    [Fact]
    public async Task Sovereign_cloud_hosts_are_added_by_configuration()
    {
        const string gcc = "https://smba.infra.gcc.teams.microsoft.com/teams/";
        using var publicCloud = Authenticator();
        Assert.False((await publicCloud.AuthenticateAsync(Bearer(TestTokens.BotFramework(serviceUrl: gcc)), TeamsActivity(serviceUrl: gcc), default)).Succeeded);

        var options = Options(o => o.ConnectorHosts.Add("smba.infra.gcc.teams.microsoft.com"));
        using var sovereign = new JwtBotAuthenticator(BotAuthSettings.Create(options), new OpenIdKeyRetriever(Http), Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<JwtBotAuthenticator>.Instance, new Connector.ServiceUrlPolicy(false, options.ConnectorHosts));
        var result = await sovereign.AuthenticateAsync(Bearer(TestTokens.BotFramework(serviceUrl: gcc)), TeamsActivity(serviceUrl: gcc), default);
        Assert.True(result.Succeeded, result.Failure);
    }
}
