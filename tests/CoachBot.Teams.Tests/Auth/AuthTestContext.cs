using CoachBot.Teams.Auth;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>Per-test fixture: a metadata server with the standard keys, a fake clock, and authenticator factories.</summary>
public abstract class AuthTestContext : IAsyncLifetime
{
    protected OpenIdTestServer Server { get; private set; } = null!;
    // Starts at the real time so the real-time lifetimes of the test tokens still line up.
    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    protected HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task InitializeAsync()
    {
        Server = await OpenIdTestServer.StartAsync();
        Server.AddBotFrameworkKey(TestSigningKey.A, "msteams", "webchat");
        Server.AddEntraKey(TestSigningKey.Entra, "https://login.microsoftonline.com/{tenantid}/v2.0");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected BotOptions Options(Action<BotOptions>? configure = null)
    {
        var options = new BotOptions
        {
            AppId = TestTokens.AppId,
            AppType = "SingleTenant",
            TenantId = TestTokens.TenantId,
            AppPassword = "not-a-real-secret",
            OpenIdMetadataUrl = Server.BotFrameworkMetadataUrl,
            EntraOpenIdMetadataUrlTemplate = Server.EntraMetadataUrlTemplate,
        };
        configure?.Invoke(options);
        return options;
    }

    protected JwtBotAuthenticator Authenticator(Action<BotOptions>? configure = null) =>
        new(BotAuthSettings.Create(Options(configure)), new OpenIdKeyRetriever(Http), Time, NullLogger<JwtBotAuthenticator>.Instance);

    protected static Activity TeamsActivity(string? tenantId = TestTokens.TenantId, string channelId = "msteams", string serviceUrl = TestTokens.ServiceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:user" },
        Conversation = new ConversationAccount { Id = "a:conversation", TenantId = tenantId },
    };

    protected static string Bearer(string token) => "Bearer " + token;
}
