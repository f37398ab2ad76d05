using System.Text.Json.Nodes;

namespace CoachBot.IntegrationTests.Fleet;

/// <summary>
/// Runtime settings the app ships with in its runtimeconfig.json (set in CoachBot.csproj), which a deployed instance
/// runs with whatever its host: dropping one silently would show only as CPU in a load run.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void Idle_thread_pool_workers_do_not_spin()
    {
        // The app's runtimeconfig.json is copied next to the tests, as it is built for CoachBot.dll.
        var path = Path.Combine(AppContext.BaseDirectory, "CoachBot.runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.Equal(0, config["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]?.GetValue<int>());
    }
}
