using CoachBot.Bot;
using CoachBot.Graph;
using CoachBot.Proactive;
using CoachBot.Telemetry;
using CoachBot.Health;
using CoachBot.Nudges;
using CoachBot.Storage;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot;

/// <summary>Builds the CoachBot web app; Program runs it, tests start it on a loopback port with their own settings.</summary>
public static class CoachBotApp
{
    public const string DefaultUrl = "http://127.0.0.1:3978";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Bind to loopback on the Bot Framework's usual port unless --urls / ASPNETCORE_URLS say otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddTeamsBot(builder.Configuration);
        builder.Services.AddCoachBotStorage(builder.Configuration);
        builder.Services.AddCoachBotGraph(builder.Configuration);
        builder.Services.AddCoachBotTelemetry(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ICardActionHandler, PlanCardActions>();
        builder.Services.AddOptions<CoachingOptions>().Bind(builder.Configuration.GetSection(CoachingOptions.Section));
        builder.Services.AddSingleton<DrillLibraryProvider>();
        builder.Services.AddSingleton<TurnEffects>();
        builder.Services.AddSingleton<RecentReplies>();
        builder.Services.AddSingleton<RetentionWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        builder.Services.AddSingleton<ProactiveMessenger>();
        builder.Services.AddSingleton<IFollowUpStarter, FollowUpStarter>();
        builder.Services.AddSingleton<CoachingBot>();
        // The sweep of acknowledged turns reruns them through the same handler as /api/messages.
        builder.Services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<CoachingBot>());
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        builder.Services.AddNudges(builder.Configuration);

        var app = builder.Build();

        var bot = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        if (bot.IsLocalMode && !app.Environment.IsDevelopment())
            throw new InvalidOperationException("Bot__AppId is not set. Local mode (no token validation) runs only in the Development environment.");

        app.MapPost("/api/messages", (HttpContext http, BotAdapter adapter, CoachingBot coach) => adapter.ProcessAsync(http, coach));
        app.MapHealthChecks("/healthz");
        app.MapNudgeAdminEndpoints();
        return app;
    }
}
