using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// A test with an Azurite of its own (so it can be stopped and restarted without disturbing other suites), a local
/// Connector and the real app on a loopback port, started before each test and stopped after it.
/// </summary>
public abstract class OwnAzuriteTestBase : IAsyncLifetime
{
    protected RestartableAzurite Azurite { get; } = new();
    protected ConnectorStub Connector { get; private set; } = null!;
    protected BotApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await Azurite.StartAsync();
        Connector = await ConnectorStub.StartAsync();
        App = new BotApp(Azurite.ConnectionString, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        Client = App.CreateHttpClient();
        Client.Timeout = TimeSpan.FromSeconds(30);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
