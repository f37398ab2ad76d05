using CoachBot.Erasure;

namespace CoachBot.Admin;

/// <summary>
/// Data-subject requests handled by an admin, for a person who cannot or will not ask CoachBot themselves (a leaver):
/// <c>GET /admin/users/{tenantId}/{userId}/export</c> returns every row of theirs (<see cref="PersonalDataExport"/>);
/// <c>POST /admin/users/{tenantId}/{userId}/erase</c> runs the same durable erase job as "forget me"
/// (<see cref="RepErasure"/>): 200 when it finished, 202 when storage failed part-way and the erase sweep will finish it.
/// Behind <see cref="AdminKeyFilter"/>, like the nudge admin endpoints. <c>userId</c> is the Entra object id.
/// </summary>
public static class UserDataAdminEndpoints
{
    public static IEndpointRouteBuilder MapUserDataAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/admin/users/{tenantId}/{userId}").RequireAdminKey();

        group.MapGet("/export", async (string tenantId, string userId, PersonalDataExport export, CancellationToken ct) =>
            Results.Ok(new { tenantId, userId, tables = await export.ExportAsync(tenantId, userId, ct).ConfigureAwait(false) }));

        group.MapPost("/erase", async (string tenantId, string userId, RepErasure erasure, CancellationToken ct) =>
            await erasure.EraseOnRequestAsync(tenantId, userId, ct).ConfigureAwait(false)
                ? Results.Ok(new { state = "done" })
                : Results.Accepted(value: new { state = "pending" }));
        return app;
    }
}
