using CoachBot.Delivery;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// The id a delivery claim names its instance by. It was once the first 40 characters of host-pid-guid, which threw for
/// a host named "vm" with a three-digit process id, so every nudge job failed until it was poisoned.
/// </summary>
public sealed class ClaimantIdTests
{
    [Theory]
    [InlineData("vm", 1)]
    [InlineData("vm", 999)]
    [InlineData("", 7)]
    [InlineData("ln1sdlwk000123-a-very-long-app-service-host-name", int.MaxValue)]
    public void Is_at_most_40_characters_and_keeps_a_random_part(string host, int pid)
    {
        var a = DeliveryProcessor.ClaimantId(host, pid, Guid.NewGuid());
        var b = DeliveryProcessor.ClaimantId(host, pid, Guid.NewGuid());

        Assert.InRange(a.Length, 1, 40);
        Assert.NotEqual(a, b);
        Assert.StartsWith(host.Length > 16 ? host[..16] : host, a, StringComparison.Ordinal);
    }
}
