using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;

namespace CoachBot.Benchmarks;

/// <summary>The protocol work of a turn: parse a Teams message activity, validate it, serialize the reply.</summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    // A message as Teams sends it to a bot (personal chat, with clientInfo entity and tenant channel data): ~1.2 KB.
    private const string TeamsMessage = """
        {"text":"Client ghosted me after the demo, what should I do?","textFormat":"plain","attachments":[{"contentType":"text/html","content":"<div><div>Client ghosted me after the demo, what should I do?</div></div>"}],
        "type":"message","timestamp":"2026-11-23T09:12:45.1234567Z","localTimestamp":"2026-11-23T10:12:45.1234567+01:00","id":"1732353165123",
        "channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/",
        "from":{"id":"29:1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-AbCdEfGhIjKlMnOpQrStUvWxYz","name":"Dana Rep","aadObjectId":"6a1b2c3d-4e5f-6789-abcd-ef0123456789"},
        "conversation":{"conversationType":"personal","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","id":"a:1XyZAbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz"},
        "recipient":{"id":"28:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0","name":"CoachBot"},
        "entities":[{"locale":"en-US","country":"DE","platform":"Web","timezone":"Europe/Berlin","type":"clientInfo"}],
        "channelData":{"tenant":{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47"}},"locale":"en-US","localTimezone":"Europe/Berlin"}
        """;

    private readonly byte[] _body = Encoding.UTF8.GetBytes(TeamsMessage);
    private Activity _activity = null!;
    private Activity _reply = null!;

    [GlobalSetup]
    public void Setup()
    {
        _activity = JsonSerializer.Deserialize(_body, BotJson.Default.Activity)!;
        _reply = _activity.CreateReply("What have you done about this so far?");
    }

    [Benchmark(Description = "deserialize activity (BotJson.Default.Activity)")]
    public Activity? Deserialize() => JsonSerializer.Deserialize(_body, BotJson.Default.Activity);

    [Benchmark(Description = "ActivityValidator.Validate")]
    public string? Validate() => ActivityValidator.Validate(_activity);

    [Benchmark(Description = "CreateReply + serialize reply")]
    public byte[] SerializeReply() => JsonSerializer.SerializeToUtf8Bytes(_activity.CreateReply("What have you done about this so far?"), BotJson.Default.Activity);

    [Benchmark(Description = "serialize prepared reply")]
    public byte[] SerializePreparedReply() => JsonSerializer.SerializeToUtf8Bytes(_reply, BotJson.Default.Activity);

    [Benchmark(Description = "whole protocol path: parse + validate + reply")]
    public byte[] ParseValidateReply()
    {
        var activity = JsonSerializer.Deserialize(_body, BotJson.Default.Activity)!;
        _ = ActivityValidator.Validate(activity);
        return JsonSerializer.SerializeToUtf8Bytes(activity.CreateReply("What have you done about this so far?"), BotJson.Default.Activity);
    }
}
