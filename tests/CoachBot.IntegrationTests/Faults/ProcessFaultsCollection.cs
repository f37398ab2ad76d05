namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// Tests that run the app as child processes under load (SIGTERM, kill -9) share this collection, so they run one at a
/// time instead of competing with each other for the machine's cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessFaultsCollection
{
    public const string Name = "Process faults";
}
