using Azure.Data.Tables;

namespace CoachBot.Storage;

/// <summary>
/// The shared base of a store over one table: it owns the table's client and creates the table on first use
/// (<see cref="TableProvisioner"/>), so a store holds only its keys and its mapping.
/// </summary>
public abstract class TableStore
{
    private readonly TableClient _table;
    private readonly TableProvisioner _provisioner;

    protected TableStore(TableServiceClient service, string tableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tableName);
        _provisioner = new TableProvisioner(service, tableName);
    }

    /// <summary>The table, created first if this process has not seen it yet.</summary>
    protected ValueTask<TableClient> TableAsync(CancellationToken ct) => _provisioner.GetAsync(_table, ct);
}
