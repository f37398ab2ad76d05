namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>
/// The test run's shared Azurite (the kit's <see cref="AzuriteServer"/>), started once for the run.
/// Set COACHBOT_TEST_STORAGE to a connection string to use an emulator that is already running instead.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _azurite;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("COACHBOT_TEST_STORAGE") is { Length: > 0 } external)
        {
            ConnectionString = external;
            return;
        }
        _azurite = await AzuriteServer.StartAsync();
        ConnectionString = _azurite.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
