namespace CoachBot.Storage;

/// <summary>The <c>Storage</c> configuration section: a connection string (Azurite, keys) or service URIs (managed identity).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
}
