using System.Text;

namespace CoachBot.Graph.Directory;

/// <summary>
/// Parses the team mapping CSV: <c>manager,rep</c> per line, each an Entra object id (GUID) or a UPN. An optional
/// header row <c>manager,rep</c>, blank lines and <c>#</c> comments are ignored; fields may be double-quoted.
/// All bad rows are reported at once, so an admin fixes the file in one pass.
/// </summary>
public static class TeamMappingCsv
{
    public static TeamMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader);
    }

    public static TeamMapping Load(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    public static TeamMapping Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<TeamMappingEntry>();
        var errors = new List<string>();
        var managerOfRep = new Dictionary<string, (string Manager, int Line)>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;

            if (!TrySplit(trimmed, out var fields, out var problem))
            {
                errors.Add($"line {lineNumber}: {problem}");
                continue;
            }

            if (fields.Count != 2)
            {
                errors.Add($"line {lineNumber}: expected 2 fields (manager,rep), found {fields.Count}");
                continue;
            }

            var (manager, rep) = (fields[0], fields[1]);
            if (entries.Count == 0 && errors.Count == 0 && IsHeader(manager, rep)) continue;

            var bad = false;
            foreach (var (name, value) in new[] { ("manager", manager), ("rep", rep) })
            {
                if (!IsUserKey(value))
                {
                    errors.Add(value.Length == 0
                        ? $"line {lineNumber}: {name} is empty"
                        : $"line {lineNumber}: {name} '{value}' is neither an object id (GUID) nor a UPN");
                    bad = true;
                }
            }

            if (bad) continue;
            if (string.Equals(manager, rep, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"line {lineNumber}: '{rep}' cannot be their own manager");
                continue;
            }

            if (managerOfRep.TryGetValue(rep, out var earlier))
            {
                // A duplicate row is harmless; two managers for one rep is ambiguous.
                if (!string.Equals(earlier.Manager, manager, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"line {lineNumber}: rep '{rep}' already has manager '{earlier.Manager}' (line {earlier.Line})");
                }

                continue;
            }

            managerOfRep[rep] = (manager, lineNumber);
            entries.Add(new TeamMappingEntry(manager, rep, lineNumber));
        }

        if (errors.Count > 0) throw new TeamMappingFormatException(errors);
        return new TeamMapping(entries);
    }

    private static bool IsHeader(string a, string b) =>
        a.StartsWith("manager", StringComparison.OrdinalIgnoreCase) && b.StartsWith("rep", StringComparison.OrdinalIgnoreCase);

    private static bool IsUserKey(string value)
    {
        if (Guid.TryParse(value, out _)) return true;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }

    /// <summary>Splits one CSV line; handles "quoted, fields" and "" escapes.</summary>
    private static bool TrySplit(string line, out List<string> fields, out string problem)
    {
        fields = [];
        problem = string.Empty;
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') current.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"')
            {
                if (current.ToString().Trim().Length > 0 || wasQuoted) { problem = "unexpected quote inside a field"; return false; }
                quoted = wasQuoted = true;
                current.Clear();
            }
            else if (c == ',')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
                wasQuoted = false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted) { problem = "unterminated quoted field"; return false; }
        fields.Add(current.ToString().Trim());
        return true;
    }
}
