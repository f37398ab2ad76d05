using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Nudges;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// A manager uses CoachBot in chat (Maya, who manages Diego in the sample organisation): "my day", "team", "settings",
/// "field day" and a manager's help, through POST /api/messages; the daily nudge still goes out once afterwards. Reps
/// keep their own meaning of "field day" and "help", and nobody is coached in a group chat.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ManagerChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private NudgeWorld _world = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _world = await NudgeWorld.StartAsync(azurite.ConnectionString);
        _app = _world.StartApp();
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _world.DisposeAsync();
    }

    private async Task<ConnectorCall> SayAsync(string user, string text, string conversationType = "personal")
    {
        var conversation = conversationType == "personal" ? NudgeWorld.ConversationOf(user) : "19:group-" + _world.TenantId;
        var a = TeamsActivities.Message(_world.Connector.ServiceUrl, conversation, text, userAad: user, conversationType: conversationType);
        a["conversation"]!["tenantId"] = _world.TenantId;
        a["channelData"]!["tenant"]!["id"] = _world.TenantId;
        var before = _world.Connector.Replies(conversation).Count;
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(a)).StatusCode);
        var replies = await _world.Connector.WaitForRepliesAsync(conversation, before + 1);
        // Text with a card goes out as two messages, text first: the card is the one that follows.
        return replies.Skip(before).LastOrDefault(r => Card(r) is not null) ?? replies[before];
    }

    private static JsonElement? Card(ConnectorCall reply) =>
        reply.Body is { } b && b.TryGetProperty("attachments", out var a) && a.GetArrayLength() > 0 ? a[0].GetProperty("content") : null;

    [Fact]
    public async Task My_day_shows_todays_card_on_demand_and_the_daily_nudge_still_goes_out_once()
    {
        var reply = await SayAsync(NudgeWorld.Maya, "my day");
        var card = Card(reply) ?? throw new Xunit.Sdk.XunitException("no card");
        Assert.Contains("Your coaching day", NudgeWorld.AllText(card), StringComparison.Ordinal);

        // Its buttons work like the daily card's (the snapshot is stored as an on-demand view).
        var snoozed = await _world.ClickAsync(_app, NudgeWorld.Maya, NudgeWorld.Actions(card).First(a => a.GetProperty("verb").GetString() == NudgeCard.Settings));
        Assert.Contains("Settings", NudgeWorld.AllText(snoozed), StringComparison.OrdinalIgnoreCase);

        // "my day" did not take today's once-a-day slot: the scheduled nudge is still delivered, once.
        await _world.InstallAsync(_app, NudgeWorld.Maya);
        (await _world.RunAsync(_app, NudgeWorld.Maya)).EnsureSuccessStatusCode();
        await _world.WaitForCardsAsync([NudgeWorld.Maya], perManager: 2);
        var cards = _world.Cards(NudgeWorld.Maya);
        Assert.Equal(2, cards.Count); // the one she asked for, and the day's nudge
        (await _world.RunAsync(_app, NudgeWorld.Maya)).EnsureSuccessStatusCode();
        await Task.Delay(1500);
        Assert.Equal(2, _world.Cards(NudgeWorld.Maya).Count);
    }

    [Fact]
    public async Task Team_settings_field_day_and_help_answer_a_manager()
    {
        var team = await SayAsync(NudgeWorld.Maya, "team");
        Assert.StartsWith("Your team: ", team.Text, StringComparison.Ordinal);
        Assert.Null(Card(team));

        var settings = Card(await SayAsync(NudgeWorld.Maya, "settings")) ?? throw new Xunit.Sdk.XunitException("no settings card");
        Assert.Contains(NudgeWorld.Actions(settings), a => a.GetProperty("verb").GetString() == NudgeCard.SaveSettings);

        var fieldDays = Card(await SayAsync(NudgeWorld.Maya, "field day")) ?? throw new Xunit.Sdk.XunitException("no field-day card");
        Assert.Contains("Field days worth booking", NudgeWorld.AllText(fieldDays), StringComparison.Ordinal);
        Assert.Contains(NudgeWorld.Actions(fieldDays), a => a.GetProperty("verb").GetString() == NudgeCard.Book);

        var help = await SayAsync(NudgeWorld.Maya, "help");
        Assert.Contains("**my day**", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_keeps_the_reps_meaning_of_field_day_and_help()
    {
        var help = await SayAsync(NudgeWorld.Diego, "help");
        Assert.DoesNotContain("**my day**", help.Text, StringComparison.Ordinal);
        Assert.Contains("**field day**", help.Text, StringComparison.Ordinal);
        var team = await SayAsync(NudgeWorld.Diego, "team");
        Assert.DoesNotContain("Your team:", team.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_is_coached_in_a_group_chat()
    {
        var coaching = await SayAsync(NudgeWorld.Diego, "Northwind keeps pushing back on price, what do I do?", "groupChat");
        Assert.Equal(CoachBot.Coaching.PublicChat.InviteText, coaching.Text);

        var help = await SayAsync(NudgeWorld.Diego, "help", "groupChat");
        Assert.Contains("practice", help.Text, StringComparison.Ordinal);
        var practice = await SayAsync(NudgeWorld.Diego, "practice", "groupChat");
        Assert.DoesNotContain("one to one", practice.Text, StringComparison.Ordinal);
    }
}
