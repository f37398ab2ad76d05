using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

/// <summary>What <see cref="DueDateParser.Read"/> found in a rep's words.</summary>
public enum DueDateStatus
{
    /// <summary>No date expression at all: ask the rep for one.</summary>
    None,
    /// <summary>A date on or after the rep's today.</summary>
    Found,
    /// <summary>A date before the rep's today ("yesterday", "2020-01-10", "last Friday").</summary>
    Past,
    /// <summary>A numeric date that reads two ways ("12/3"): <see cref="DueDateResult.Alternatives"/> holds both.</summary>
    Ambiguous,
}

/// <param name="Date">The due date when <see cref="Status"/> is Found (or the past date when Past).</param>
/// <param name="Alternatives">The two readings of an ambiguous numeric date, day-first reading first.</param>
public sealed record DueDateResult(DueDateStatus Status, DateOnly? Date, IReadOnlyList<DateOnly> Alternatives)
{
    public static DueDateResult NoDate { get; } = new(DueDateStatus.None, null, []);
}

/// <summary>
/// Finds the due date in a rep's commitment ("I'll call the CFO by Thursday"), relative to the rep's local today.
/// Written by hand (CoachBot.Coaching takes no packages). English only. Supported, case-insensitive:
/// <list type="bullet">
/// <item>ISO dates <c>2026-12-03</c>; "today", "tonight", "this afternoon", "EOD"/"end of day"; "tomorrow"; "day after tomorrow".</item>
/// <item>"a week from today", "two weeks from Friday", "3 days from now".</item>
/// <item>"in 3 days", "in three days", "in a day or two" (2), "in a couple of days" (2), "in 2 weeks", "in a week", "within 5 days".</item>
/// <item>Weekdays: "Thursday", "by Thu", "on Friday", "this Friday" — the next such day after today ("this" allows today);
///   "next Thursday", "Thursday next week", "next week on Thursday" — the Thursday of next (Monday-based) week.</item>
/// <item>"end of (the) week"/"EOW"/"this week"/"by the weekend" → this week's Friday; "end of next week" → next week's Friday;
///   "next week" → next Monday; "end of (the) month"/"EOM" → last day of the month; "end of next month";
///   "end of (the) quarter"/"EOQ" → last day of the calendar quarter.</item>
/// <item>Day of month: "by the 15th", "on the 3rd" → that day this month, or next month if it has passed.</item>
/// <item>Month names: "3 December", "Dec 3", "December 3rd", "3rd of December" (optionally with a year) → this year, or next
///   year if it has passed and no year was given.</item>
/// <item>Numeric "12/3" or "12.3." (optionally "/2026"): when one part is above 12 the reading is clear; otherwise
///   the result is <see cref="DueDateStatus.Ambiguous"/> with both readings, and the coach asks which one.</item>
/// <item>"yesterday", "last Friday" and explicit past dates give <see cref="DueDateStatus.Past"/>.</item>
/// </list>
/// When a message holds several dates ("call Monday, proposal by Friday"), the latest one is the due date.
/// Abbreviations that are also English words ("sat", "sun", "wed", "mar", "may") count only after on/by/this/next/until/before
/// or next to a day number.
/// </summary>
public static partial class DueDateParser
{
    /// <summary>The due date, or null when there is none, it lies in the past, or it is ambiguous.</summary>
    public static DateOnly? Parse(string? text, DateOnly today)
    {
        var r = Read(text, today);
        return r.Status == DueDateStatus.Found ? r.Date : null;
    }

    public static DueDateResult Read(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return DueDateResult.NoDate;
        // "month-end close", "quarter-end reporting": a process named after a date, not a deadline.
        var t = " " + PeriodEndNoun().Replace(Normalize(text.Length > 2000 ? text[..2000] : text), " ") + " ";
        var found = new List<DateOnly>();
        var past = new List<DateOnly>();
        IReadOnlyList<DateOnly>? ambiguous = null;

        void Add(DateOnly d)
        {
            if (d < today) past.Add(d);
            else found.Add(d);
        }

        foreach (Match m in IsoDate().Matches(t))
        {
            if (DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) Add(d);
        }
        if (Has(t, "day after tomorrow")) Add(today.AddDays(2));
        else if (Has(t, "tomorrow") || Has(t, "tmrw") || Has(t, "tmr")) Add(today.AddDays(1));
        if (Has(t, "today") || Has(t, "tonight") || Has(t, "this afternoon") || Has(t, "this morning") || Has(t, "this evening")
            || Has(t, "end of day") || Has(t, "end of the day") || Has(t, "eod") || Has(t, "cob") || Has(t, "close of business"))
            Add(today);
        // "starting with today's calls": the plan begins today ("today's" alone names a thing, not a due day).
        if (t.Contains(" starting with today's ", StringComparison.Ordinal) || t.Contains(" starting from today's ", StringComparison.Ordinal)) Add(today);
        if (Has(t, "yesterday")) past.Add(today.AddDays(-1));

        foreach (Match m in InSpan().Matches(t))
        {
            var n = Number(m.Groups["n"].Value);
            if (n is null or > 400) continue;
            Add(m.Groups["unit"].Value.StartsWith('w') ? today.AddDays(7 * n.Value) : today.AddDays(n.Value));
        }
        foreach (Match m in FromSpan().Matches(t))
        {
            var n = Number(m.Groups["n"].Value);
            if (n is null or > 52) continue;
            var from = m.Groups["base"].Value switch
            {
                "today" or "now" => today,
                "tomorrow" => today.AddDays(1),
                var day => Next(today, ToDay(day), allowToday: false),
            };
            Add(m.Groups["unit"].Value.StartsWith('w') ? from.AddDays(7 * n.Value) : from.AddDays(n.Value));
        }
        if (Has(t, "in a day or two") || Has(t, "in a couple of days") || Has(t, "in a couple days")) Add(today.AddDays(2));

        var friday = Next(today, DayOfWeek.Friday, allowToday: true);
        var nextMonday = StartOfNextWeek(today);
        // "Tuesday next week", "next week on Tuesday": that day of next week, not next week's Monday and this Tuesday.
        foreach (Match m in WeekdayOfNextWeek().Matches(t))
            Add(nextMonday.AddDays(((int)ToDay(m.Groups["day"].Success ? m.Groups["day"].Value : m.Groups["day2"].Value) + 6) % 7));
        t = WeekdayOfNextWeek().Replace(t, " ");
        if (Has(t, "end of next week")) Add(nextMonday.AddDays(4));
        else if (Has(t, "end of the week") || Has(t, "end of week") || Has(t, "eow") || Has(t, "this week") || Has(t, "by the weekend")
                 || Has(t, "before the weekend") || Has(t, "by friday eod"))
            Add(friday);
        else if (Has(t, "next week")) Add(nextMonday);
        if (Has(t, "end of next month")) Add(EndOfMonth(today.AddMonths(1)));
        else if (Has(t, "end of the month") || Has(t, "end of month") || Has(t, "eom") || Has(t, "this month") || Has(t, "month end")
                 || Has(t, "month-end"))
            Add(EndOfMonth(today));
        if (Has(t, "end of the quarter") || Has(t, "end of quarter") || Has(t, "eoq") || Has(t, "quarter end") || Has(t, "this quarter"))
        {
            var lastMonth = ((today.Month - 1) / 3 * 3) + 3;
            Add(EndOfMonth(new DateOnly(today.Year, lastMonth, 1)));
        }

        // "Thursday the 3rd": one date, the next 3rd (that is a Thursday when the rep has it right), not two.
        foreach (Match m in WeekdayThenOrdinal().Matches(t))
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var candidates = UpcomingDaysOfMonth(today, day).ToList();
            if (candidates.FirstOrDefault(c => c.DayOfWeek == ToDay(m.Groups["day"].Value)) is var named && named != default) Add(named);
            else if (candidates.Count > 0) Add(candidates[0]);
        }
        t = WeekdayThenOrdinal().Replace(t, " ");

        foreach (Match m in Weekday().Matches(t))
        {
            var word = m.Groups["day"].Value;
            var lead = m.Groups["lead"].Success ? m.Groups["lead"].Value.Trim() : "";
            // "will call their GC wed." : "wed" closing the sentence is the day; "sat"/"sun" stay words without a lead.
            if (word is "sat" or "sun" or "wed" && lead.Length == 0 && !(word == "wed" && EndsSentence(t, m.Index + m.Length))) continue;
            var day = ToDay(word);
            if (lead == "last") { past.Add(Previous(today, day)); continue; }
            if (lead == "next") { Add(nextMonday.AddDays(((int)day + 6) % 7)); continue; }
            Add(Next(today, day, allowToday: lead == "this"));
        }

        foreach (Match m in DayThenMonth().Matches(t)) AddMonthDay(m, today, Add);
        foreach (Match m in MonthThenDay().Matches(t)) AddMonthDay(m, today, Add);

        foreach (Match m in OrdinalDay().Matches(t).Concat(BareOrdinal().Matches(t)))
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (day is < 1 or > 31) continue;
            if (UpcomingDaysOfMonth(today, day).FirstOrDefault() is var next && next != default) Add(next);
        }

        foreach (Match m in Numeric().Matches(t))
        {
            var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            int? year = m.Groups["y"].Success ? FullYear(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)) : null;
            var dayFirst = Resolve(today, year, month: b, day: a);
            var monthFirst = Resolve(today, year, month: a, day: b);
            if (dayFirst is { } x && monthFirst is { } y && x != y)
            {
                if (x >= today && y >= today) ambiguous = [x, y];
                else if (x < today && y < today) past.Add(x > y ? x : y);
                else Add(x >= today ? x : y);
            }
            else if ((dayFirst ?? monthFirst) is { } only) Add(only);
        }

        if (found.Count > 0) return new DueDateResult(DueDateStatus.Found, found.Max(), []);
        if (ambiguous is not null) return new DueDateResult(DueDateStatus.Ambiguous, null, ambiguous);
        if (past.Count > 0) return new DueDateResult(DueDateStatus.Past, past.Max(), []);
        return DueDateResult.NoDate;
    }

    /// <summary>
    /// That day of this month if still ahead, then of the next two months that have it ("the 30th" in late January is
    /// 30 March), in order.
    /// </summary>
    private static IEnumerable<DateOnly> UpcomingDaysOfMonth(DateOnly today, int day) =>
        Enumerable.Range(0, 3).Select(ahead => today.AddDays(1 - today.Day).AddMonths(ahead))
            .Select(month => SafeDate(month.Year, month.Month, day)).OfType<DateOnly>().Where(c => c >= today);

    private static void AddMonthDay(Match m, DateOnly today, Action<DateOnly> add)
    {
        var month = ToMonth(m.Groups["m"].Value);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        int? year = m.Groups["y"].Success ? FullYear(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)) : null;
        if (month is null) return;
        if (Resolve(today, year, month.Value, day) is { } d) add(d);
    }

    /// <summary>A month/day with an optional year: without a year, the next such date on or after today.</summary>
    private static DateOnly? Resolve(DateOnly today, int? year, int month, int day)
    {
        if (year is { } y) return SafeDate(y, month, day);
        var d = SafeDate(today.Year, month, day);
        if (d is null) return null;
        return d < today ? SafeDate(today.Year + 1, month, day) : d;
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && year is >= 2000 and <= 2100 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int FullYear(int y) => y < 100 ? 2000 + y : y;

    private static DateOnly EndOfMonth(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

    private static bool EndsSentence(string t, int at)
    {
        var rest = t[at..].TrimStart();
        return rest.Length == 0 || rest[0] is '.' or '!' or ',' or ';';
    }

    private static DateOnly StartOfNextWeek(DateOnly today) => today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));

    private static DateOnly Next(DateOnly today, DayOfWeek day, bool allowToday)
    {
        var delta = ((int)day - (int)today.DayOfWeek + 7) % 7;
        if (delta == 0 && !allowToday) delta = 7;
        return today.AddDays(delta);
    }

    private static DateOnly Previous(DateOnly today, DayOfWeek day)
    {
        var delta = ((int)today.DayOfWeek - (int)day + 7) % 7;
        return today.AddDays(-(delta == 0 ? 7 : delta));
    }

    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen"];

    private static int? Number(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : s is "a" or "an" ? 1
        : Array.IndexOf(NumberWords, s) is var i and >= 0 ? i
        : null;

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

    private static int? ToMonth(string s) => s.Length < 3 ? null : s[..3] switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
        _ => null,
    };

    /// <summary>Lower case, curly quotes straight, runs of whitespace as one space, commas dropped.</summary>
    private static string Normalize(string text) =>
        Spaces().Replace(text.ToLowerInvariant().Replace('’', '\'').Replace(',', ' '), " ").Trim();

    /// <summary>
    /// The phrase as a whole word: after a space and before a space or . ! ? ; ), or after "(" and before a space.
    /// Searched in place: it runs for many phrases on every message, so it builds no strings.
    /// </summary>
    private static bool Has(string t, string phrase)
    {
        if (t.Length < phrase.Length + 2) return false;
        for (var at = t.IndexOf(phrase, 1, StringComparison.Ordinal); at > 0; at = t.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if (end >= t.Length) return false;
            var (before, after) = (t[at - 1], t[end]);
            if (before == ' ' && after is ' ' or '.' or '!' or '?' or ';' or ')' || before == '(' && after == ' ') return true;
        }
        return false;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(in|within)\s+(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\s+(?<unit>days?|weeks?|business days?|working days?)\b")]
    private static partial Regex InSpan();

    // "a week from today", "two weeks from Friday", "3 days from now".
    [GeneratedRegex(@"\b(?<n>\d{1,2}|a|an|one|two|three|four|five|six)\s+(?<unit>days?|weeks?)\s+from\s+(?<base>today|now|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")]
    private static partial Regex FromSpan();

    [GeneratedRegex(@"\b(month|quarter|year)[- ]end (close|closing|reporting|report|process|numbers|review|rush|crunch|books)\b")]
    private static partial Regex PeriodEndNoun();

    [GeneratedRegex(@"\b(?<day>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri)\s+(of\s+)?next\s+week\b|\bnext\s+week\s+(on\s+)?(?<day2>monday|tuesday|wednesday|thursday|friday)\b")]
    private static partial Regex WeekdayOfNextWeek();

    [GeneratedRegex(@"(?<lead>\b(next|this|on|by|before|until|till|for|last|coming)\s+)?\b(?<day>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)\b(?!-)")]
    private static partial Regex Weekday();

    private const string MonthNames = "january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec";

    [GeneratedRegex(@"\b(?<d>\d{1,2})(st|nd|rd|th)?\s+(of\s+)?(?<m>" + MonthNames + @")\b\.?(\s+(?<y>20\d\d))?")]
    private static partial Regex DayThenMonth();

    [GeneratedRegex(@"\b(?<m>" + MonthNames + @")\.?\s+(the\s+)?(?<d>\d{1,2})(st|nd|rd|th)?\b(\s+(?<y>20\d\d))?")]
    private static partial Regex MonthThenDay();

    [GeneratedRegex(@"\b(by|on|before|until|till|for)\s+the\s+(?<d>\d{1,2})(st|nd|rd|th)\b(?!\s+(of\s+)?(" + MonthNames + @"))")]
    private static partial Regex OrdinalDay();

    [GeneratedRegex(@"\b(?<day>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun),?\s+(the\s+)?(?<d>\d{1,2})(st|nd|rd|th)\b(?!\s+(of\s+)?(" + MonthNames + @"))")]
    private static partial Regex WeekdayThenOrdinal();

    // "the 2nd" as the whole answer to "which day?".
    [GeneratedRegex(@"^\s*(the\s+)?(?<d>\d{1,2})(st|nd|rd|th)\s*$")]
    private static partial Regex BareOrdinal();

    // A numeric date counts after a preposition ("by 12/3", "on 3.12.") or when it carries a year ("12/3/2026"), so
    // figures such as "2.5 million" are not read as dates.
    [GeneratedRegex(@"(\b(by|on|before|until|till|due|for)\s+(the\s+)?(?<a>\d{1,2})[/.](?<b>\d{1,2})(\.|[/.](?<y>(20)?\d\d))?|(?<![\d/.-])(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>20\d\d))(?![\d/-]|\.\d)")]
    private static partial Regex Numeric();
}
