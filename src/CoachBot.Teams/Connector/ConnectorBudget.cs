namespace CoachBot.Teams.Connector;

/// <summary>
/// A tenant's Teams budget (<c>Bot:ConnectorRequestsPerSecondPerTenant</c>, for the whole app across every instance)
/// and this process's share of it. The host tells it how many instances are live (<see cref="Instances"/>, from the
/// <c>fleet</c> table). Each instance may send floor(limit / N) calls in any <see cref="Window"/> (checked when a call
/// leaves, <see cref="TenantPacer.TryLeave"/>), so N instances stay under the limit however their schedules line up, and
/// spaces its calls evenly a little under that (<see cref="TenantPacer.WaitTurnAsync"/>) so the check rarely has to wait.
/// The window is a little over a second because Teams counts calls when they arrive: the extra 50 ms absorb the
/// network and a busy machine moving a call closer to the next one.
/// </summary>
public sealed class ConnectorBudget(double perTenantPerSecond)
{
    /// <summary>The sliding window one instance's quota applies to.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1050);

    private volatile int _instances = 1;

    /// <summary>The tenant's limit for the whole app; 0 = none.</summary>
    public double PerTenantPerSecond { get; } = perTenantPerSecond;

    /// <summary>Live instances sharing the budget (at least 1).</summary>
    public int Instances
    {
        get => _instances;
        set => _instances = Math.Max(1, value);
    }

    /// <summary>Calls this process may send to one tenant in any <see cref="Window"/>; 0 = unlimited.</summary>
    public int PerInstancePerWindow => PerTenantPerSecond <= 0 ? 0 : Math.Max(1, (int)Math.Floor(PerTenantPerSecond / Instances));

    /// <summary>The even pace per tenant for this process; 0 = unlimited.</summary>
    public double PerInstancePerSecond
    {
        get
        {
            if (PerTenantPerSecond <= 0) return 0;
            var whole = Math.Floor(PerTenantPerSecond / Instances);
            // Less than one call per second each: half the equal share still keeps the sum under the limit.
            return whole >= 1 ? whole / Window.TotalSeconds : PerTenantPerSecond / Instances / 2;
        }
    }
}
