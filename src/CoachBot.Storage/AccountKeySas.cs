using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;
using Azure.Storage.Queues;
using Azure.Storage.Sas;

namespace CoachBot.Storage;

/// <summary>
/// Storage access by connection string (an account key: Azurite, local development). The SDKs sign every request made
/// with a shared key with a new HMAC they leave to the finalizer; under load that was a third of the process's CPU
/// (measured, docs/performance.md). Instead, one account SAS per service is derived from the key at start and renewed
/// every <see cref="RenewEvery"/>, well before it expires, and requests carry it as their query string. The SAS grants
/// what the key grants, for that one service; the SDKs keep its signature out of their logs. Deployments on Azure use
/// Entra tokens and never come here.
/// </summary>
public sealed class AccountKeySas : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromHours(1);

    /// <summary>The service keys the two SASes are registered under.</summary>
    public const string TablesKey = "tables", QueuesKey = "queues";

    private readonly Func<DateTimeOffset, Uri> _sign;
    private readonly TimeProvider _time;
    private readonly ITimer _renewal;

    private AccountKeySas(Uri endpoint, Func<DateTimeOffset, Uri> sign, TimeProvider time)
    {
        Endpoint = endpoint;
        _sign = sign;
        _time = time;
        Credential = new AzureSasCredential(Sign());
        _renewal = time.CreateTimer(_ => Credential.Update(Sign()), null, RenewEvery, RenewEvery);
    }

    /// <summary>The Table service SAS of a client built from a connection string with an account key.</summary>
    public static AccountKeySas ForTables(TableServiceClient keyed, TimeProvider time) => new(keyed.Uri,
        expires => keyed.GenerateSasUri(TableAccountSasPermissions.All, TableAccountSasResourceTypes.All, expires), time);

    /// <summary>The Queue service SAS of a client built from a connection string with an account key.</summary>
    public static AccountKeySas ForQueues(QueueServiceClient keyed, TimeProvider time) => new(keyed.Uri,
        expires => keyed.GenerateAccountSasUri(AccountSasPermissions.All, expires, AccountSasResourceTypes.All), time);

    /// <summary>Whether a Table client holds an account key to derive a SAS from (a connection string may carry a SAS instead).</summary>
    public static bool CanSign(TableServiceClient client)
    {
        try
        {
            client.GenerateSasUri(TableAccountSasPermissions.Read, TableAccountSasResourceTypes.Service, DateTimeOffset.UtcNow.AddMinutes(1));
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The service endpoint the connection string names.</summary>
    public Uri Endpoint { get; }

    public AzureSasCredential Credential { get; }

    private string Sign() => _sign(_time.GetUtcNow() + Lifetime).Query.TrimStart('?');

    public void Dispose() => _renewal.Dispose();
}
