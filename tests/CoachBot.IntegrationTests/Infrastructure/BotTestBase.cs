using Azure.Data.Tables;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>
/// A test class's own running CoachBot (real app on a loopback port), a local Connector at the serviceUrl, and the
/// shared Azurite; started before each test and stopped after it.
/// </summary>
public abstract class BotTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;
    protected BotApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;
    protected ConnectorStub Connector { get; private set; } = null!;
    protected TableServiceClient Tables => new(Azurite.ConnectionString);

    public virtual async Task InitializeAsync()
    {
        Connector = await ConnectorStub.StartAsync();
        App = CreateApp();
        Client = App.CreateHttpClient();
    }

    /// <summary>The app under test; override to start it with settings or services of the test's own.</summary>
    protected virtual BotApp CreateApp() => new(Azurite.ConnectionString);

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
