using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.Nudges;

/// <summary>The <c>nudgesettings</c> table: one row per manager, partition <c>{tenant}|{manager}</c>, row key "settings".</summary>
public sealed class ManagerSettingsStore(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "nudgesettings";
    private const string RowKey = "settings";

    public async Task<ManagerSettings> GetAsync(string tenantId, string managerId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.UserPartition(tenantId, managerId), RowKey, cancellationToken: ct).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : new ManagerSettings();
    }

    /// <summary>Read, change, write, retried on a concurrent change (ETag).</summary>
    public async Task<ManagerSettings> UpdateAsync(string tenantId, string managerId, Func<ManagerSettings, ManagerSettings> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, managerId);
        for (var attempt = 0; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(pk, RowKey, cancellationToken: ct).ConfigureAwait(false);
            var current = response.HasValue ? FromEntity(response.Value!) : new ManagerSettings();
            var next = change(current);
            var entity = ToEntity(pk, tenantId, managerId, next);
            try
            {
                if (response.HasValue) await table.UpdateEntityAsync(entity, response.Value!.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                else await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
            }
        }
    }

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    /// <summary>
    /// "forget me": deletes the user's own settings (if they manage) and removes the tier every manager in the tenant
    /// gave them (the only place a rep's id appears in another person's settings).
    /// </summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var own = await table.DeleteEntityAsync(TableKeys.UserPartition(tenantId, userKey), RowKey, ETag.All, ct).ConfigureAwait(false);
        var changed = own.Status == 404 ? 0 : 1;
        var managers = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"TenantId eq {tenantId}"), select: ["ManagerId", "Tiers"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.GetString("Tiers") is { } tiers && tiers.Contains(userKey, StringComparison.OrdinalIgnoreCase) && row.GetString("ManagerId") is { } manager)
                managers.Add(manager);
        }
        foreach (var manager in managers)
        {
            await UpdateAsync(tenantId, manager, s => s with
            {
                Tiers = s.Tiers.Where(t => !string.Equals(t.Key, userKey, StringComparison.OrdinalIgnoreCase)).ToDictionary(t => t.Key, t => t.Value),
            }, ct).ConfigureAwait(false);
            changed++;
        }
        return changed;
    }

    private static TableEntity ToEntity(string pk, string tenantId, string managerId, ManagerSettings s) => new(pk, RowKey)
    {
        ["TenantId"] = tenantId,
        ["ManagerId"] = managerId,
        ["NudgeHour"] = s.NudgeHour,
        ["DaysOff"] = string.Join(',', s.DaysOff.Order()),
        ["FieldDayLength"] = s.FieldDayLength?.ToString(),
        ["Tiers"] = JsonSerializer.Serialize(s.Tiers.ToDictionary(t => t.Key, t => t.Value.ToString()), DeliveryJson.Default.DictionaryStringString),
        ["Goals"] = JsonSerializer.Serialize(s.ThreeSixNo.Goals.ToArray(), DeliveryJson.Default.StringArray),
        ["Tasks"] = JsonSerializer.Serialize(s.ThreeSixNo.Tasks.ToArray(), DeliveryJson.Default.StringArray),
        ["CoachingTargetPercent"] = s.CoachingTargetPercent,
        ["SnoozedDay"] = Day(s.SnoozedDay),
        ["SignalsSince"] = Day(s.SignalsSince),
        ["PreviousSignalsSince"] = Day(s.PreviousSignalsSince),
        ["TimeZoneId"] = s.TimeZoneId,
    };

    private static ManagerSettings FromEntity(TableEntity e) => new()
    {
        NudgeHour = e.GetInt32("NudgeHour"),
        DaysOff = (e.GetString("DaysOff") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Enum.TryParse<DayOfWeek>(d, out var day) ? (DayOfWeek?)day : null).OfType<DayOfWeek>().ToHashSet(),
        FieldDayLength = Enum.TryParse<FieldDayLength>(e.GetString("FieldDayLength"), out var length) ? length : null,
        Tiers = (e.GetString("Tiers") is { Length: > 0 } tiers ? JsonSerializer.Deserialize(tiers, DeliveryJson.Default.DictionaryStringString) : null)?
            .Where(t => Enum.TryParse<RepTier>(t.Value, out _)).ToDictionary(t => t.Key, t => Enum.Parse<RepTier>(t.Value)) ?? [],
        ThreeSixNo = ThreeSixNoList.Create(Strings(e.GetString("Goals")), Strings(e.GetString("Tasks"))),
        CoachingTargetPercent = e.GetDouble("CoachingTargetPercent"),
        SnoozedDay = ParseDay(e.GetString("SnoozedDay")),
        SignalsSince = ParseDay(e.GetString("SignalsSince")),
        PreviousSignalsSince = ParseDay(e.GetString("PreviousSignalsSince")),
        TimeZoneId = e.GetString("TimeZoneId"),
    };

    private static string[] Strings(string? json) => json is { Length: > 0 } ? JsonSerializer.Deserialize(json, DeliveryJson.Default.StringArray) ?? [] : [];

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
