using CoachBot.Coaching.Calendar;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Graph.Tests;

public sealed class ScheduleTests
{
    private static readonly DateTimeOffset Monday = TestGraphServer.Now.Date;

    [Fact]
    public async Task MoreThan20Ids_AreBatched()
    {
        var org = Orgs.BigTeam(25);
        await using var server = await TestGraphServer.StartAsync(org);
        var manager = org.Users[0];
        var rep = org.Users[3];
        server.Store.AddEvent(new StoredEvent
        {
            OrganizerId = rep.Id, Subject = "Demo", ShowAs = "busy",
            StartUtc = Monday.UtcDateTime.AddHours(17), EndUtc = Monday.UtcDateTime.AddHours(18),
        });
        var ids = org.Users.Skip(1).Select(u => u.Id).ToList();

        var schedules = await server.CreateDirectory().GetSchedulesAsync(manager.Id, ids, Monday, Monday.AddDays(5));

        Assert.Equal(25, schedules.Count);
        var stats = await server.StatsAsync();
        Assert.Equal([5, 20], stats["getScheduleSizes"]!.AsArray().Select(n => n!.GetValue<int>()).Order());
        var busy = Assert.Single(schedules[rep.Id].Busy);
        Assert.Equal(new BusyInterval(Monday.AddHours(17), Monday.AddHours(18), FreeBusyStatus.Busy), busy);
        Assert.Equal("America/Los_Angeles", schedules[rep.Id].WorkingHours.TimeZoneId);
        Assert.Empty(schedules[org.Users[4].Id].Busy);
    }

    [Fact]
    public async Task WindowOf62DaysOrMore_IsPaged()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();
        var end = Monday.AddDays(66);

        var schedules = await graph.GetSchedulesAsync(Orgs.Maya, [Orgs.Maya, Orgs.Diego], Monday, end);

        Assert.Equal(2, await server.RequestCountAsync("POST calendar/getSchedule"));
        var diego = schedules[Orgs.Diego];
        Assert.Contains(diego.Busy, b => b.Start < Monday.AddDays(60));
        Assert.Contains(diego.Busy, b => b.Start >= Monday.AddDays(60));
        // The server rejects a single window >= 62 days, so success proves the split; and nothing is lost at the seam.
        var expected = server.Store.EventsFor(Orgs.Diego, Monday.UtcDateTime, end.UtcDateTime)
            .Where(e => e.ShowAsFor(Orgs.Diego) != "free").Select(e => (e.StartUtc, e.EndUtc, e.ShowAsFor(Orgs.Diego))).Distinct().Count();
        Assert.Equal(expected, diego.Busy.Count);
    }

    [Fact]
    public async Task SampleOrg_HasTentativeOofAndWorkingHours()
    {
        await using var server = await TestGraphServer.StartAsync();
        var team = server.Org.Users.Where(u => u.ManagerId == Orgs.Maya).Select(u => u.Id).ToList();

        var schedules = await server.CreateDirectory().GetSchedulesAsync(Orgs.Maya, team, Monday, Monday.AddDays(28));

        var all = schedules.Values.SelectMany(s => s.Busy).ToList();
        Assert.Contains(all, b => b.Status == FreeBusyStatus.Tentative);
        Assert.Contains(all, b => b.Status == FreeBusyStatus.Oof);
        Assert.Contains(all, b => b.Status == FreeBusyStatus.WorkingElsewhere);
        Assert.Equal(new TimeOnly(8, 0), schedules[Orgs.Diego].WorkingHours.Start);
        Assert.Equal("America/Chicago", schedules["34c50b7e-939e-5834-822c-a8947fff5a0a"].WorkingHours.TimeZoneId);
    }

    [Fact]
    public async Task UnknownSchedule_IsOneUnknownInterval()
    {
        await using var server = await TestGraphServer.StartAsync();
        var schedules = await server.CreateDirectory().GetSchedulesAsync(Orgs.Maya, ["ghost@nowhere.example"], Monday, Monday.AddDays(1));

        var busy = Assert.Single(schedules["ghost@nowhere.example"].Busy);
        Assert.Equal(FreeBusyStatus.Unknown, busy.Status);
        Assert.Equal(Monday, busy.Start);
    }

    [Fact]
    public async Task CalendarView_PagesAndMapsEvents()
    {
        await using var server = await TestGraphServer.StartAsync();
        var end = Monday.AddDays(70);

        var events = await server.CreateDirectory().GetEventsAsync(Orgs.Maya, Monday, end);

        var expected = server.Store.EventsFor(Orgs.Maya, Monday.UtcDateTime, end.UtcDateTime);
        Assert.True(expected.Count > 100, "the sample calendar should need more than one page");
        Assert.True(await server.RequestCountAsync("GET calendarView") >= 2);
        Assert.Equal(expected.Select(e => e.Id), events.Select(e => e.Id));
        var review = events.First(e => e.Id == expected.First(x => x.Subject == "Weekly pipeline review").Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero), review.Start); // 09:30 New York (EST)
        Assert.Equal(6, review.AttendeeIds.Count);
        Assert.Contains(events, e => e.IsAllDay && e.ShowAs == FreeBusyStatus.Oof);
    }

    [Fact]
    public async Task CalendarView_AsksForTimesCategoriesAndAttendeesOnly_NeverSubjectOrBody()
    {
        await using var server = await TestGraphServer.StartAsync();

        await server.CreateDirectory().GetEventsAsync(Orgs.Maya, Monday, Monday.AddDays(70));

        // Every page (first request and nextLinks) carries the same $select; docs/admin.md lists these fields.
        var select = Assert.Single(await server.SelectsAsync("GET calendarView"));
        Assert.Equal(["attendees", "categories", "end", "id", "isAllDay", "showAs", "start"], select.Split(',').Order(StringComparer.Ordinal));
        Assert.DoesNotContain("subject", select, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("body", select, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Manager_and_mailbox_settings_ask_only_for_the_fields_CoachBot_uses()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();

        Assert.NotNull(await graph.GetManagerAsync(Orgs.Diego));
        await graph.GetMailboxSettingsAsync(Orgs.Maya);

        // docs/admin.md §2 lists these fields.
        Assert.Equal(["displayName", "id", "mail", "userPrincipalName"],
            Assert.Single(await server.SelectsAsync("GET manager")).Split(',').Order(StringComparer.Ordinal));
        Assert.Equal(["timeZone", "workingHours"], Assert.Single(await server.SelectsAsync("GET mailboxSettings")).Split(',').Order(StringComparer.Ordinal));
    }
}
