using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>
/// Checks cards with the official `adaptivecards` JS parser and the official 1.5 JSON schema, by running
/// tests/js/tools/validate-cards.mjs under Node. Returns each card's errors (empty when valid).
/// </summary>
public static class CardValidator
{
    public static async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(IReadOnlyDictionary<string, JsonElement> cards)
    {
        var input = new JsonArray([.. cards.Select(c => new JsonObject { ["name"] = c.Key, ["card"] = JsonNode.Parse(c.Value.GetRawText()) })]);
        var psi = new ProcessStartInfo("node", Path.Combine(RepoPaths.Root, "tests", "js", "tools", "validate-cards.mjs"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("Card validator failed: " + await stderr);
        using var doc = JsonDocument.Parse(await stdout);
        return doc.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("name").GetString()!,
            r => r.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}
