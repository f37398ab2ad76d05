namespace CoachBot.Graph.Tests;

public sealed class MailboxSettingsTests
{
    [Fact]
    public async Task WindowsTimeZone_ResolvesToIana()
    {
        await using var server = await TestGraphServer.StartAsync();
        var settings = await server.CreateDirectory().GetMailboxSettingsAsync(Orgs.Maya);

        Assert.False(settings.IsFallback);
        Assert.Equal("America/New_York", settings.WorkingHours.TimeZoneId);
        Assert.Equal(TimeSpan.FromHours(-5), settings.TimeZone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new TimeOnly(8, 30), settings.WorkingHours.Start);
        Assert.Equal(new TimeOnly(17, 30), settings.WorkingHours.End);
        Assert.Equal(5, settings.WorkingHours.Days.Count);
    }

    [Fact]
    public async Task Forbidden_FallsBackToDefaultZone()
    {
        await using var server = await TestGraphServer.StartAsync();
        var settings = await server.CreateDirectory(o => o.DefaultTimeZone = "Europe/Berlin").GetMailboxSettingsAsync(Orgs.Hannah);

        Assert.True(settings.IsFallback);
        Assert.Equal("Europe/Berlin", settings.WorkingHours.TimeZoneId);
    }

    [Theory]
    [InlineData("Pacific Standard Time", "America/Los_Angeles")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("Europe/Paris", "Europe/Paris")]
    [InlineData("UTC", "UTC")]
    public void GraphTimeZoneNames_ResolveOnThisOs(string graphName, string iana)
    {
        var zone = TimeZoneResolver.TryResolve(graphName);
        Assert.NotNull(zone);
        Assert.Equal(iana, TimeZoneResolver.IanaIdOf(zone));
    }

    [Fact]
    public void UnknownTimeZone_IsNull_AndResolveFallsBack()
    {
        Assert.Null(TimeZoneResolver.TryResolve("Customized Time Zone"));
        Assert.Equal("Asia/Tokyo", TimeZoneResolver.IanaIdOf(TimeZoneResolver.Resolve("Customized Time Zone", "Tokyo Standard Time")));
    }
}
