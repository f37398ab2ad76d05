using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Storage.Nudges;

/// <summary>
/// The row of the <c>nudgesettings</c> table (<see cref="ManagerSettingsStore"/>): partition <c>{tenant}|{manager}</c>,
/// row key "settings". Sets and lists are text columns: days off comma-separated, tiers and the 3-6-No lists as JSON.
/// </summary>
internal sealed class ManagerSettingsEntity : TableRow
{
    public string? TenantId { get; set; }
    public string? ManagerId { get; set; }
    public int? NudgeHour { get; set; }
    public string? DaysOff { get; set; }
    public string? FieldDayLength { get; set; }
    /// <summary>Rep key → tier name, as a JSON object.</summary>
    public string? Tiers { get; set; }
    /// <summary>JSON array of strings.</summary>
    public string? Goals { get; set; }
    /// <summary>JSON array of strings.</summary>
    public string? Tasks { get; set; }
    public double? CoachingTargetPercent { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? SnoozedDay { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? SignalsSince { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? PreviousSignalsSince { get; set; }
    public string? TimeZoneId { get; set; }

    public static ManagerSettingsEntity From(string partitionKey, string rowKey, string tenantId, string managerId, ManagerSettings s) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        TenantId = tenantId,
        ManagerId = managerId,
        NudgeHour = s.NudgeHour,
        DaysOff = string.Join(',', s.DaysOff.Order()),
        FieldDayLength = s.FieldDayLength?.ToString(),
        Tiers = JsonSerializer.Serialize(s.Tiers.ToDictionary(t => t.Key, t => t.Value.ToString()), StorageJson.Default.DictionaryStringString),
        Goals = JsonSerializer.Serialize(s.ThreeSixNo.Goals.ToArray(), StorageJson.Default.StringArray),
        Tasks = JsonSerializer.Serialize(s.ThreeSixNo.Tasks.ToArray(), StorageJson.Default.StringArray),
        CoachingTargetPercent = s.CoachingTargetPercent,
        SnoozedDay = Day(s.SnoozedDay),
        SignalsSince = Day(s.SignalsSince),
        PreviousSignalsSince = Day(s.PreviousSignalsSince),
        TimeZoneId = s.TimeZoneId,
    };

    public ManagerSettings ToRecord() => new()
    {
        NudgeHour = NudgeHour,
        DaysOff = (DaysOff ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Enum.TryParse<DayOfWeek>(d, out var day) ? (DayOfWeek?)day : null).OfType<DayOfWeek>().ToHashSet(),
        FieldDayLength = Enum.TryParse<FieldDayLength>(FieldDayLength, out var length) ? length : null,
        Tiers = (Tiers is { Length: > 0 } tiers ? JsonSerializer.Deserialize(tiers, StorageJson.Default.DictionaryStringString) : null)?
            .Where(t => Enum.TryParse<RepTier>(t.Value, out _)).ToDictionary(t => t.Key, t => Enum.Parse<RepTier>(t.Value)) ?? [],
        ThreeSixNo = ThreeSixNoList.Create(Strings(Goals), Strings(Tasks)),
        CoachingTargetPercent = CoachingTargetPercent,
        SnoozedDay = ParseDay(SnoozedDay),
        SignalsSince = ParseDay(SignalsSince),
        PreviousSignalsSince = ParseDay(PreviousSignalsSince),
        TimeZoneId = TimeZoneId,
    };

    private static string[] Strings(string? json) => json is { Length: > 0 } ? JsonSerializer.Deserialize(json, StorageJson.Default.StringArray) ?? [] : [];

    private static string? Day(DateOnly? day) => day is { } d ? TableQueries.Day(d) : null;

    private static DateOnly? ParseDay(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
