using Azure.Data.Tables;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.FieldDays;

/// <summary>
/// The <c>fielddays</c> table: one partition per tenant, row key <c>{yyyy-MM-dd}|{fieldDayId}</c> (UTC day of the
/// start), so the scheduler reads the few days around today as one key-range query. Every write is a merge of the
/// fields it owns, so the manager's and the rep's clicks never overwrite each other.
/// </summary>
public sealed class FieldDayStore(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "fielddays";

    /// <summary>Records a booking; booking the same field day again changes only its times and event.</summary>
    public async Task RecordBookingAsync(FieldDayRecord r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        await MergeAsync(FieldDayEntity.Booking(r), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The field day's event was moved: writes the whole record (answers, watch list and all) under its new start's day,
    /// then deletes the row of the old day when that differs. A crash in between leaves both rows; the old one still points
    /// at the moved event, so the next check moves it again (the write is idempotent) and deletes it.
    /// </summary>
    public async Task MoveAsync(FieldDayRecord from, FieldDayRecord to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var entity = FieldDayEntity.Booking(to);
        entity.Watch = string.Join(',', to.Watch);
        if (to.RepSharedAt is { } shared)
        {
            entity.RepFocus = to.RepFocus ?? "";
            entity.RepCalls = to.RepCalls ?? "";
            entity.RepSharedAt = shared;
            entity.RepShares = Math.Max(1, to.RepShares);
        }
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        if (from.Day != to.Day)
            await table.DeleteEntityAsync(from.TenantId, RowKey(from.Day, from.FieldDayId), cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>The event is gone (deleted or cancelled in Graph): kept for the record, never sent for or counted as held.</summary>
    public Task SetCancelledAsync(FieldDayRecord r, DateTimeOffset at, CancellationToken ct) =>
        MergeAsync(new FieldDayCancelPatch { PartitionKey = r.TenantId, RowKey = RowKey(r.Day, r.FieldDayId), CancelledAt = at }, ct);

    public async Task<FieldDayRecord?> GetAsync(string tenantId, DateOnly day, string fieldDayId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<FieldDayEntity>(tenantId, RowKey(day, fieldDayId), cancellationToken: ct).ConfigureAwait(false);
        return row is { HasValue: true, Value: { } e } ? e.ToRecord() : null;
    }

    /// <summary>The tenant's field days starting (UTC day) from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public async Task<IReadOnlyList<FieldDayRecord>> ListAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var lower = TableQueries.Day(from);
        var upper = TableQueries.Day(to.AddDays(1));
        var list = new List<FieldDayRecord>();
        await foreach (var e in table.QueryAsync<FieldDayEntity>(x => x.PartitionKey == tenantId && x.RowKey.CompareTo(lower) >= 0 && x.RowKey.CompareTo(upper) < 0, cancellationToken: ct).ConfigureAwait(false))
            list.Add(e.ToRecord());
        return list;
    }

    public Task SetWatchAsync(FieldDayRecord r, IReadOnlyList<string> skillIds, CancellationToken ct) =>
        MergeAsync(new FieldDayWatchPatch { PartitionKey = r.TenantId, RowKey = RowKey(r.Day, r.FieldDayId), Watch = string.Join(',', skillIds) }, ct);

    /// <summary>Stores the rep's shared answers as share number <see cref="FieldDayRecord.RepShares"/> of <paramref name="r"/> (at least 1).</summary>
    public Task SetRepShareAsync(FieldDayRecord r, string? focus, string? calls, DateTimeOffset at, CancellationToken ct) =>
        MergeAsync(new FieldDaySharePatch
        {
            PartitionKey = r.TenantId, RowKey = RowKey(r.Day, r.FieldDayId),
            RepFocus = focus ?? "", RepCalls = calls ?? "", RepSharedAt = at, RepShares = Math.Max(1, r.RepShares),
        }, ct);

    public Task SetDebriefAsync(FieldDayRecord r, string reinforce, string improve, string? skillId, DateTimeOffset at, CancellationToken ct) =>
        MergeAsync(new FieldDayDebriefPatch
        {
            PartitionKey = r.TenantId,
            RowKey = RowKey(r.Day, r.FieldDayId),
            Reinforce = reinforce,
            Improve = improve,
            ImproveSkill = skillId ?? "",
            DebriefedAt = at,
        }, ct);

    /// <summary>Deletes the field days of a user, as rep or as manager ("forget me"): the rows hold words about both.</summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteOfRepOrManagerAsync<FieldDayEntity>(table, tenantId, userKey, ct).ConfigureAwait(false);
    }

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    private async Task MergeAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct).ConfigureAwait(false);
    }

    internal static string RowKey(DateOnly day, string fieldDayId) => TableKeys.Join(TableQueries.Day(day), fieldDayId);
}
