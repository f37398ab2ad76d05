using CoachBot.Storage.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>The "topic raised" signals stored for one rep's message today, read through the app's own store.</summary>
public static class TopicSignals
{
    public static async Task<List<TeamSignal>> OfMessageAsync(BotApp app, string user, string activityId) =>
        [.. (await app.Services.GetRequiredService<TeamSignalStore>().ListAsync(TeamsActivities.TenantId, DateOnly.FromDateTime(DateTime.UtcNow), default))
            .Where(s => s.Kind == TeamSignal.TopicRaised && s.UserKey == user && s.Id == activityId)];
}
