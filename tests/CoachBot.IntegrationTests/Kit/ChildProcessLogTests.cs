namespace CoachBot.IntegrationTests.Kit;

/// <summary>The test kit's child process: output to a log file (the load driver's servers) and a start that fails.</summary>
public sealed class ChildProcessLogTests
{
    [Fact]
    public async Task Output_goes_to_the_log_file_and_reads_back()
    {
        var log = Path.Combine(Path.GetTempPath(), "coachbot-kit-" + Guid.NewGuid().ToString("N"), "child.log");
        try
        {
            await using (var child = ChildProcess.Start("sh", ["-c", "echo out-line; echo err-line >&2"], Path.GetTempPath(), logFile: log))
            {
                using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await child.WaitForExitAsync(exited.Token);
                Assert.Contains("out-line", child.Output, StringComparison.Ordinal);
                Assert.Contains("err-line", child.Output, StringComparison.Ordinal);
            }
            Assert.Contains("out-line", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
        }
    }

    [Fact]
    public async Task Waiting_for_health_fails_with_the_output_when_the_process_exits()
    {
        await using var child = ChildProcess.Start("sh", ["-c", "echo cannot-start; exit 3"], Path.GetTempPath());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            child.WaitUntilHealthyAsync(http, new Uri($"http://127.0.0.1:{FreePort.Next()}/healthz"), TimeSpan.FromSeconds(30)));

        Assert.Contains("exited with 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot-start", error.Message, StringComparison.Ordinal);
    }
}
