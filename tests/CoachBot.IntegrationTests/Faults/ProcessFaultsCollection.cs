namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// Tests whose outcome depends on timing under load share this collection and run alone, after the parallel ones:
/// the app as child processes killed or stopped mid-load (SIGTERM, kill -9), and instances sharing one Teams budget.
/// A neighbour test hogging both cores would otherwise move their sends and leases, not the code under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessFaultsCollection
{
    public const string Name = "Process faults";
}
