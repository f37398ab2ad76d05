using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// Finds the due date in a rep's commitment ("I'll call the CFO by Thursday"), relative to the rep's
/// local today. Written by hand: the recognizer packages do not restore here.
/// </summary>
public static partial class DueDateParser
{
    public static DateOnly? Parse(string text, DateOnly today)
    {
        var t = text.ToLowerInvariant();
        var iso = IsoDate().Match(t);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        if (Word(t, "today") || t.Contains("tonight", StringComparison.Ordinal) || t.Contains("end of day", StringComparison.Ordinal) || Word(t, "eod"))
            return today;
        if (Word(t, "tomorrow")) return today.AddDays(1);
        var inDays = InDays().Match(t);
        if (inDays.Success) return today.AddDays(int.Parse(inDays.Groups[1].Value, CultureInfo.InvariantCulture));
        var inWeeks = InWeeks().Match(t);
        if (inWeeks.Success) return today.AddDays(7 * int.Parse(inWeeks.Groups[1].Value, CultureInfo.InvariantCulture));
        if (t.Contains("end of the week", StringComparison.Ordinal) || t.Contains("end of week", StringComparison.Ordinal) || Word(t, "eow") || t.Contains("this week", StringComparison.Ordinal))
            return Next(today, DayOfWeek.Friday, allowToday: true);
        if (t.Contains("next week", StringComparison.Ordinal))
            return Next(today, DayOfWeek.Monday, allowToday: false).AddDays(today.DayOfWeek == DayOfWeek.Sunday ? 7 : 0);
        if (t.Contains("end of the month", StringComparison.Ordinal) || t.Contains("end of month", StringComparison.Ordinal))
            return new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
        var weekday = Weekday().Match(t);
        if (weekday.Success)
        {
            var day = ToDay(weekday.Groups[2].Value);
            var date = Next(today, day, allowToday: false);
            // "next Thursday" said on a Monday means the Thursday after this week's.
            if (weekday.Groups[1].Success && weekday.Groups[1].Value.StartsWith("next", StringComparison.Ordinal) && date.DayNumber - today.DayNumber < 7 && day > today.DayOfWeek && today.DayOfWeek != DayOfWeek.Sunday)
                date = date.AddDays(7);
            return date;
        }
        return null;
    }

    private static DateOnly Next(DateOnly today, DayOfWeek day, bool allowToday)
    {
        var delta = ((int)day - (int)today.DayOfWeek + 7) % 7;
        if (delta == 0 && !allowToday) delta = 7;
        return today.AddDays(delta);
    }

    private static DayOfWeek ToDay(string s) => s[..3] switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static bool Word(string t, string w) => Regex.IsMatch(t, $@"\b{w}\b", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\bin (\d{1,2}) days?\b")]
    private static partial Regex InDays();

    [GeneratedRegex(@"\bin (\d) weeks?\b")]
    private static partial Regex InWeeks();

    [GeneratedRegex(@"\b(next |this |on |by |before )?(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun)\b")]
    private static partial Regex Weekday();
}
