using Azure.Identity;
using CoachBot.Teams.Auth;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests.Auth;

public class AzureIdentityTokenProviderTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturingLogger<AzureIdentityTokenProvider> _log = new();

    private AzureIdentityTokenProvider Provider(FakeTokenCredential credential) => new(credential, _time, _log);

    [Fact]
    public async Task Token_is_requested_for_the_bot_framework_scope_and_cached()
    {
        var credential = new FakeTokenCredential(_time);
        using var provider = Provider(credential);
        for (var i = 0; i < 10; i++)
            Assert.Equal("token-1", await provider.GetTokenAsync(default));
        Assert.Equal(1, credential.Calls);
        Assert.Equal(["https://api.botframework.com/.default"], credential.LastScopes);
    }

    [Fact]
    public async Task Token_is_refreshed_five_minutes_before_it_expires()
    {
        var credential = new FakeTokenCredential(_time);
        using var provider = Provider(credential);
        await provider.GetTokenAsync(default);
        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await provider.GetTokenAsync(default));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(default));
        Assert.Equal(2, credential.Calls);
    }

    [Fact]
    public async Task Credential_refresh_hint_is_honoured()
    {
        var credential = new FakeTokenCredential(_time) { RefreshAfter = TimeSpan.FromMinutes(30) };
        using var provider = Provider(credential);
        await provider.GetTokenAsync(default);
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal("token-2", await provider.GetTokenAsync(default));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var credential = new FakeTokenCredential(_time) { Delay = TimeSpan.FromMilliseconds(100) };
        using var provider = Provider(credential);
        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(default).AsTask()));
        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task Failure_propagates_without_the_secret_or_token_in_logs_and_the_next_call_retries()
    {
        var credential = new FakeTokenCredential(_time) { Fail = true };
        using var provider = Provider(credential);
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => provider.GetTokenAsync(default).AsTask());
        credential.Fail = false;
        Assert.Equal("token-2", await provider.GetTokenAsync(default));
        Assert.NotEmpty(_log.Messages);
        Assert.DoesNotContain(_log.Messages, m => m.Contains("token-2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MultiTenant", typeof(ClientSecretCredential))]
    [InlineData("SingleTenant", typeof(ClientSecretCredential))]
    [InlineData("UserAssignedMsi", typeof(ManagedIdentityCredential))]
    public void Credential_matches_the_app_type(string appType, Type expected)
    {
        var options = new BotOptions
        {
            AppId = "0f0e0d0c-1111-2222-3333-444455556666",
            AppType = appType,
            TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            AppPassword = appType == "UserAssignedMsi" ? null : "secret",
        };
        var credential = AzureIdentityTokenProvider.CreateCredential(BotAuthSettings.Create(options), options.AppPassword);
        Assert.IsType(expected, credential);
    }
}
