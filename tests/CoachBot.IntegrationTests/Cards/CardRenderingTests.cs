using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.IntegrationTests.Nudges;

namespace CoachBot.IntegrationTests.Cards;

/// <summary>
/// Every card variant (plan cards and nudge cards) rendered by the official adaptivecards renderer in Debian's
/// Chromium; screenshots go to artifacts/cards/ for a reviewer (see docs/nudges.md).
/// </summary>
public sealed class CardRenderingTests
{
    [Fact]
    public async Task Every_card_renders_with_visible_content_in_Chromium()
    {
        var cards = CardCatalogTests.AllCards().Concat(NudgeCardCatalogTests.AllCards()).ToList();
        var input = new JsonArray([.. cards.Select(c => new JsonObject { ["name"] = c.Key, ["card"] = JsonNode.Parse(c.Value.ToJson()) })]);
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "cards");

        var psi = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "js", "tools", "render-cards.mjs"));
        psi.ArgumentList.Add(folder);
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, "renderer failed: " + await stderr);

        using var results = JsonDocument.Parse(await stdout);
        Assert.Equal(cards.Count, results.RootElement.GetArrayLength());
        foreach (var r in results.RootElement.EnumerateArray())
        {
            var name = r.GetProperty("name").GetString()!;
            Assert.True(r.GetProperty("ok").GetBoolean(), $"{name}: {r}");
            Assert.True(new FileInfo(Path.Combine(folder, name + ".png")).Length > 2_000, $"{name}.png is missing or empty");
        }
    }
}
