using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Drills;

/// <summary>The parsed library, or the list of everything wrong with the file (all problems at once, each with its JSON path).</summary>
public sealed record DrillLibraryParseResult(DrillLibrary? Library, IReadOnlyList<string> Errors)
{
    public bool IsValid => Library is not null && Errors.Count == 0;
}

/// <summary>
/// Reads and validates content/drills.json, which admins edit. Comments and trailing commas are allowed; unknown
/// properties are errors (they are usually typos, e.g. "buyer_prompt"). Pure: the caller reads the file.
/// </summary>
public static partial class DrillLibraryParser
{
    public const int MaxCards = 200;

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 };

    public static DrillLibraryParseResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Fail("the file is empty; expected a JSON object with \"version\", \"product\", \"messaging\" and \"drills\"");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var col = (ex.BytePositionInLine ?? 0) + 1;
            return Fail($"not valid JSON at line {line.ToString(CultureInfo.InvariantCulture)}, position {col.ToString(CultureInfo.InvariantCulture)}: {FirstSentence(ex.Message)}");
        }
        using (doc)
        {
            var errors = new List<string>();
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("$: expected a JSON object at the top level");
            Unknown(root, "$", ["version", "product", "messaging", "drills", "$schema", "description"], errors);

            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : (int?)null;
            if (version is null) errors.Add("$.version: required, the number 1");
            else if (version != 1) errors.Add($"$.version: {version.Value.ToString(CultureInfo.InvariantCulture)} is not supported; use 1");

            var product = Text(root, "product", "$", 200, errors);

            string? valueProposition = null;
            IReadOnlyList<string> differentiators = [];
            IReadOnlyList<string> insights = [];
            if (!root.TryGetProperty("messaging", out var messaging) || messaging.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$.messaging: required, an object with \"valueProposition\", \"differentiators\" and \"insights\"");
            }
            else
            {
                Unknown(messaging, "$.messaging", ["valueProposition", "differentiators", "insights"], errors);
                valueProposition = Text(messaging, "valueProposition", "$.messaging", 600, errors);
                differentiators = Texts(messaging, "differentiators", "$.messaging", 1, 10, 300, errors);
                insights = Texts(messaging, "insights", "$.messaging", 0, 20, 300, errors);
            }

            var cards = new List<DrillCard>();
            if (!root.TryGetProperty("drills", out var drills) || drills.ValueKind != JsonValueKind.Array)
            {
                errors.Add("$.drills: required, an array of drill cards");
            }
            else
            {
                var count = drills.GetArrayLength();
                if (count == 0) errors.Add("$.drills: add at least one drill card");
                if (count > MaxCards) errors.Add($"$.drills: at most {MaxCards} cards, found {count.ToString(CultureInfo.InvariantCulture)}");
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var i = 0;
                foreach (var card in drills.EnumerateArray())
                {
                    var path = $"$.drills[{i.ToString(CultureInfo.InvariantCulture)}]";
                    i++;
                    if (card.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object"); continue; }
                    Unknown(card, path, ["id", "kind", "title", "buyerPrompt", "keyPoints"], errors);
                    var id = Text(card, "id", path, 64, errors);
                    if (id is not null && !Slug().IsMatch(id)) errors.Add($"{path}.id: \"{id}\" must be lower case letters, digits and hyphens (e.g. \"vp-30-seconds\")");
                    else if (id is not null && !ids.Add(id)) errors.Add($"{path}.id: \"{id}\" is used by another card; ids must be unique");
                    var kind = Text(card, "kind", path, 40, errors);
                    if (kind is not null && !DrillKinds.All.Contains(kind)) errors.Add($"{path}.kind: \"{kind}\" is not one of {string.Join(", ", DrillKinds.All)}");
                    var title = Text(card, "title", path, 80, errors);
                    var prompt = Text(card, "buyerPrompt", path, 400, errors);
                    var points = Texts(card, "keyPoints", path, 1, 8, 200, errors);
                    if (id is not null && kind is not null && title is not null && prompt is not null) cards.Add(new DrillCard(id, kind, title, prompt, points));
                }
            }

            if (errors.Count > 0) return new DrillLibraryParseResult(null, errors);
            return new DrillLibraryParseResult(new DrillLibrary(version!.Value, product!, valueProposition!, differentiators, insights, cards), []);
        }
    }

    private static DrillLibraryParseResult Fail(string error) => new(null, [error]);

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).Trim();
    }

    private static void Unknown(JsonElement obj, string path, string[] known, List<string> errors)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (!known.Contains(p.Name, StringComparer.Ordinal))
                errors.Add($"{path}.{p.Name}: unknown property (expected one of: {string.Join(", ", known.Where(k => !k.StartsWith('$') && k != "description"))})");
        }
    }

    private static string? Text(JsonElement obj, string name, string path, int max, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var el)) { errors.Add($"{path}.{name}: required, a non-empty string"); return null; }
        if (el.ValueKind != JsonValueKind.String) { errors.Add($"{path}.{name}: expected a string, found {Describe(el)}"); return null; }
        var s = el.GetString()!.Trim();
        if (s.Length == 0) { errors.Add($"{path}.{name}: must not be empty"); return null; }
        if (s.Length > max) { errors.Add($"{path}.{name}: {s.Length.ToString(CultureInfo.InvariantCulture)} characters, at most {max.ToString(CultureInfo.InvariantCulture)}"); return null; }
        return s;
    }

    private static List<string> Texts(JsonElement obj, string name, string path, int min, int max, int maxChars, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var el))
        {
            if (min > 0) errors.Add($"{path}.{name}: required, an array of {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)} strings");
            return [];
        }
        if (el.ValueKind != JsonValueKind.Array) { errors.Add($"{path}.{name}: expected an array of strings, found {Describe(el)}"); return []; }
        var list = new List<string>();
        var i = 0;
        foreach (var item in el.EnumerateArray())
        {
            var itemPath = $"{path}.{name}[{i.ToString(CultureInfo.InvariantCulture)}]";
            i++;
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())) { errors.Add($"{itemPath}: expected a non-empty string"); continue; }
            var s = item.GetString()!.Trim();
            if (s.Length > maxChars) { errors.Add($"{itemPath}: {s.Length.ToString(CultureInfo.InvariantCulture)} characters, at most {maxChars.ToString(CultureInfo.InvariantCulture)}"); continue; }
            list.Add(s);
        }
        if (i < min) errors.Add($"{path}.{name}: at least {min.ToString(CultureInfo.InvariantCulture)} needed, found {i.ToString(CultureInfo.InvariantCulture)}");
        if (i > max) errors.Add($"{path}.{name}: at most {max.ToString(CultureInfo.InvariantCulture)} allowed, found {i.ToString(CultureInfo.InvariantCulture)}");
        return list;
    }

    private static string Describe(JsonElement el) => el.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "a string",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
