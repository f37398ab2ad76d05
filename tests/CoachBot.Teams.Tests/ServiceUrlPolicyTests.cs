using CoachBot.Teams.Connector;

namespace CoachBot.Teams.Tests;

public class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector", true)]
    [InlineData("http://localhost:3979/", true)]
    [InlineData("http://[::1]:80/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://10.0.0.5/", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("not a url", false)]
    public void Local_mode_allows_only_loopback(string url, bool allowed) =>
        Assert.Equal(allowed, new ServiceUrlPolicy(loopbackOnly: true).IsAllowed(url));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    public void Production_allows_https(string url, bool allowed) =>
        Assert.Equal(allowed, new ServiceUrlPolicy(loopbackOnly: false).IsAllowed(url));
}
