using CoachBot.Teams.Schema;

namespace CoachBot.Coaching;

/// <summary>Who a turn is about: the tenant and the stable key of the user (Entra object id when Teams sends it).</summary>
internal sealed record RepIdentity(string TenantId, string UserKey, string TeamsId, string? AadObjectId)
{
    /// <summary>Tenantless activities come only from local tools; they get a tenant of their own so they never mix with a real one.</summary>
    public const string NoTenant = Activity.NoTenant;

    public static RepIdentity From(Activity a) => new(
        a.TenantId ?? NoTenant,
        a.UserKey,
        a.From?.Id ?? "unknown",
        a.From?.AadObjectId);
}
