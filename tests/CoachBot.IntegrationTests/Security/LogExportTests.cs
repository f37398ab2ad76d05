using CoachBot.Coaching;
using CoachBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// Logs leave the process through the app's OpenTelemetry pipeline (the one OTLP and Application Insights use): an
/// in-memory exporter registered after the app's own sees CoachBot's records with category, level and template,
/// and no record carries the rep's words or an id — HttpClient's request-URI records included, which are redacted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogExportTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private const string Marker = "Quibblefrost renewal at 41 percent";
    private readonly string _userGuid = Guid.NewGuid().ToString("N");
    private readonly string _conversationGuid = Guid.NewGuid().ToString("N");
    private readonly ExportedCollection<LogRecord> _exported = new();

    protected override BotApp CreateApp() => new(Azurite.ConnectionString,
        new Dictionary<string, string?> { ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Information", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" },
        s => s.ConfigureOpenTelemetryLoggerProvider(l => l.AddInMemoryExporter(_exported)));

    [Fact]
    public async Task A_coaching_turn_exports_templated_log_records_without_rep_text_or_ids()
    {
        var conversation = "a:conv-" + _conversationGuid;
        var message = TeamsActivities.Message(Connector.ServiceUrl, conversation, Marker + "; what should I do?", userAad: "aad-" + _userGuid);
        Assert.True((await Client.PostAsync(message)).IsSuccessStatusCode);
        await Connector.WaitForRepliesAsync(conversation, 1);
        Assert.True(App.Services.GetRequiredService<LoggerProvider>().ForceFlush(5000));

        var records = _exported.Snapshot();
        var turn = Assert.Single(records, r => r.CategoryName == "CoachBot.Coaching.CoachingBot" && r.Body == "Coaching turn: {Kind} at stage {Stage}, topic {Topic}"
            && r.Attributes!.Any(a => a.Key == "Stage"));
        Assert.Equal(LogLevel.Information, turn.LogLevel);
        Assert.Null(turn.FormattedMessage);
        // Not vacuous: HttpClient logged the Connector reply's URI, and it was exported redacted.
        var uris = records.Where(r => r.CategoryName!.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal))
            .SelectMany(r => r.Attributes ?? []).Where(a => a.Key == "Uri").Select(a => a.Value as string).OfType<string>().ToList();
        Assert.Contains(uris, u => u.EndsWith("/v3/conversations/{id}/activities/{id}", StringComparison.Ordinal));

        string[] needles = [Marker, "Quibblefrost", _userGuid, _conversationGuid, message["id"]!.GetValue<string>()];
        foreach (var record in records)
        {
            var texts = new[] { record.Body ?? "", record.FormattedMessage ?? "", record.Exception?.ToString() ?? "" }
                .Concat((record.Attributes ?? []).Select(a => a.Value?.ToString() ?? ""));
            foreach (var text in texts)
                Assert.False(needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)), $"log record {record.CategoryName} exports personal content or an id: {text}");
        }
    }
}
