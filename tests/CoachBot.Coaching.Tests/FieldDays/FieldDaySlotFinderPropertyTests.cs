using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.FieldDays;

namespace CoachBot.Coaching.Tests.FieldDays;

/// <summary>
/// Seeded random calendars (dense, overlapping, all-day, multi-day, every status, zones with and without DST on both
/// hemispheres, horizons around the switch dates) checked against invariants computed independently of the finder.
/// </summary>
public class FieldDaySlotFinderPropertyTests
{
    private static readonly string[] Zones =
        ["Europe/Berlin", "America/New_York", "Europe/London", "America/Los_Angeles", "Australia/Sydney", "Asia/Kolkata", "Asia/Tokyo", "UTC"];

    private static readonly DateOnly[] SwitchDates =
        [new(2026, 3, 8), new(2026, 3, 29), new(2026, 4, 5), new(2026, 10, 4), new(2026, 10, 25), new(2026, 11, 1)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Invariants_hold_on_random_calendars(int seed)
    {
        var random = new Random(seed);
        int total = 0, soft = 0, crossZone = 0;
        for (var run = 0; run < 150; run++)
        {
            var request = RandomRequest(random);
            var slots = FieldDaySlotFinder.Find(request);
            CheckInvariants(request, slots, $"seed {seed} run {run}");
            Assert.Equal(slots, FieldDaySlotFinder.Find(request));
            total += slots.Count;
            soft += slots.Count(s => s.Conflicts != SlotConflicts.None);
            crossZone += slots.Count(s => request.Reps.Single(r => r.UserId == s.RepId).Schedule.WorkingHours.TimeZoneId != request.Manager.WorkingHours.TimeZoneId);
        }
        // The generator must exercise the interesting paths, not only produce empty answers.
        Assert.True(total > 200, $"only {total} slots");
        Assert.True(soft > 10, $"only {soft} soft slots");
        Assert.True(crossZone > 10, $"only {crossZone} cross-zone slots");
    }

    [Fact]
    public void Empty_calendars_in_one_zone_give_every_rep_every_working_day()
    {
        var random = new Random(42);
        for (var run = 0; run < 50; run++)
        {
            var zone = Zones[random.Next(Zones.Length)];
            var hours = RandomHours(random, zone);
            var reps = Enumerable.Range(0, random.Next(1, 4)).Select(i => new FieldDayRep(new PersonSchedule($"r{i}", hours, []))).ToList();
            var start = RandomStart(random, zone);
            var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
            start = new DateTimeOffset(localDate.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(localDate.ToDateTime(TimeOnly.MinValue)));
            var days = random.Next(1, 12);
            var request = new FieldDaySlotQuery(new PersonSchedule("m", hours, []), reps, start, days, FieldDayLength.HalfDay, new FieldDayOptions { MaxSuggestions = 1000 });

            var slots = FieldDaySlotFinder.Find(request);

            Assert.Equal(days * reps.Count, slots.Count);
            CheckInvariants(request, slots, $"run {run}");
        }
    }

    private static FieldDaySlotQuery RandomRequest(Random random)
    {
        var managerZone = Zones[random.Next(Zones.Length)];
        var start = RandomStart(random, managerZone);
        var workingDays = random.Next(1, 16);
        var from = start.AddDays(-3);
        var spanDays = workingDays * 7 / 5 + 10;
        var manager = new PersonSchedule("m", RandomHours(random, managerZone), RandomBusy(random, managerZone, from, spanDays));
        var reps = new List<FieldDayRep>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var zone = random.Next(2) == 0 ? managerZone : Zones[random.Next(Zones.Length)];
            var schedule = new PersonSchedule($"rep{i}", RandomHours(random, zone), RandomBusy(random, zone, from, spanDays));
            DateOnly? last = random.Next(3) == 0 ? null : DateOnly.FromDateTime(start.DateTime).AddDays(random.Next(-60, 20));
            reps.Add(new FieldDayRep(schedule, $"Rep {i}", (RepTier)random.Next(3), random.Next(4) == 0, last));
        }
        var options = new FieldDayOptions
        {
            MaxSuggestions = random.Next(1, 40),
            MinDaysSinceLastFieldDay = random.Next(0, 22),
            EarliestStart = random.Next(3) == 0 ? new TimeOnly(9, 0) : null,
            AvoidDates = new HashSet<DateOnly>(Enumerable.Range(0, random.Next(3)).Select(_ => DateOnly.FromDateTime(start.DateTime).AddDays(random.Next(0, 14)))),
            AvoidDays = random.Next(5) == 0 ? new HashSet<DayOfWeek> { (DayOfWeek)random.Next(7) } : new HashSet<DayOfWeek>(),
        };
        var length = random.Next(3) == 0 ? FieldDayLength.FullDay : FieldDayLength.HalfDay;
        return new FieldDaySlotQuery(manager, reps, start, workingDays, length, options);
    }

    private static DateTimeOffset RandomStart(Random random, string zone)
    {
        var date = random.Next(2) == 0
            ? SwitchDates[random.Next(SwitchDates.Length)].AddDays(random.Next(-4, 2))
            : new DateOnly(2026, 1, 1).AddDays(random.Next(365));
        var local = date.ToDateTime(new TimeOnly(random.Next(24), random.Next(4) * 15));
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        if (tz.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }

    private static WorkingHours RandomHours(Random random, string zone)
    {
        var start = new TimeOnly(random.Next(6, 11), random.Next(2) * 30);
        var end = start.AddHours(random.Next(7, 11));
        var days = random.Next(4) switch
        {
            0 => Enum.GetValues<DayOfWeek>().Where(_ => random.Next(3) > 0),
            1 => Enum.GetValues<DayOfWeek>(),
            _ => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        };
        return new WorkingHours(new HashSet<DayOfWeek>(days), start, end, zone);
    }

    private static List<BusyInterval> RandomBusy(Random random, string zone, DateTimeOffset from, int spanDays)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var list = new List<BusyInterval>();
        var count = random.Next(4) == 0 ? 0 : random.Next(1, spanDays * 6);
        for (var i = 0; i < count; i++)
        {
            var status = random.Next(20) switch
            {
                < 9 => FreeBusyStatus.Busy,
                < 13 => FreeBusyStatus.Tentative,
                < 15 => FreeBusyStatus.WorkingElsewhere,
                15 => FreeBusyStatus.Oof,
                16 => FreeBusyStatus.Unknown,
                _ => FreeBusyStatus.Free,
            };
            DateTimeOffset s, e;
            if (random.Next(8) == 0)
            {
                // all-day, possibly multi-day: local midnight to local midnight
                var d = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, tz).DateTime).AddDays(random.Next(spanDays));
                var ld = d.ToDateTime(TimeOnly.MinValue);
                var le = ld.AddDays(random.Next(1, 3));
                s = new DateTimeOffset(ld, tz.GetUtcOffset(ld));
                e = new DateTimeOffset(le, tz.GetUtcOffset(le));
            }
            else
            {
                s = from.AddMinutes(15 * random.Next(spanDays * 96));
                e = s.AddMinutes(15 * random.Next(1, random.Next(2) == 0 ? 8 : 60));
            }
            list.Add(new BusyInterval(s, e, status));
        }
        return list;
    }

    private static void CheckInvariants(FieldDaySlotQuery request, IReadOnlyList<FieldDaySlot> slots, string label)
    {
        var options = request.Options ?? FieldDayOptions.Default;
        var duration = request.Length == FieldDayLength.FullDay ? options.FullDayDuration : options.HalfDayDuration;
        var managerTz = TimeZoneInfo.FindSystemTimeZoneById(request.Manager.WorkingHours.TimeZoneId);
        var lastHorizonDate = LastWorkingDate(request, managerTz);

        Assert.True(slots.Count <= options.MaxSuggestions, label);
        for (var i = 1; i < slots.Count; i++)
            Assert.True(slots[i - 1].Score >= slots[i].Score, $"{label}: not sorted by score at {i}");
        var firstSoft = slots.ToList().FindIndex(s => s.Conflicts != SlotConflicts.None);
        if (firstSoft >= 0) Assert.All(slots.Skip(firstSoft), s => Assert.NotEqual(SlotConflicts.None, s.Conflicts));
        Assert.Equal(slots.Count, slots.Select(s => (s.RepId, LocalDate(s.Start, managerTz))).Distinct().Count());

        foreach (var slot in slots)
        {
            var rep = request.Reps.Single(r => r.UserId == slot.RepId);
            var repTz = TimeZoneInfo.FindSystemTimeZoneById(rep.Schedule.WorkingHours.TimeZoneId);
            var what = $"{label}: {slot}";
            Assert.Equal(duration, slot.End - slot.Start);
            Assert.True(slot.Start >= request.HorizonStart, what);
            Assert.Equal(slot.Conflicts == SlotConflicts.None, slot.Score >= 100);

            var managerDate = LocalDate(slot.Start, managerTz);
            Assert.True(managerDate <= lastHorizonDate, $"{what} beyond horizon {lastHorizonDate}");
            Assert.DoesNotContain(managerDate, options.AvoidDates);
            Assert.DoesNotContain(managerDate.DayOfWeek, options.AvoidDays);
            if (rep.LastFieldDay is { } last)
                Assert.True(Math.Abs(managerDate.DayNumber - last.DayNumber) >= options.MinDaysSinceLastFieldDay, what);

            foreach (var (person, tz) in new[] { (request.Manager, managerTz), (rep.Schedule, repTz) })
            {
                InsideWorkingHours(slot, person.WorkingHours, tz, options.EarliestStart, what);
                foreach (var b in person.Busy)
                {
                    var overlaps = b.Start < slot.End && slot.Start < b.End && b.End > b.Start;
                    if (b.Status is FreeBusyStatus.Busy or FreeBusyStatus.Oof)
                        Assert.False(overlaps, $"{what} overlaps {b} of {person.UserId}");
                    if (overlaps && b.Status is FreeBusyStatus.Tentative or FreeBusyStatus.Unknown)
                        Assert.True(slot.Conflicts.HasFlag(SlotConflicts.Tentative), what);
                    if (overlaps && b.Status is FreeBusyStatus.WorkingElsewhere)
                        Assert.True(slot.Conflicts.HasFlag(SlotConflicts.WorkingElsewhere), what);
                    if (b.Status == FreeBusyStatus.Oof && b.End > b.Start)
                    {
                        var oofFirst = LocalDate(b.Start, tz);
                        var oofLast = LocalDate(b.End.AddTicks(-1), tz);
                        var slotFirst = LocalDate(slot.Start, tz);
                        var slotLast = LocalDate(slot.End.AddTicks(-1), tz);
                        Assert.False(slotFirst <= oofLast && oofFirst <= slotLast, $"{what} on an Oof day of {person.UserId}");
                    }
                }
            }
            if (slot.Conflicts.HasFlag(SlotConflicts.Tentative))
                Assert.Contains(request.Manager.Busy.Concat(rep.Schedule.Busy), b => b.Status is FreeBusyStatus.Tentative or FreeBusyStatus.Unknown && b.Start < slot.End && slot.Start < b.End);
        }
    }

    private static void InsideWorkingHours(FieldDaySlot slot, WorkingHours hours, TimeZoneInfo tz, TimeOnly? earliest, string what)
    {
        var ls = TimeZoneInfo.ConvertTime(slot.Start, tz).DateTime;
        var le = TimeZoneInfo.ConvertTime(slot.End, tz).DateTime;
        Assert.True(hours.Days.Contains(ls.DayOfWeek), $"{what}: {ls:ddd} not a working day in {tz.Id}");
        Assert.Equal(ls.Date, le.AddTicks(-1).Date);
        Assert.True(TimeOnly.FromDateTime(ls) >= hours.Start, $"{what}: starts {ls:HH:mm} before {hours.Start} in {tz.Id}");
        Assert.True(TimeOnly.FromDateTime(le) <= hours.End, $"{what}: ends {le:HH:mm} after {hours.End} in {tz.Id}");
        if (earliest is { } e) Assert.True(TimeOnly.FromDateTime(ls) >= e, what);
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo tz) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, tz).DateTime);

    private static DateOnly LastWorkingDate(FieldDaySlotQuery request, TimeZoneInfo tz)
    {
        var date = LocalDate(request.HorizonStart, tz);
        var days = request.Manager.WorkingHours.Days;
        if (days.Count == 0) return date;
        var n = 0;
        for (; ; date = date.AddDays(1))
        {
            if (days.Contains(date.DayOfWeek) && ++n == request.WorkingDays) return date;
        }
    }
}
