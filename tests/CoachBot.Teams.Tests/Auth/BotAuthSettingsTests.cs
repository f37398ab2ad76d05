using CoachBot.Teams.Auth;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Tests.Auth;

public class BotAuthSettingsTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static BotOptions Options(string appType, string? tenant = Tenant, string? password = "secret") =>
        new() { AppId = "app", AppType = appType, TenantId = tenant, AppPassword = password };

    [Theory]
    [InlineData("SingleTenant", null, "secret", "Bot:TenantId is required")]
    [InlineData("UserAssignedMsi", null, null, "Bot:TenantId is required")]
    [InlineData("UserAssignedMsi", Tenant, "secret", "Bot:AppPassword must be empty")]
    [InlineData("SingleTenant", Tenant, null, "Bot:AppPassword is required")]
    [InlineData("MultiTenant", null, "", "Bot:AppPassword is required")]
    [InlineData("SingleTenant", "contoso.onmicrosoft.com", "secret", "must be the directory (tenant) id")]
    [InlineData("Anonymous", Tenant, "secret", "is not one of MultiTenant, SingleTenant, UserAssignedMsi")]
    public void Incomplete_configuration_is_refused_with_a_clear_message(string appType, string? tenant, string? password, string message)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BotAuthSettings.Create(Options(appType, tenant, password)));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Clock_skew_is_bounded(int minutes)
    {
        var options = Options("SingleTenant");
        options.ClockSkew = TimeSpan.FromMinutes(minutes);
        Assert.Throws<InvalidOperationException>(() => BotAuthSettings.Create(options));
    }

    [Fact]
    public void Metadata_urls_must_be_https_outside_loopback()
    {
        var options = Options("SingleTenant");
        options.OpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration";
        Assert.Throws<InvalidOperationException>(() => BotAuthSettings.Create(options));
        options = Options("SingleTenant");
        options.EntraOpenIdMetadataUrlTemplate = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
        Assert.Throws<InvalidOperationException>(() => BotAuthSettings.Create(options));
    }

    [Fact]
    public void Single_tenant_trusts_bot_framework_and_its_own_tenant_only()
    {
        var settings = BotAuthSettings.Create(Options("singletenant"));
        Assert.Equal(BotAppType.SingleTenant, settings.AppType);
        Assert.Equal(
            ["https://api.botframework.com", $"https://login.microsoftonline.com/{Tenant}/v2.0", $"https://sts.windows.net/{Tenant}/"],
            settings.Issuers.Select(i => i.Issuer).Order(StringComparer.Ordinal));
        Assert.Equal([Tenant], settings.AllowedTenants);
        Assert.Equal(
            $"https://login.microsoftonline.com/{Tenant}/v2.0/.well-known/openid-configuration",
            settings.FindIssuer($"https://sts.windows.net/{Tenant}/")!.MetadataUrl);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", settings.FindIssuer("https://api.botframework.com")!.MetadataUrl);
    }

    [Fact]
    public void Multi_tenant_also_trusts_the_bot_service_tenants_and_any_tenant()
    {
        var settings = BotAuthSettings.Create(Options("MultiTenant", tenant: null));
        Assert.Equal(7, settings.Issuers.Count);
        foreach (var tenant in BotAuthSettings.BotServiceTenants)
            Assert.Equal(tenant, settings.FindIssuer($"https://sts.windows.net/{tenant}/")!.TenantId);
        Assert.Empty(settings.AllowedTenants);
        Assert.True(settings.IsTenantAllowed("anything"));
    }

    [Fact]
    public void Allowed_tenants_may_be_comma_separated()
    {
        var options = Options("SingleTenant");
        options.AllowedTenants.Add("a, b;c");
        options.AllowedTenants.Add("d");
        Assert.Equal(["a", "b", "c", "d"], BotAuthSettings.Create(options).AllowedTenants.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Startup_fails_when_a_single_tenant_bot_has_no_tenant()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "app",
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:AppPassword"] = "secret",
        }).Build();
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTeamsBot(config));
        Assert.Contains("Bot:TenantId is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_bot_gets_jwt_validation_and_azure_identity_tokens()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "app",
            ["Bot:TenantId"] = Tenant,
            ["Bot:AppPassword"] = "secret",
            ["Bot:AllowedTenants"] = "t1,t2",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddTeamsBot(config).BuildServiceProvider();
        Assert.IsType<JwtBotAuthenticator>(provider.GetRequiredService<IBotAuthenticator>());
        Assert.IsType<AzureIdentityTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
        Assert.Equal(["t1", "t2"], provider.GetRequiredService<BotAuthSettings>().AllowedTenants.Order(StringComparer.Ordinal));
        Assert.Equal(["t1,t2"], provider.GetRequiredService<IOptions<BotOptions>>().Value.AllowedTenants);
    }
}
