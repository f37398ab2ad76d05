using Microsoft.Extensions.Hosting;

namespace CoachBot.Teams.Tests;

/// <summary>An application lifetime that never stops, for adapters built by hand in tests.</summary>
internal sealed class TestLifetime : IHostApplicationLifetime
{
    public CancellationToken ApplicationStarted => CancellationToken.None;
    public CancellationToken ApplicationStopping => CancellationToken.None;
    public CancellationToken ApplicationStopped => CancellationToken.None;
    public void StopApplication() { }
}
