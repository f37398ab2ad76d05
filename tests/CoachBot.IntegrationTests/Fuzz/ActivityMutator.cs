using System.Text;
using System.Text.Json.Nodes;

namespace CoachBot.IntegrationTests.Fuzz;

/// <summary>
/// Seeded mutations of Teams activities: wrong types, missing ids, huge strings, deep nesting, invalid UTF-8 and
/// lone surrogates, hostile serviceUrls and hostile card-action values. The same seed gives the same bodies.
/// </summary>
public sealed class ActivityMutator(int seed, string serviceUrl, int maxBodyBytes)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Hostile =
    [
        "", " ", "|", "||", "%", "%7C", "/", "\\", "#", "?", "../../etc/passwd", "a|b|c", "\u0000", "\u001f\u007f", "\ud800", "\udfff",
        "tenant|user", "plan|x", "turn|", "ref}", "' or 1 eq 1 or '", "PartitionKey eq 'x'", "<script>alert(1)</script>", "null",
        "\u202e\u200b\ufeff", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a:" + new string('z', 1100),
    ];

    private static readonly string[] Verbs = ["plan.share", "plan.fieldDay", "plan.change", "plan.save", "plan.view", "plan.", "PLAN.SHARE", "nope", "", "plan.save\u0000"];

    private static readonly string[] Types = ["message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "typing", "event", "endOfConversation", "", "MESSAGE"];

    /// <summary>The next request body (usually JSON, sometimes deliberately broken bytes).</summary>
    public byte[] Next(int index)
    {
        var activity = Base(index);
        var mutations = 1 + _random.Next(3);
        for (var i = 0; i < mutations; i++) Mutate(activity);
        var bytes = Encoding.UTF8.GetBytes(ExpandDeep(activity.ToJsonString()));
        return _random.Next(12) switch
        {
            0 => Truncate(bytes),
            1 => InjectInvalidUtf8(bytes),
            _ => bytes,
        };
    }

    private JsonObject Base(int index)
    {
        // Every case gets its own conversation and rep, so cases never race each other on one coaching state.
        var conversation = $"a:fuzz-{seed}-{index}";
        var rep = $"aad-fuzz-{seed}-{index}";
        var a = TeamsActivities.Message(serviceUrl, conversation, Pick(["help", "Client ghosted me", "I'll call the CFO by Thursday", "what should I do?"]), userAad: rep);
        switch (_random.Next(4))
        {
            case 0:
                a.AsCardAction(Pick(Verbs), CardData());
                break;
            case 1:
                // Legacy Action.Submit: a message whose value carries the verb.
                a.Remove("text");
                a["value"] = CardData();
                a["value"]!["verb"] = Pick(Verbs);
                break;
            case 2:
                a["type"] = Pick(["conversationUpdate", "installationUpdate"]);
                a["action"] = Pick(["add", "remove", "", "addx"]);
                a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId });
                break;
        }
        return a;
    }

    private JsonObject CardData() => new()
    {
        ["planId"] = Pick(Hostile),
        ["planText"] = Pick(["Call the CFO", "", new string('p', 600), "\ud800", "<b>x</b>"]),
        ["planDue"] = Pick(["2026-12-04", "next-ish", "9999-99-99", "", "2026-02-30", "0001-01-01"]),
    };

    private void Mutate(JsonObject a)
    {
        switch (_random.Next(14))
        {
            case 0: SetAt(a, RandomPath(), WrongType()); break;
            case 1: RemoveAt(a, RandomPath()); break;
            case 2: a["text"] = HugeString(); break;
            case 3: a["value"] = DeepPlaceholder(_random.Next(2) == 0 ? 40 : 5000); break;
            case 4: a["channelData"] = DeepPlaceholder(_random.Next(20, 70)); break;
            case 5: SetAt(a, RandomPath(), Pick(Hostile)); break;
            case 6: a["serviceUrl"] = Pick(["https://smba.trafficmanager.net/amer/", "file:///etc/passwd", "javascript:alert(1)", "http://169.254.169.254/", "not a url", "", "http://[::1", "ftp://127.0.0.1/"]); break;
            case 7: a["id"] = _random.Next(2) == 0 ? JsonValue.Create(_random.Next()) : JsonValue.Create(new string('i', 1025)); break;
            case 8: a["conversation"] = Pick<JsonNode?>([null, JsonValue.Create(42), new JsonArray(), new JsonObject { ["id"] = JsonValue.Create(7) }, new JsonObject { ["id"] = Pick(Hostile) }]); break;
            case 9: a["from"] = Pick<JsonNode?>([null, JsonValue.Create("29:x"), new JsonObject { ["id"] = Pick(Hostile), ["aadObjectId"] = Pick(Hostile) }, new JsonObject { ["aadObjectId"] = true }]); break;
            case 10: a["timestamp"] = Pick<JsonNode?>([JsonValue.Create("yesterday"), JsonValue.Create(-1), JsonValue.Create("9999-12-31T23:59:59Z"), null]); break;
            case 11: a["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = Pick(Hostile), ["mentioned"] = WrongType() }); break;
            case 12: a["localTimezone"] = Pick(["Mars/Olympus", "", "../../../../etc/localtime", "UTC", "Europe/Berlin\u0000"]); break;
            default: a[Pick(["extra", "__proto__", "constructor", "$type", "type"])] = WrongType(); break;
        }
    }

    private JsonNode? WrongType() => _random.Next(7) switch
    {
        0 => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
        1 => JsonValue.Create(_random.NextDouble() * 1e308),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => new JsonArray(1, "two", null),
        4 => new JsonObject { ["nested"] = new JsonObject { ["x"] = 1 } },
        5 => null,
        _ => JsonValue.Create(Pick(Hostile)),
    };

    private string HugeString()
    {
        // Up to the body limit (sometimes just over it); kept rare so the run stays fast.
        var size = _random.Next(8) == 0 ? maxBodyBytes - 2048 + _random.Next(4096) : _random.Next(1, 20_000);
        return new string((char)('a' + _random.Next(26)), Math.Max(1, size));
    }

    private const string DeepMarker = "__deep__";

    /// <summary>A marker replaced by raw nested JSON after serialization (JsonNode refuses to write past depth 64).</summary>
    private static JsonValue DeepPlaceholder(int depth) => JsonValue.Create($"{DeepMarker}{depth}")!;

    private static string ExpandDeep(string json)
    {
        var at = json.IndexOf("\"" + DeepMarker, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = json.IndexOf('"', at + 1);
            var depth = int.Parse(json[(at + 1 + DeepMarker.Length)..end], System.Globalization.CultureInfo.InvariantCulture);
            var nested = new StringBuilder();
            for (var i = 0; i < depth; i++) nested.Append(i % 2 == 0 ? "[" : "{\"n\":");
            nested.Append("\"leaf\"");
            for (var i = depth - 1; i >= 0; i--) nested.Append(i % 2 == 0 ? "]" : "}");
            json = json[..at] + nested + json[(end + 1)..];
            at = json.IndexOf("\"" + DeepMarker, StringComparison.Ordinal);
        }
        return json;
    }

    private string[] RandomPath() => Pick<string[]>(
    [
        ["type"], ["id"], ["serviceUrl"], ["channelId"], ["text"], ["name"], ["value"], ["locale"], ["replyToId"], ["action"],
        ["from", "id"], ["from", "aadObjectId"], ["conversation", "id"], ["conversation", "tenantId"], ["conversation", "conversationType"],
        ["recipient", "id"], ["channelData", "tenant", "id"], ["value", "action"], ["value", "action", "verb"], ["value", "action", "data"],
        ["value", "action", "data", "planId"], ["value", "planId"], ["value", "verb"], ["membersAdded"],
    ]);

    private static void SetAt(JsonObject root, string[] path, JsonNode? value)
    {
        var node = root;
        foreach (var key in path[..^1])
        {
            if (node[key] is not JsonObject child) node[key] = child = [];
            node = child;
        }
        node[path[^1]] = value;
    }

    private static void RemoveAt(JsonObject root, string[] path)
    {
        JsonObject? node = root;
        foreach (var key in path[..^1]) node = node?[key] as JsonObject;
        node?.Remove(path[^1]);
    }

    private byte[] Truncate(byte[] bytes) => bytes[..Math.Max(1, _random.Next(bytes.Length))];

    private byte[] InjectInvalidUtf8(byte[] bytes)
    {
        // Lone continuation bytes, overlong encodings, an unpaired surrogate encoded as UTF-8 (CESU), 0xFF.
        byte[][] bad = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80]];
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf("\"text\":\"", StringComparison.Ordinal);
        var pos = at >= 0 ? Encoding.UTF8.GetByteCount(text[..(at + 8)]) : _random.Next(bytes.Length);
        return [.. bytes[..pos], .. Pick(bad), .. bytes[pos..]];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
