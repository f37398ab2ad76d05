using CoachBot.Coaching.Dialogue;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests;

/// <summary>
/// End to end through the Microsoft 365 Agents Playground: its Connector, its activity shapes, no Authorization
/// header (the bot's local mode) and a serviceUrl of http://localhost:PORT/_connector.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlaygroundEndToEndTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_rep_in_the_Playground_is_welcomed_and_then_coached_with_a_counter_question()
    {
        await using var app = new BotApp(azurite.ConnectionString);
        using var http = app.CreateHttpClient();
        await using var playground = await PlaygroundClient.StartAsync(new Uri(http.BaseAddress!, "/api/messages").ToString());

        await playground.InstallAsync();
        var welcome = await playground.NextBotMessageAsync(Wait);
        Assert.Contains("CoachBot", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);

        await playground.SendAsync("The buyer says we're too expensive, what do I do?");
        var question = (await playground.NextBotMessageAsync(Wait)).GetProperty("text").GetString()!;
        Assert.EndsWith("?", question, StringComparison.Ordinal);
        Assert.True(AnswerGuard.IsCoachingSafe(question), question);

        await playground.SendAsync("I showed the ROI sheet but they still pushed back");
        var next = (await playground.NextBotMessageAsync(Wait)).GetProperty("text").GetString()!;
        Assert.EndsWith("?", next, StringComparison.Ordinal);
        Assert.NotEqual(question, next);
    }
}
