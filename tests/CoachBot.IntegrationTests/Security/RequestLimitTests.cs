using System.Net;
using System.Text;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Security;

/// <summary>Bot:MaxActivityBytes is enforced to the byte, with and without Content-Length, and is configurable.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Limit = 8192;
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?> { ["Bot:MaxActivityBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>A message body of exactly <paramref name="size"/> bytes (the text pads it).</summary>
    private byte[] BodyOfSize(string conversation, int size)
    {
        var empty = Encoding.UTF8.GetByteCount(TeamsActivities.Message(_connector.ServiceUrl, conversation, "", id: "fixed-id").ToJsonString());
        var body = Encoding.UTF8.GetBytes(TeamsActivities.Message(_connector.ServiceUrl, conversation, new string('x', size - empty), id: "fixed-id").ToJsonString());
        Assert.Equal(size, body.Length);
        return body;
    }

    private async Task<HttpStatusCode> PostAsync(byte[] body, bool chunked)
    {
        using HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_at_the_limit_is_processed_and_one_byte_more_gets_413(bool chunked)
    {
        var conversation = "a:limit-" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.OK, await PostAsync(BodyOfSize(conversation, Limit), chunked));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(BodyOfSize(conversation + "b", Limit + 1), chunked));

        Assert.Single(await _connector.WaitForRepliesAsync(conversation, 1));
        Assert.Empty(_connector.Replies(conversation + "b"));
    }

    [Fact]
    public async Task A_content_length_over_the_limit_is_refused_before_the_body_is_read()
    {
        // Claim 100 MB but send a few bytes: the answer must come from the header alone.
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(_app.BaseAddress.Host, _app.BaseAddress.Port);
        var stream = client.GetStream();
        var head = $"POST /api/messages HTTP/1.1\r\nHost: {_app.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[512];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, cts.Token);

        Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }
}
