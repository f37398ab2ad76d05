using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;

namespace CoachBot.Storage;

/// <summary>
/// Table access by connection string (an account key: Azurite, local development). The SDK signs every request made with
/// a shared key with a new HMAC it leaves to the finalizer; under load that was a third of the process's CPU (measured,
/// docs/performance.md). Instead, one account SAS is derived from the key at start and renewed every
/// <see cref="RenewEvery"/>, well before it expires, and requests carry it as their query string. The SAS grants what the
/// key grants for the Table service only, and the SDK keeps its signature out of logs. Deployments on Azure use Entra
/// tokens and never come here.
/// </summary>
public sealed class AccountKeySas : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromHours(1);

    private readonly TableServiceClient _keyed;
    private readonly TimeProvider _time;
    private readonly ITimer _renewal;

    /// <param name="keyed">A client built from a connection string with an account key (<c>CanGenerateSasUri</c>).</param>
    public AccountKeySas(TableServiceClient keyed, TimeProvider time)
    {
        _keyed = keyed;
        _time = time;
        Credential = new AzureSasCredential(Sign());
        _renewal = time.CreateTimer(_ => Credential.Update(Sign()), null, RenewEvery, RenewEvery);
    }

    /// <summary>Whether the client holds an account key to derive a SAS from (a connection string may carry a SAS instead).</summary>
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

    /// <summary>The Table service endpoint the connection string names.</summary>
    public Uri Endpoint => _keyed.Uri;

    public AzureSasCredential Credential { get; }

    private string Sign() => _keyed.GenerateSasUri(
        TableAccountSasPermissions.All, TableAccountSasResourceTypes.All, _time.GetUtcNow() + Lifetime).Query.TrimStart('?');

    public void Dispose() => _renewal.Dispose();
}
