using CoachBot.Admin;
using CoachBot.Delivery;

namespace CoachBot.FieldDays;

/// <summary>
/// <c>POST /admin/fielddays/run?at=2026-12-01T21:00:00Z</c> enqueues the field-day messages due at that instant (prep,
/// questions, debriefs; each still once only), as the scheduler tick would then (<see cref="DueJobRunEndpoint"/>).
/// Behind <see cref="AdminKeyFilter"/>.
/// </summary>
public static class FieldDayAdminEndpoints
{
    public static IEndpointRouteBuilder MapFieldDayAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/admin/fielddays").RequireAdminKey().MapDueJobRun<FieldDayScheduler>();
        return app;
    }
}
