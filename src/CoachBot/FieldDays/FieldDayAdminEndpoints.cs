using System.Globalization;
using CoachBot.Admin;
using CoachBot.Nudges;
using Microsoft.Extensions.Options;

namespace CoachBot.FieldDays;

/// <summary>
/// <c>POST /admin/fielddays/run?at=2026-12-01T21:00:00Z</c> enqueues the field-day messages due at that instant (prep,
/// questions, debriefs; each still once only), as the scheduler tick would then. For catching up after an outage and
/// for the local run, whose scheduler is off. Behind <see cref="AdminKeyFilter"/>; the instant must lie within
/// <see cref="AdminOptions.DayWindowDays"/> of now (else 400).
/// </summary>
public static class FieldDayAdminEndpoints
{
    public static IEndpointRouteBuilder MapFieldDayAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/admin/fielddays").RequireAdminKey().MapPost("/run", async (string? at, FieldDayScheduler source, NudgeScheduler scheduler,
            IOptions<NudgeOptions> options, IOptionsMonitor<AdminOptions> admin, TimeProvider time, IServiceProvider services, CancellationToken ct) =>
        {
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                return Results.BadRequest(new { error = "at=<ISO 8601 instant> is required" });
            var window = admin.CurrentValue.DayWindowDays;
            if ((when - time.GetUtcNow()).Duration() > TimeSpan.FromDays(window))
                return Results.BadRequest(new { error = $"at must be within {window} days of now" });
            var enqueued = 0;
            foreach (var job in await source.DueAsync(NudgeTenant.Resolve(options.Value, services), when, ct).ConfigureAwait(false))
                if (await scheduler.EnqueueOnceAsync(job, when, ct).ConfigureAwait(false)) enqueued++;
            return Results.Accepted(value: new { at = when.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), enqueued });
        });
        return app;
    }
}
