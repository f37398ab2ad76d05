using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Plans;

namespace CoachBot.IntegrationTests;

/// <summary>
/// Issue 13 through POST /api/messages, the real app and Azurite: a first message that commits gets its plan card at
/// once, dated from the rep's own time zone; a restated plan with a new day updates the same stored plan and moves its
/// follow-up; "my plans" with nothing open says so without a heading.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CoachingConversationTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private readonly string _conversation = "a:" + Guid.NewGuid().ToString("N");
    private readonly string _rep = "aad-" + Guid.NewGuid().ToString("N")[..8];

    // A zone whose date differs from UTC's right now, so a plan dated from the UTC day would be caught.
    private static readonly string Zone = DateTime.UtcNow.Hour >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";

    private static DateOnly RepToday()
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tz).DateTime);
    }

    /// <summary>The next such weekday after today (a weekday named on its own day means next week's).</summary>
    private static DateOnly Next(DateOnly today, DayOfWeek day)
    {
        var delta = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(delta == 0 ? 7 : delta);
    }

    /// <summary>Posts a rep message; a plan turn is answered with its text and then its card (two messages).</summary>
    private async Task<(string ActivityId, IReadOnlyList<ConnectorCall> Replies)> SayAsync(string text, int messages)
    {
        var before = Connector.Replies(_conversation).Count;
        var activity = TeamsActivities.Message(Connector.ServiceUrl, _conversation, text, userAad: _rep);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        activity["localTimezone"] = Zone;
        activity["localTimestamp"] = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tz).ToString("O", CultureInfo.InvariantCulture);
        await Client.PostAsync(activity);
        var replies = (await Connector.WaitForRepliesAsync(_conversation, before + messages)).Skip(before).ToList();
        Assert.True(replies.Count == messages, $"expected {messages} messages for “{text}”, got: {string.Join(" / ", replies.Select(r => r.Body?.GetRawText()))}");
        return (activity["id"]!.GetValue<string>(), replies);
    }

    private static JsonElement Card(IReadOnlyList<ConnectorCall> replies)
    {
        var attachment = Assert.Single(replies, r => r.Body!.Value.TryGetProperty("attachments", out _)).Body!.Value.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    private static string Texts(IReadOnlyList<ConnectorCall> replies) => string.Join("\n", replies.Select(r => r.Text));

    private static string Day(DateOnly d) => d.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_first_message_that_commits_gets_a_plan_card_for_the_reps_thursday_and_a_restated_day_updates_that_plan()
    {
        var today = RepToday();
        var thursday = Next(today, DayOfWeek.Thursday);

        var (firstId, confirmed) = await SayAsync("My champion left. I'll email her old boss by Thursday.", 2);

        var card = Card(confirmed).GetProperty("fallbackText").GetString();
        Assert.Contains("I'll email her old boss by Thursday", card, StringComparison.Ordinal);
        Assert.Contains(Day(thursday), card, StringComparison.Ordinal);
        var plans = new PlanStore(Tables);
        var followUps = new FollowUpIndex(Tables);
        var plan = Assert.Single(await plans.ListAsync(TeamsActivities.TenantId, _rep, default));
        Assert.Equal(firstId, plan.PlanId);
        Assert.Equal(thursday, plan.Due);
        Assert.Equal(Zone, (await followUps.GetAsync(TeamsActivities.TenantId, _rep, plan.PlanId, thursday, default))?.TimeZoneId);

        var friday = Next(today, DayOfWeek.Friday);
        var (_, updated) = await SayAsync("Actually I'll email her old boss by Friday instead", 2);

        Assert.Contains(Day(friday), Card(updated).GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        var after = Assert.Single(await plans.ListAsync(TeamsActivities.TenantId, _rep, default));
        Assert.Equal(firstId, after.PlanId);
        Assert.Equal(friday, after.Due);
        Assert.Equal("I'll email her old boss by Friday instead", after.Text);
        Assert.NotNull(await followUps.GetAsync(TeamsActivities.TenantId, _rep, firstId, friday, default));
        Assert.Null(await followUps.GetAsync(TeamsActivities.TenantId, _rep, firstId, thursday, default));
    }

    [Fact]
    public async Task Tomorrow_is_the_day_after_the_reps_own_today_not_the_servers()
    {
        var (_, replies) = await SayAsync("I'll call the CFO tomorrow", 2);

        var plan = Assert.Single(await new PlanStore(Tables).ListAsync(TeamsActivities.TenantId, _rep, default));
        Assert.Equal(RepToday().AddDays(1), plan.Due);
        Assert.NotEqual(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), plan.Due);
        Assert.Contains(Day(plan.Due), Texts(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_plans_with_none_open_says_so_without_a_heading()
    {
        var (_, replies) = await SayAsync("my plans", 1);

        Assert.StartsWith("You have no open plans", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Your open plans:", replies[0].Text, StringComparison.Ordinal);
    }
}
