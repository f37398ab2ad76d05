namespace CoachBot.Teams.Tests.Auth;

/// <summary>A clock the test moves by hand (starts at the real time so real-time JWT lifetimes still line up).</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
