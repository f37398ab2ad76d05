using CoachBot.Coaching.Dialogue;

namespace CoachBot.Coaching.Tests;

public class DueDateParserTests
{
    // Monday 23 November 2026.
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("I'll call the CFO by Thursday", "2026-11-26")]
    [InlineData("on thu", "2026-11-26")]
    [InlineData("Friday", "2026-11-27")]
    [InlineData("by Monday", "2026-11-30")]
    [InlineData("this Monday", "2026-11-23")]
    [InlineData("next Thursday", "2026-12-03")]
    [InlineData("a week from today", "2026-11-30")]
    [InlineData("two weeks from Friday", "2026-12-11")]
    [InlineData("3 days from now", "2026-11-26")]
    [InlineData("the month-end close deck by tomorrow", "2026-11-24")]
    [InlineData("next Monday", "2026-11-30")]
    [InlineData("by Sat", "2026-11-28")]
    [InlineData("tomorrow", "2026-11-24")]
    [InlineData("Tomorrow morning first thing", "2026-11-24")]
    [InlineData("day after tomorrow", "2026-11-25")]
    [InlineData("today", "2026-11-23")]
    [InlineData("by EOD", "2026-11-23")]
    [InlineData("tonight", "2026-11-23")]
    [InlineData("in 3 days", "2026-11-26")]
    [InlineData("in three days", "2026-11-26")]
    [InlineData("within 10 days", "2026-12-03")]
    [InlineData("in a week", "2026-11-30")]
    [InlineData("in 2 weeks", "2026-12-07")]
    [InlineData("in a couple of days", "2026-11-25")]
    [InlineData("end of week", "2026-11-27")]
    [InlineData("by the end of the week", "2026-11-27")]
    [InlineData("EOW", "2026-11-27")]
    [InlineData("this week", "2026-11-27")]
    [InlineData("end of next week", "2026-12-04")]
    [InlineData("next week", "2026-11-30")]
    [InlineData("end of month", "2026-11-30")]
    [InlineData("by the end of the month", "2026-11-30")]
    [InlineData("end of next month", "2026-12-31")]
    [InlineData("end of quarter", "2026-12-31")]
    [InlineData("2026-12-03", "2026-12-03")]
    [InlineData("due 2027-01-15.", "2027-01-15")]
    [InlineData("by the 15th", "2026-12-15")]
    [InlineData("on the 30th", "2026-11-30")]
    [InlineData("3 December", "2026-12-03")]
    [InlineData("Dec 3rd", "2026-12-03")]
    [InlineData("on the 3rd of December", "2026-12-03")]
    [InlineData("January 12", "2027-01-12")]
    [InlineData("by 25/12", "2026-12-25")]
    [InlineData("by 12/25", "2026-12-25")]
    [InlineData("on 12/25/2026", "2026-12-25")]
    [InlineData("call on Tuesday, proposal by Friday", "2026-11-27")]
    public void Reads_dates_relative_to_the_reps_today(string text, string expected)
    {
        var r = DueDateParser.Read(text, Monday);
        Assert.Equal(DueDateStatus.Found, r.Status);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), r.Date);
        Assert.Equal(r.Date, DueDateParser.Parse(text, Monday));
    }

    [Theory]
    [InlineData("I'll call the CFO")]
    [InlineData("soon")]
    [InlineData("asap")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("I sat down with them and we had a great chat")]
    [InlineData("they want 2.5 million in savings")]
    [InlineData("I may try again")]
    [InlineData("we'll do it in due course")]
    public void Without_a_date_there_is_none(string? text)
    {
        Assert.Equal(DueDateStatus.None, DueDateParser.Read(text, Monday).Status);
        Assert.Null(DueDateParser.Parse(text, Monday));
    }

    [Theory]
    [InlineData("yesterday", "2026-11-22")]
    [InlineData("2020-01-10", "2020-01-10")]
    [InlineData("last Friday", "2026-11-20")]
    [InlineData("on 3/1/2026", "2026-03-01")]
    public void Past_dates_are_reported_as_past(string text, string expected)
    {
        var r = DueDateParser.Read(text, Monday);
        Assert.Equal(DueDateStatus.Past, r.Status);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), r.Date);
        Assert.Null(DueDateParser.Parse(text, Monday));
    }

    [Fact]
    public void A_numeric_date_that_reads_two_ways_is_ambiguous()
    {
        var r = DueDateParser.Read("on 12/3", Monday);
        Assert.Equal(DueDateStatus.Ambiguous, r.Status);
        Assert.Equal([new DateOnly(2027, 3, 12), new DateOnly(2026, 12, 3)], r.Alternatives);
    }

    [Fact]
    public void A_future_date_wins_over_a_past_one_in_the_same_message() =>
        Assert.Equal(new DateOnly(2026, 11, 27), DueDateParser.Parse("I meant to do it yesterday, now by Friday", Monday));

    [Theory]
    [InlineData(2026, 11, 29, "Monday", 2026, 11, 30)]   // said on Sunday
    [InlineData(2026, 11, 29, "next Monday", 2026, 11, 30)]
    [InlineData(2026, 11, 27, "Friday", 2026, 12, 4)]    // a bare weekday is never today
    [InlineData(2026, 11, 27, "end of week", 2026, 11, 27)]
    [InlineData(2026, 11, 28, "end of week", 2026, 12, 4)]
    [InlineData(2026, 12, 31, "tomorrow", 2027, 1, 1)]
    [InlineData(2026, 12, 20, "by the 5th", 2027, 1, 5)]
    [InlineData(2027, 1, 31, "by the 30th", 2027, 3, 30)]
    public void Week_month_and_year_edges(int y, int m, int d, string text, int ey, int em, int ed) =>
        Assert.Equal(new DateOnly(ey, em, ed), DueDateParser.Parse(text, new DateOnly(y, m, d)));
}
