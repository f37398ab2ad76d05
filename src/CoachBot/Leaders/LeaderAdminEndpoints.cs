using System.Globalization;
using CoachBot.Admin;
using CoachBot.Delivery;

namespace CoachBot.Leaders;

/// <summary>
/// <c>GET /admin/leaders/report.csv?week=yyyy-MM-dd</c> (a Monday): the figures of the leaders' weekly cards for that week,
/// one row per manager, as CSV. Behind <see cref="AdminKeyFilter"/>; counts and manager/leader names only, no rep text.
/// <c>POST /admin/leaders/run?at=&lt;instant&gt;</c> enqueues the weekly cards due at that instant, once each, as the scheduler
/// tick would then (<see cref="Nudges.DueJobRunEndpoint"/>).
/// </summary>
public static class LeaderAdminEndpoints
{
    public static IEndpointRouteBuilder MapLeaderAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/admin/leaders").RequireAdminKey();
        group.MapDueJobRun<LeaderSchedule>();
        group.MapGet("/report.csv", async (string? week, LeaderReport report, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var monday) || monday.DayOfWeek != DayOfWeek.Monday)
                return Results.BadRequest(new { error = "week=yyyy-MM-dd (a Monday) is required" });
            var weeks = await report.BuildAsync(monday, null, ct).ConfigureAwait(false);
            return Results.Text(LeaderReportCsv.Write(weeks, monday), "text/csv; charset=utf-8");
        });
        return app;
    }
}
