using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Leaders;
using CoachBot.FieldDays;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.IntegrationTests.Leaders;
using CoachBot.IntegrationTests.Nudges;
using CoachBot.Storage.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.FieldDays;

public sealed partial class FieldDayFlowTests
{
    /// <summary>
    /// Issue 16's "Done when", black box: Book on the nudge card → the Graph event on the local Graph server → prep cards at
    /// each person's local prep time (admin run endpoint) → the rep shares, then shares new wording → the debrief submitted
    /// as a Universal Action → feedback with the skill's drill, the rep's coaching turns and dated plan, "practice" starts
    /// that drill → the plan's follow-up → the leader's weekly card (leader admin run) counts the field day as held and
    /// debriefed and the plan as followed up, with no rep text.
    /// </summary>
    [Fact]
    public async Task FieldDay_chain_from_Book_to_the_leaders_weekly_card()
    {
        const string repWords = "The buyer at Contoso says we're too expensive and wants a big discount";
        var graphReadsBefore = await _world.Graph.RequestCountAsync("GET events/{id}");

        // Book on the nudge card (the rep coached on a price objection before).
        var (slot, rep) = await BookFirstSlotAsync(repWords);

        // The Graph event: on Maya's calendar at the slot's times, the field-day category, the rep invited.
        var evt = Assert.Single(await _world.Graph.EventsAsync(NudgeWorld.Maya), e => e!["categories"]!.AsArray().Any(c => c!.GetValue<string>() == "CoachBot field day"))!;
        Assert.Equal(slot.Start.UtcDateTime, Utc(evt["start"]!));
        Assert.Equal(slot.End.UtcDateTime, Utc(evt["end"]!));
        Assert.Single(evt["attendees"]!.AsArray());
        var fd = Assert.Single(await Store().ListAsync(_world.TenantId, DateOnly.FromDateTime(slot.Start.UtcDateTime), DateOnly.FromDateTime(slot.Start.UtcDateTime), default));
        Assert.Equal(evt["id"]!.GetValue<string>(), fd.EventId);
        Assert.Equal(rep, fd.RepId);

        // Prep at each person's own local time, through the admin run: nothing a minute before the first, one message at each.
        AssertPrepTime(fd.ManagerPrepAt, fd.Start, fd.ManagerTimeZone!, morning: new TimeOnly(8, 30), evening: new TimeOnly(16, 30));
        AssertPrepTime(fd.RepPrepAt, fd.Start, fd.RepTimeZone!, morning: new TimeOnly(8, 0), evening: new TimeOnly(16, 0));
        var (first, second) = fd.ManagerPrepAt <= fd.RepPrepAt ? (fd.ManagerPrepAt, fd.RepPrepAt) : (fd.RepPrepAt, fd.ManagerPrepAt);
        Assert.Equal(0, await EnqueuedAtAsync(first.AddMinutes(-1)));
        Assert.Equal(2, await EnqueuedAtAsync(first) + await EnqueuedAtAsync(second));
        var prep = await WaitForCardAsync(NudgeWorld.Maya, "Field day with");
        var ask = await WaitForCardAsync(rep, "Your field day with");
        Assert.DoesNotContain("Contoso", prep.GetRawText(), StringComparison.Ordinal);

        // The rep shares, then shares new wording from the answered card: the manager gets each wording once, the new one last.
        var answered = await _world.ClickAsync(_app, rep, Action(ask, FieldDayCards.Share),
            new JsonObject { [FieldDayCards.FocusInput] = "How I handle the price question", [FieldDayCards.CallsInput] = "Contoso at 10" });
        await WaitForCardAsync(NudgeWorld.Maya, "focus for your field day");
        var reshared = await _world.ClickAsync(_app, rep, Action(answered, FieldDayCards.Share),
            new JsonObject { [FieldDayCards.FocusInput] = "How I open discovery", [FieldDayCards.CallsInput] = "Contoso at 10, Fabrikam at 2" });
        Assert.Contains("How I open discovery", reshared.GetRawText(), StringComparison.Ordinal);
        var updated = await WaitForCardAsync(NudgeWorld.Maya, "focus for your field day (updated)");
        Assert.Contains("How I open discovery", updated.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("price question", updated.GetRawText(), StringComparison.Ordinal);
        // The same wording again (a double click) sends nothing more.
        await _world.ClickAsync(_app, rep, Action(reshared, FieldDayCards.Share),
            new JsonObject { [FieldDayCards.FocusInput] = "How I open discovery", [FieldDayCards.CallsInput] = "Contoso at 10, Fabrikam at 2" });

        // The debrief card at the end of the day, submitted as a Universal Action from that message.
        Assert.Equal(0, await EnqueuedAtAsync(fd.DebriefAt.AddMinutes(-1)));
        Assert.Equal(1, await EnqueuedAtAsync(fd.DebriefAt));
        var debrief = await WaitForCardAsync(NudgeWorld.Maya, "How did the field day with");
        var debriefMessage = (await _world.Ledger().GetAsync(_world.TenantId, NudgeWorld.Maya, FieldDayJobs.For(FieldDayJobs.Debrief, fd).SendKey, default))!.ActivityId!;
        var submitted = await ClickFromMessageAsync(NudgeWorld.Maya, Action(debrief, FieldDayCards.Debrief), new JsonObject
        {
            [FieldDayCards.ReinforceInput] = "You opened every call with a sharp question about their process",
            [FieldDayCards.SkillInput] = "discovery",
            [FieldDayCards.ImproveInput] = "Ask a second question before you pitch",
        }, debriefMessage);
        Assert.Contains("debrief sent", NudgeWorld.AllText(submitted), StringComparison.Ordinal);

        // The rep: the feedback with the skill's own drill named, then coaching until their own dated plan (due on the field day).
        var feedback = await WaitForTextAsync(rep, "feedback from your field day");
        Assert.Contains("Ask a second question before you pitch", feedback, StringComparison.Ordinal);
        Assert.Contains("“Discovery opener”", feedback, StringComparison.Ordinal);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fd.Start, TimeZoneInfo.FindSystemTimeZoneById(fd.RepTimeZone!)).DateTime);
        var before = Replies(rep).Count;
        string[] answers =
        [
            "On the Contoso call I jumped to the demo after their first answer",
            "I want to understand their real pain before I show anything",
            "I could prepare three follow-up questions for each call",
            $"I will write three follow-up questions for every call by {day.ToString("d MMMM", CultureInfo.InvariantCulture)}",
        ];
        for (var i = 0; i < answers.Length && !HasCard(Replies(rep)[^1]); i++) await ChatAsync(rep, answers[i], before + i + 1);
        Assert.True(HasCard(Replies(rep)[^1]), "the coaching ended in the plan card");
        var plan = Assert.Single(await _app.Services.GetRequiredService<PlanStore>().ListAsync(_world.TenantId, rep, default), p => p.Topic == "discovery");
        Assert.Equal(day, plan.Due);

        // "practice" now starts the drill for the improved skill, not the library's next card.
        await ChatAsync(rep, "practice", Replies(rep).Count + 1);
        Assert.Contains("Practice round: Discovery opener", Replies(rep)[^1].Text, StringComparison.Ordinal);

        // The plan's follow-up goes out on its due day (a scheduler tick at the rep's evening that day).
        var evening = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(20, 0)), TimeZoneInfo.FindSystemTimeZoneById(fd.RepTimeZone!)), TimeSpan.Zero);
        await Scheduler(_app).RunDueAsync(evening, default);
        var followUps = _app.Services.GetRequiredService<FollowUpIndex>();
        await PollAsync(async () => (await followUps.ListAsync(day, default)).Any(f => f.TenantId == _world.TenantId && f.UserKey == rep && f.Sent), "the follow-up was sent");

        // That tick also found the leader's card of the field day's own week (caught up): let it land before counting.
        await WaitForQueueEmptyAsync();

        // The leader's weekly card for the week after the field day, by the leader's admin run at her start of that week.
        var week = LeaderFigures.WeekOf(DateOnly.FromDateTime(fd.End.UtcDateTime)).AddDays(7);
        var weekStart = await LeaderWeeklyTests.WeekStartAsync(_app, week);
        var cardsBefore = _world.Cards(LeaderWeeklyTests.Grace).Count;
        Assert.Equal(1, await LeaderWeeklyTests.LeaderRunAsync(_app, weekStart));
        Assert.Equal(0, await LeaderWeeklyTests.LeaderRunAsync(_second, weekStart.AddDays(1)));
        await _world.WaitForCardsAsync([LeaderWeeklyTests.Grace], cardsBefore + 1);
        Assert.Equal(cardsBefore + 1, _world.Cards(LeaderWeeklyTests.Grace).Count);
        var leader = NudgeWorld.CardOf(_world.Cards(LeaderWeeklyTests.Grace)[^1]);
        var maya = LeaderWeeklyTests.Facts(leader, "Maya Patel");
        Assert.Equal("1 held, 1 debriefed", maya["Field days"]);
        Assert.Equal("1", maya["Plans followed up"]);
        Assert.Equal(1, maya["Reps in the field (30 days)"].Split(',').Sum(part => int.Parse(part.Trim().Split(' ')[0], CultureInfo.InvariantCulture)));
        foreach (var secret in new[] { "Contoso", "Fabrikam", "discovery", "second question", fd.RepName })
            Assert.DoesNotContain(secret, leader.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // Once each, however often it was found.
        await WaitForQueueEmptyAsync();
        Assert.Single(CardsTitled(NudgeWorld.Maya, "Field day with"));
        Assert.Single(CardsTitled(NudgeWorld.Maya, "How did the field day with"));
        Assert.Equal(2, CardsTitled(NudgeWorld.Maya, "focus for your field day").Count);
        Assert.Single(CardsTitled(rep, "Your field day with"));
        Assert.Single(Replies(rep), r => r.Text?.Contains("feedback from your field day", StringComparison.Ordinal) == true);

        // The calendar was read by id once per due moment: the manager's prep, the rep's question (once if at the same
        // instant) and the debrief.
        var graphReads = await _world.Graph.RequestCountAsync("GET events/{id}") - graphReadsBefore;
        Assert.InRange(graphReads, 2, 3);

        var results = await CardValidator.ValidateAsync(new Dictionary<string, JsonElement>
        {
            ["prep"] = prep, ["ask"] = ask, ["answered"] = answered, ["reshared"] = reshared, ["updated"] = updated, ["debrief"] = debrief,
            ["debriefed"] = submitted, ["leader"] = leader,
        });
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
    }

    /// <summary>POST /admin/fielddays/run at the instant: how many messages it enqueued.</summary>
    private async Task<int> EnqueuedAtAsync(DateTimeOffset at)
    {
        using var response = await AdminRunAsync(at.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("enqueued").GetInt32();
    }

    /// <summary>A Graph dateTimeTimeZone in UTC (the server answers in UTC without a Prefer header).</summary>
    private static DateTime Utc(JsonNode node)
    {
        Assert.Equal("UTC", node["timeZone"]!.GetValue<string>());
        return DateTime.SpecifyKind(DateTime.Parse(node["dateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
    }
}
