using OpenTelemetry;
using OpenTelemetry.Logs;

namespace CoachBot.Telemetry;

/// <summary>
/// Redacts ids from log records before any exporter sees them (it is added ahead of them), as
/// <see cref="UrlRedactionProcessor"/> does for spans. CoachBot's own templates carry no ids, but framework logs do:
/// HttpClient logs the request URI (Connector, Table, Queue and Graph URLs hold tenant, user and conversation ids),
/// and ASP.NET Core logs the request path and query. Any attribute that is a URL, or a path / query by its name, is
/// redacted with <see cref="UrlRedactor"/>. The formatted message is not exported at all (only the template), so
/// the values appear once, here, where they can be redacted.
/// </summary>
internal sealed class LogRedactionProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        data.FormattedMessage = null;
        if (data.Attributes is not { Count: > 0 } attributes) return;
        List<KeyValuePair<string, object?>>? redacted = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            var (key, value) = attributes[i];
            var replacement = Redact(key, value);
            if (ReferenceEquals(replacement, value)) continue;
            redacted ??= [.. attributes];
            redacted[i] = new(key, replacement);
        }
        if (redacted is not null) data.Attributes = redacted;
    }

    private static object? Redact(string key, object? value) => value switch
    {
        Uri uri => uri.IsAbsoluteUri ? UrlRedactor.Full(uri.OriginalString) : UrlRedactor.Target(uri.OriginalString),
        string s when key == "{OriginalFormat}" => s,
        string s when s.Contains("://", StringComparison.Ordinal) => UrlRedactor.Full(s),
        string s when key.EndsWith("Path", StringComparison.OrdinalIgnoreCase) || key is "url.path" => UrlRedactor.Target(s),
        string s when key.Contains("Query", StringComparison.OrdinalIgnoreCase) => UrlRedactor.Query(s),
        _ => value,
    };
}
