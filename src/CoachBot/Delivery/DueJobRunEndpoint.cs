using System.Globalization;
using CoachBot.Admin;
using CoachBot.Nudges;
using Microsoft.Extensions.Options;

namespace CoachBot.Delivery;

/// <summary>
/// <c>POST {group}/run?at=&lt;ISO 8601 instant&gt;</c> for one <see cref="IDueJobSource"/>: enqueues what that source finds due at
/// the instant, each still once only (the scheduler's marker and the send ledger), and answers 202 <c>{at, enqueued}</c>.
/// For catching up after an outage and for the local run, whose scheduler is off. The instant must lie within
/// <see cref="AdminOptions.DayWindowDays"/> of now (else 400); the group carries the admin key check.
/// </summary>
internal static class DueJobRunEndpoint
{
    public static RouteHandlerBuilder MapDueJobRun<TSource>(this RouteGroupBuilder group)
        where TSource : class, IDueJobSource =>
        // The source is resolved in the body: a type parameter in the handler's signature crashes the route-handler analyzer (AD0001).
        group.MapPost("/run", async (string? at, DeliveryScheduler scheduler,
            IOptionsMonitor<AdminOptions> admin, TimeProvider time, NudgeTenant tenant, IServiceProvider services, CancellationToken ct) =>
        {
            var source = services.GetRequiredService<TSource>();
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                return Results.BadRequest(new { error = "at=<ISO 8601 instant> is required" });
            var window = admin.CurrentValue.DayWindowDays;
            if ((when - time.GetUtcNow()).Duration() > TimeSpan.FromDays(window))
                return Results.BadRequest(new { error = $"at must be within {window} days of now" });
            var enqueued = 0;
            foreach (var job in await source.DueAsync(tenant.Id, when, ct).ConfigureAwait(false))
                if (await scheduler.EnqueueOnceAsync(job, when, ct).ConfigureAwait(false)) enqueued++;
            return Results.Accepted(value: new { at = when.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), enqueued });
        });
}
