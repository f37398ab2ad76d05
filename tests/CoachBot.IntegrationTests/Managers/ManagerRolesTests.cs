using CoachBot.Graph;
using CoachBot.Graph.Directory;
using CoachBot.Managers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.IntegrationTests.Managers;

/// <summary>The manager check behind manager commands: answered from a cache, and a Graph outage is not asked again at once.</summary>
public sealed class ManagerRolesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_failed_lookup_is_not_repeated_for_a_minute_then_asked_again()
    {
        var directory = new CountingDirectory { Fails = true };
        var roles = new ManagerRoles(directory, _clock, NullLogger<ManagerRoles>.Instance);

        for (var i = 0; i < 5; i++) Assert.False(await roles.IsManagerAsync("mgr-1", default));
        Assert.Equal(1, directory.Calls);

        // Graph is back a minute later: the next command asks again and the manager is recognised.
        directory.Fails = false;
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await roles.IsManagerAsync("mgr-1", default));
        Assert.Equal(2, directory.Calls);
    }

    [Fact]
    public async Task A_known_role_is_kept_for_an_hour()
    {
        var directory = new CountingDirectory();
        var roles = new ManagerRoles(directory, _clock, NullLogger<ManagerRoles>.Instance);

        Assert.True(await roles.IsManagerAsync("mgr-1", default));
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(await roles.IsManagerAsync("mgr-1", default));
        Assert.Equal(1, directory.Calls);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await roles.IsManagerAsync("mgr-1", default));
        Assert.Equal(2, directory.Calls);
    }

    private sealed class CountingDirectory : ITeamDirectory
    {
        public int Calls;
        public bool Fails { get; set; }

        public Task<IReadOnlyList<DirectoryUser>> GetRepsAsync(string managerId, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Fails
                ? Task.FromException<IReadOnlyList<DirectoryUser>>(new GraphException(GraphFailureKind.Unavailable, "directReports", null, "Graph is down.", null))
                : Task.FromResult<IReadOnlyList<DirectoryUser>>([new DirectoryUser("rep-1", "Rep One", null, null)]);
        }

        public Task<DirectoryUser?> GetManagerAsync(string repId, CancellationToken cancellationToken = default) => Task.FromResult<DirectoryUser?>(null);
    }
}
