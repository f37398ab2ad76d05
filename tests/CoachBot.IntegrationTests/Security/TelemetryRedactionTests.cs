using System.Diagnostics;
using CoachBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// What the app's OpenTelemetry pipeline exports during real turns (install, a coaching conversation that ends in a
/// plan, so Connector replies and Table writes happen) carries no tenant, user, conversation or activity id: an
/// in-memory exporter registered after the app's own pipeline sees exactly what OTLP / Application Insights would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryRedactionTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    // The GUID parts are the needles: they survive any URL or key escaping unchanged.
    private readonly string _tenantGuid = Guid.NewGuid().ToString("N");
    private readonly string _userGuid = Guid.NewGuid().ToString("N");
    private readonly string _conversationGuid = Guid.NewGuid().ToString("N");
    private readonly string _activityGuid = Guid.NewGuid().ToString("N");
    private readonly ExportedCollection<Activity> _exported = new();

    protected override BotApp CreateApp() =>
        new(Azurite.ConnectionString, configureServices: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_exported)));

    [Fact]
    public async Task Exported_spans_carry_no_ids_from_a_real_turn()
    {
        var tenant = "tenant-" + _tenantGuid;
        var user = "aad-" + _userGuid;
        var conversation = "a:conv-" + _conversationGuid;
        var install = SecurityActivities.Message(Connector.ServiceUrl, tenant, user, conversation, "", "install-" + _activityGuid);
        install["type"] = "installationUpdate";
        install["action"] = "add";
        Assert.True((await Client.PostAsync(install)).IsSuccessStatusCode);
        for (var i = 0; i < SecurityActivities.ToPlan.Length; i++)
        {
            var message = SecurityActivities.Message(Connector.ServiceUrl, tenant, user, conversation, SecurityActivities.ToPlan[i], $"{i}-{_activityGuid}");
            Assert.True((await Client.PostAsync(message)).IsSuccessStatusCode);
            await Connector.WaitForRepliesAsync(conversation, i + 2); // the welcome, then one reply per message
        }
        Assert.True(App.Services.GetRequiredService<TracerProvider>().ForceFlush(5000));

        var spans = _exported.Snapshot();
        var urls = spans.Select(s => s.GetTagItem("url.full") as string).OfType<string>().ToList();
        // Not vacuous: the Connector replies and the Table writes of this turn were exported, host and route kept.
        var connectorHost = new Uri(Connector.ServiceUrl).Authority;
        Assert.Contains(urls, u => u.Contains(connectorHost, StringComparison.Ordinal) && u.EndsWith("/v3/conversations/{id}/activities/{id}", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Contains("/coaching(...)", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Contains("/signals(...)", StringComparison.Ordinal));

        string[] ids = [_tenantGuid, _userGuid, _conversationGuid, _activityGuid];
        foreach (var span in spans)
        {
            foreach (var text in Texts(span))
                Assert.False(ids.Any(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)), $"span '{span.DisplayName}' ({span.Source.Name}) exports an id: {text}");
        }
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/72f988bf-86f1-41af-91ab-2d7cd011db47/v3/conversations/a%3A1xyz/activities/1701234567890",
        "https://smba.trafficmanager.net/{id}/{id}/v3/conversations/{id}/activities/{id}")]
    [InlineData("https://acct.table.core.windows.net/coaching(PartitionKey='t%7Cu',RowKey='turn%7Cc%7Ca')?$select=State&api=1",
        "https://acct.table.core.windows.net/coaching(...)?$select=*&api=*")]
    [InlineData("https://acct.table.core.windows.net/signals()?$filter=PartitionKey%20eq%20'tenant'", "https://acct.table.core.windows.net/signals()?$filter=*")]
    [InlineData("https://graph.microsoft.com/v1.0/users/8ded7029-39fa-5fe2-83e1-004c25a9d2d3/mailboxSettings", "https://graph.microsoft.com/v1.0/users/{id}/mailboxSettings")]
    [InlineData("https://user:secret@example.com:8443/v3/conversations/x#frag", "https://example.com:8443/v3/conversations/{id}")]
    [InlineData("not a url", "{id}")]
    public void Urls_keep_host_and_route_words_and_lose_ids(string url, string expected) => Assert.Equal(expected, CoachBot.Telemetry.UrlRedactor.Full(url));

    private static IEnumerable<string> Texts(Activity span)
    {
        yield return span.DisplayName;
        foreach (var tag in span.TagObjects) yield return tag.Value?.ToString() ?? "";
        foreach (var e in span.Events)
        {
            yield return e.Name;
            foreach (var tag in e.Tags) yield return tag.Value?.ToString() ?? "";
        }
        foreach (var baggage in span.Baggage) yield return baggage.Value ?? "";
    }
}
