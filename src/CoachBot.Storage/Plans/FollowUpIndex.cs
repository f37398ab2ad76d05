using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.Plans;

/// <summary>
/// The <c>followups</c> table: "which commitments are due on a date" as one partition per due day
/// (<c>yyyy-MM-dd</c>), row key <c>{tenant}|{user}|{planId}</c>. The plan itself stays in the rep's partition.
/// </summary>
public sealed class FollowUpIndex(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "followups";

    public async Task ScheduleAsync(FollowUpDue due, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(FollowUpEntity.From(due), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The follow-up of one plan on its due day, or null.</summary>
    public async Task<FollowUpDue?> GetAsync(string tenantId, string userKey, string planId, DateOnly due, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<FollowUpEntity>(Day(due), TableKeys.Join(tenantId, userKey, planId), cancellationToken: ct).ConfigureAwait(false);
        // The keys asked for, not the columns: the row is found by them.
        return row is { HasValue: true, Value: { } e } ? new FollowUpDue(tenantId, userKey, planId, due, e.TimeZoneId, e.Sent ?? false) : null;
    }

    /// <summary>Moves a follow-up when the rep changes the plan's date.</summary>
    public async Task RescheduleAsync(FollowUpDue current, DateOnly to, CancellationToken ct)
    {
        if (current.Due == to) return;
        await ScheduleAsync(current with { Due = to, Sent = false }, ct).ConfigureAwait(false);
        await RemoveAsync(current, ct).ConfigureAwait(false);
    }

    public async Task RemoveAsync(FollowUpDue due, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.DeleteEntityAsync(PartitionKey(due), RowKey(due), ETag.All, ct).ConfigureAwait(false);
    }

    /// <summary>Every follow-up due on <paramref name="day"/>, sent or not.</summary>
    public async Task<IReadOnlyList<FollowUpDue>> ListAsync(DateOnly day, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = Day(day);
        var list = new List<FollowUpDue>();
        await foreach (var e in table.QueryAsync<FollowUpEntity>(x => x.PartitionKey == pk, cancellationToken: ct).ConfigureAwait(false))
            list.Add(e.ToRecord(day));
        return list;
    }

    public async Task MarkSentAsync(FollowUpDue due, CancellationToken ct) => await ScheduleAsync(due with { Sent = true }, ct).ConfigureAwait(false);

    /// <summary>Erases one user's follow-ups ("forget me").</summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteWhereAsync(table, TableQueries.OfUser<FollowUpEntity>(tenantId, userKey), ct).ConfigureAwait(false);
    }

    internal static string PartitionKey(FollowUpDue due) => Day(due.Due);

    internal static string RowKey(FollowUpDue due) => TableKeys.Join(due.TenantId, due.UserKey, due.PlanId);

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    private static string Day(DateOnly day) => TableQueries.Day(day);
}
