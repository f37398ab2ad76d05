using System.Diagnostics;
using System.Text.Json;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests;

/// <summary>
/// What a person sees: the Agents Playground's own web UI in Debian's Chromium, a rep typing into the chat box, and
/// CoachBot's answer rendered in the conversation. The screenshot is kept under artifacts/screenshots/.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlaygroundBrowserTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_rep_typing_help_in_the_Playground_sees_the_answer_in_the_chat()
    {
        await using var app = new BotApp(azurite.ConnectionString);
        using var http = app.CreateHttpClient();
        await using var playground = await PlaygroundClient.StartAsync(new Uri(http.BaseAddress!, "/api/messages").ToString());
        var screenshot = Path.Combine(RepoPaths.Root, "artifacts", "screenshots", "playground-help.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var result = await RunBrowserAsync($"http://127.0.0.1:{playground.Port}", "help", "Here's what I can do", screenshot);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.GetRawText());
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or empty");
    }

    private static async Task<JsonElement> RunBrowserAsync(string url, string message, string expected, string screenshot)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var a in new[] { Path.Combine(RepoPaths.Root, "tests", "js", "tools", "playground-browser.mjs"), url, message, expected, screenshot }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var output = await stdout;
        if (string.IsNullOrWhiteSpace(output)) throw new InvalidOperationException("The browser driver printed nothing: " + await stderr);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
