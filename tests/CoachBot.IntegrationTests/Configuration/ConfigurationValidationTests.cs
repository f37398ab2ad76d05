using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Configuration;

/// <summary>A bad setting stops the app before it serves anything, with a message that names the key to fix.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConfigurationValidationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Bot:MaxActivityBytes", "-1")]
    [InlineData("Bot:AcknowledgeAfter", "00:00:20")]
    [InlineData("Nudges:BatchSize", "99")]
    [InlineData("Nudges:QueueName", "Not_A_Queue")]
    [InlineData("Coaching:NudgeHour", "25")]
    [InlineData("Coaching:RetentionDays", "0")]
    [InlineData("Coaching:FieldDayLength", "Fortnight")]
    [InlineData("Graph:MaxRetries", "-1")]
    [InlineData("Admin:DayWindowDays", "1000")]
    [InlineData("Erasure:Lease", "00:00:00")]
    [InlineData("Nudges:WorkerConcurrency", "many")]
    public async Task A_bad_value_stops_the_app_naming_the_key(string key, string value)
    {
        string[] args = ["--environment=Development", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString={azurite.ConnectionString}", $"--{key}={value}"];

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = CoachBotApp.Create(args);
            await app.StartAsync();
            await app.StopAsync();
        });

        Assert.NotNull(error);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_values_at_the_edges_start_the_app()
    {
        string[] args = ["--environment=Development", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString={azurite.ConnectionString}",
            "--Nudges:BatchSize=32", "--Coaching:NudgeHour=0", "--Bot:MaxActivitiesPerUserPerMinute=0", "--Nudges:QueueName=nudges-eu-1"];
        await using var app = CoachBotApp.Create(args);
        await app.StartAsync();
        await app.StopAsync();
    }
}
