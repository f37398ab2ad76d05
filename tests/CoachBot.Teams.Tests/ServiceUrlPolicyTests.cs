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
    [InlineData("https://smba.trafficmanager.net/amer/72f988bf-86f1-41af-91ab-2d7cd011db47/", true)]
    [InlineData("https://SMBA.trafficmanager.NET./teams/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)] // never the token in clear
    [InlineData("https://attacker.example/", false)]
    [InlineData("https://smba.trafficmanager.net.attacker.example/", false)]
    [InlineData("https://attacker-smba.trafficmanager.net/", false)] // a suffix match needs a dot boundary
    [InlineData("https://botframework.com.attacker.example/", false)]
    [InlineData("https://notbotframework.com/", false)]
    [InlineData("https://smba.trafficmanager.net@attacker.example/", false)]
    [InlineData("https://user@smba.trafficmanager.net/", false)] // userinfo is never needed
    [InlineData("http://127.0.0.1:3979/", false)] // loopback only when listed
    [InlineData("https://169.254.169.254/", false)]
    public void Production_allows_only_listed_connector_hosts_over_https(string url, bool allowed) =>
        Assert.Equal(allowed, new ServiceUrlPolicy(loopbackOnly: false).IsAllowed(url));

    [Theory]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams/", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)] // a configured list replaces the default
    [InlineData("http://127.0.0.1:3979/", true)] // a listed loopback host may use http (tests)
    [InlineData("http://localhost:3979/", false)]
    public void Configured_hosts_replace_the_default(string url, bool allowed) =>
        Assert.Equal(allowed, new ServiceUrlPolicy(false, ["smba.infra.gcc.teams.microsoft.com, *.teams.microsoft.us", "127.0.0.1"]).IsAllowed(url));

    [Theory]
    [InlineData("*")]
    [InlineData("https://smba.trafficmanager.net/")]
    [InlineData("smba.*.net")]
    public void Patterns_other_than_host_or_star_dot_suffix_are_refused_at_start(string entry) =>
        Assert.Throws<InvalidOperationException>(() => new ServiceUrlPolicy(false, [entry]));
}
