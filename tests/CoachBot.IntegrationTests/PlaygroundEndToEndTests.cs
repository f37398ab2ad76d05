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

    [Fact]
    public async Task Maya_sees_what_Diego_shared_when_she_types_my_day()
    {
        // The local run's set-up: the sample organisation on a local Graph server, the Playground's tenant and users.
        await using var graph = await InProcessGraphServer.StartAsync();
        await using var app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?> { ["Graph:BaseUrl"] = graph.BaseUrl });
        using var http = app.CreateHttpClient();
        await using var playground = await PlaygroundClient.StartAsync(new Uri(http.BaseAddress!, "/api/messages").ToString());

        // The Playground's ids are fixed, and other tests chat as Diego on the same storage: start a fresh topic.
        string[] diego = ["reset", "Client ghosted me after the demo", "Two emails and a voicemail", "A clear yes or no", "Go through my champion", "I'll call the CFO by Thursday"];
        foreach (var text in diego)
        {
            await playground.SendAsync(text);
            await playground.NextBotMessageAsync(Wait);
        }
        // The Playground shows a reply's text and its card as two messages: the plan card follows the plan's text.
        Assert.Contains("Your plan", (await playground.NextBotMessageAsync(Wait)).GetRawText(), StringComparison.Ordinal);
        await playground.SendAsync("share");
        await playground.NextBotMessageAsync(Wait);

        // Maya's own Playground (the local run starts both), on the same bot.
        await using var maya = await PlaygroundClient.StartAsync(new Uri(http.BaseAddress!, "/api/messages").ToString(), "maya");
        await maya.SendAsync("my day");
        Assert.Equal("Your coaching day:", (await maya.NextBotMessageAsync(Wait)).GetProperty("text").GetString());
        var card = await maya.NextBotMessageAsync(Wait);
        var shown = card.GetRawText();
        Assert.True(shown.Contains("Your coaching day", StringComparison.Ordinal), shown);
        Assert.True(shown.Contains("Diego Alvarez shared a plan: I'll call the CFO by Thursday", StringComparison.Ordinal), shown);
    }
}
