using System.Diagnostics;
using OpenTelemetry;

namespace CoachBot.Telemetry;

/// <summary>
/// Redacts ids from the URLs on every span before any exporter sees it (it is added ahead of them): client spans
/// (HttpClient to the Connector, Tables, Queues, Graph) and server spans alike, in both the current and the old
/// semantic-convention attribute names.
/// </summary>
internal sealed class UrlRedactionProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        Replace(data, "url.full", UrlRedactor.Full);
        Replace(data, "http.url", UrlRedactor.Full);
        Replace(data, "url.path", UrlRedactor.Path);
        Replace(data, "url.query", UrlRedactor.Query);
        Replace(data, "http.target", UrlRedactor.Target);
        // Client spans are named by method; a name with a path in it (older instrumentation) is redacted too.
        if (data.DisplayName.Contains('/', StringComparison.Ordinal) && data.Kind == ActivityKind.Client)
            data.DisplayName = data.DisplayName.Contains("://", StringComparison.Ordinal) ? UrlRedactor.Full(data.DisplayName) : UrlRedactor.Target(data.DisplayName);
    }

    private static void Replace(Activity activity, string tag, Func<string, string> redact)
    {
        if (activity.GetTagItem(tag) is string value) activity.SetTag(tag, redact(value));
    }
}
