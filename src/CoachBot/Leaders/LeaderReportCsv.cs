using System.Globalization;
using System.Text;

namespace CoachBot.Leaders;

/// <summary>The leader report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled).</summary>
public static class LeaderReportCsv
{
    public const string Header =
        "week,leader_id,leader,manager_id,manager,status,coaching_share_percent,target_percent,field_days_held,field_days_debriefed," +
        "emerging_reps_in_field_30d,developing_reps_in_field_30d,top_reps_in_field_30d,plans_followed_up";

    public const string TooFewReps = "too few reps to show";

    public static string Write(IReadOnlyList<ManagerWeek> weeks, DateOnly weekStart)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(Header).Append("\r\n");
        foreach (var w in weeks)
        {
            var f = w.Figures;
            string[] fields =
            [
                weekStart.ToString("yyyy-MM-dd", c), w.LeaderId, w.LeaderName, w.ManagerId, w.ManagerName, f.TooFewReps ? TooFewReps : "ok",
                f.CoachingSharePercent?.ToString("0.#", c) ?? "", f.TargetPercent.ToString("0.#", c), Num(f.FieldDaysHeld), Num(f.FieldDaysDebriefed),
                Num(f.EmergingRepsInField), Num(f.DevelopingRepsInField), Num(f.TopRepsInField), Num(f.PlansFollowedUp),
            ];
            sb.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        }
        return sb.ToString();
    }

    internal static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
}
