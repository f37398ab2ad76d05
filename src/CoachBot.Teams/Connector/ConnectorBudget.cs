namespace CoachBot.Teams.Connector;

/// <summary>
/// A tenant's Teams budget (<c>Bot:ConnectorRequestsPerSecondPerTenant</c>, for the whole app across every instance)
/// and this process's share of it. The host tells it how many instances are live (<see cref="Instances"/>, from the
/// <c>fleet</c> table). Each instance spaces its calls evenly (<see cref="TenantPacer"/>), so at a rate r it makes at
/// most floor(r) + 1 calls in any one second; a rate a little under floor(limit / N) therefore keeps every instance at
/// floor(limit / N) calls in any second, and N instances at most the limit together, however their schedules line up.
/// The 3 % under absorbs timer and network jitter that brings two calls closer than their spacing.
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
            var whole = Math.Floor(PerTenantPerSecond / Instances);
            // Less than one call per second each: half the equal share still keeps the sum under the limit.
            return whole >= 1 ? whole * 0.97 : PerTenantPerSecond / Instances / 2;
        }
    }
}
