using Azure.Data.Tables;

namespace CoachBot.Storage;

/// <summary>
/// Creates a table on first use rather than at start-up, so the app starts (and reports 503 on /healthz)
/// while storage is down, and recovers by itself once storage answers.
/// </summary>
internal sealed class TableProvisioner(TableServiceClient service, string tableName)
{
    private Task? _creating;

    public async ValueTask<TableClient> GetAsync(TableClient table, CancellationToken ct)
    {
        var creating = _creating;
        if (creating is { IsCompletedSuccessfully: true }) return table;
        if (creating is null || creating.IsFaulted || creating.IsCanceled)
        {
            // Concurrent first callers share one create; a failed create is retried by the next caller.
            var fresh = service.CreateTableIfNotExistsAsync(tableName, CancellationToken.None);
            creating = Interlocked.CompareExchange(ref _creating, fresh, creating) == creating ? fresh : _creating!;
        }
        await creating.WaitAsync(ct).ConfigureAwait(false);
        return table;
    }
}
