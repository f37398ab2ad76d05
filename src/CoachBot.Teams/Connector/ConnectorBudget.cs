namespace CoachBot.Teams.Connector;

/// <summary>
/// A tenant's Teams budget (<c>Bot:ConnectorRequestsPerSecondPerTenant</c>, for the whole app across every instance)
/// and this process's share of it. The host tells it how many instances are live (<see cref="Instances"/>, from the
/// <c>fleet</c> table); each takes an equal share, less one call per second of reserve: each instance spaces its calls
/// evenly, so in any one second it makes at most share + 1, and N instances together at most N × (limit / N − 1 + 1) =
/// limit, however their schedules line up.
/// </summary>
public sealed class ConnectorBudget(double perTenantPerSecond)
{
    private volatile int _instances = 1;

    /// <summary>The tenant's limit for the whole app; 0 = none.</summary>
    public double PerTenantPerSecond { get; } = perTenantPerSecond;

    /// <summary>Live instances sharing the budget (at least 1).</summary>
    public int Instances
    {
        get => _instances;
        set => _instances = Math.Max(1, value);
    }

    /// <summary>Calls per second per tenant this process may make now; 0 = unlimited.</summary>
    public double PerInstancePerSecond
    {
        get
        {
            if (PerTenantPerSecond <= 0) return 0;
            var equal = PerTenantPerSecond / Instances;
            // At a budget too small for the reserve, half the equal share still keeps the sum under the limit.
            return Math.Max(equal - 1, equal / 2);
        }
    }
}
