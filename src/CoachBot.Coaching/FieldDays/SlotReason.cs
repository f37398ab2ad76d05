using System.Globalization;

namespace CoachBot.Coaching.FieldDays;

/// <summary>The plain-words reason shown to the manager next to a suggestion.</summary>
internal static class SlotReason
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Describe(FieldDayRep rep, long start, long end, FieldDayLength length, List<string> soft, TimeZoneInfo managerZone, TimeZoneInfo repZone, DateOnly today)
    {
        var name = rep.Name;
        var parts = new List<string>(4);
        if (rep.AskedForFieldTime) parts.Add($"{name} asked for field time");

        var ms = ZonedClock.ToLocal(start, managerZone);
        var me = ZonedClock.ToLocal(end, managerZone);
        var part = length == FieldDayLength.FullDay ? "full day" : ms.Hour < 12 ? "morning" : "afternoon";
        var when = string.Create(Invariant, $"{ms:ddd d MMM} {part} ({ms:HH:mm}–{me:HH:mm}");
        var rs = ZonedClock.ToLocal(start, repZone);
        var re = ZonedClock.ToLocal(end, repZone);
        if (rs.TimeOfDay != ms.TimeOfDay)
            when += string.Create(Invariant, $", {name}'s {rs:HH:mm}–{re:HH:mm}");
        when += ")";
        parts.Add(soft.Count == 0 ? $"both free {when}" : $"free {when} apart from {string.Join(" and ", soft)}");

        parts.Add(LastVisit(name, rep.LastFieldDay, today));
        parts.Add(rep.Tier switch
        {
            RepTier.Emerging => $"{name} is an emerging contributor",
            RepTier.Developing => $"{name} is still developing",
            _ => $"{name} is a top performer",
        });
        return string.Join("; ", parts);
    }

    internal static string LastVisit(string name, DateOnly? last, DateOnly today)
    {
        if (last is not { } d) return $"no field day with {name} on record";
        var days = today.DayNumber - d.DayNumber;
        if (days < 0) return string.Create(Invariant, $"a field day with {name} is already booked for {d:ddd d MMM}");
        var ago = days switch
        {
            0 => "today",
            1 => "yesterday",
            < 14 => string.Create(Invariant, $"{days} days ago"),
            < 63 => string.Create(Invariant, $"{days / 7} weeks ago"),
            < 730 => string.Create(Invariant, $"{days / 30} months ago"),
            _ => string.Create(Invariant, $"{days / 365} years ago"),
        };
        return $"last field day with {name} was {ago}";
    }
}
