using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>
/// The Microsoft 365 Agents Playground (the Teams-like local client) driven headless: a process on a free port,
/// messages sent through its HTTP API, the bot's messages read from its WebSocket stream.
/// </summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    public const string ChatId = "coachbot-personal-chat";
    public const string UserId = "29:dana-rep";
    public const string MayaId = "29:maya-manager";

    private readonly ChildProcess _process;
    private ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private readonly string _workDir;

    private PlaygroundClient(ChildProcess process, int port, string workDir)
    {
        _process = process;
        _workDir = workDir;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Port = port;
    }

    public int Port { get; }

    /// <param name="user">null for Diego's Playground (dev/playground), "maya" for his manager's (dev/playground/maya).</param>
    public static async Task<PlaygroundClient> StartAsync(string botEndpoint, string? user = null)
    {
        var workDir = Directory.CreateTempSubdirectory("playground-").FullName;
        var config = user is null ? Path.Combine(RepoPaths.Root, "dev", "playground") : Path.Combine(RepoPaths.Root, "dev", "playground", user);
        File.Copy(Path.Combine(config, ".m365agentsplayground.yml"), Path.Combine(workDir, ".m365agentsplayground.yml"));
        var client = await StartInAsync(botEndpoint, workDir).ConfigureAwait(false);
        client.ChatIdInUse = user is null ? ChatId : $"{ChatId}-{user}";
        client.UserIdInUse = user is null ? UserId : MayaId;
        return client;
    }

    private string ChatIdInUse { get; set; } = ChatId;
    private string UserIdInUse { get; set; } = UserId;

    private static async Task<PlaygroundClient> StartInAsync(string botEndpoint, string workDir)
    {
        var port = FreePort.Next();
        var cli = Path.Combine(RepoPaths.NodeModules, "@microsoft", "m365agentsplayground", "cli.js");
        var process = ChildProcess.Start("node",
            [cli, "start", "-e", botEndpoint, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry"],
            workDir,
            // Without these the Playground tries to open a browser and to reach a cloud metadata address.
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none", ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true" });
        var client = new PlaygroundClient(process, port, workDir);
        try
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60));
            await client.ConnectStreamAsync(TimeSpan.FromSeconds(30));
            _ = client.ReadLoopAsync();
            return client;
        }
        catch (Exception ex)
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"The Agents Playground did not start ({ex.Message}):\n{process.Output}", ex);
        }
    }

    /// <summary>The Playground listens before its routes are mounted, so the stream is retried until it accepts.</summary>
    private async Task ConnectStreamAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var uri = new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream");
        while (true)
        {
            try
            {
                await _socket.ConnectAsync(uri, default);
                return;
            }
            catch (WebSocketException) when (DateTime.UtcNow < deadline)
            {
                _socket.Dispose();
                _socket = new ClientWebSocket();
                await Task.Delay(200);
            }
        }
    }

    public async Task InstallAsync()
    {
        var response = await _http.PostAsJsonAsync($"/_debug/conversation/{ChatIdInUse}/installation", new { });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Sends as the Playground's one user, in their personal chat with the bot.</summary>
    public async Task SendAsync(string text)
    {
        var response = await _http.PostAsJsonAsync($"/_conversation/v1/conversations/{ChatIdInUse}/messages",
            new { from = new { id = UserIdInUse }, text, textFormat = "plain" });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Playground refused the message: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The next message the bot posted into the chat, as the Playground shows it.</summary>
    public async Task<JsonElement> NextBotMessageAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _messages.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No bot message reached the Playground. Playground output:\n" + _process.Output);
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var json = Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
                frame.SetLength(0);
                using var doc = JsonDocument.Parse(json);
                if (doc.RootElement.TryGetProperty("action", out var action) && action.GetString() == "createMessage"
                    && doc.RootElement.TryGetProperty("message", out var message))
                    await _messages.Writer.WriteAsync(message.Clone());
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException)
        {
            _messages.Writer.TryComplete(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        _http.Dispose();
        await _process.DisposeAsync();
        _stop.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // The Playground may still hold its log file for a moment; a temp folder left behind is harmless.
        }
    }
}
