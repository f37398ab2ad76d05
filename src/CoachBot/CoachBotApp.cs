using CoachBot.Admin;
using CoachBot.Coaching;
using CoachBot.Configuration;
using CoachBot.DealHelp;
using CoachBot.Erasure;
using CoachBot.FieldDays;
using CoachBot.Fleet;
using CoachBot.Graph;
using CoachBot.Health;
using CoachBot.Leaders;
using CoachBot.Managers;
using CoachBot.Nudges;
using CoachBot.Plans;
using CoachBot.Storage;
using CoachBot.Teams.Hosting;
using CoachBot.Telemetry;
using Microsoft.Extensions.Options;

namespace CoachBot;

/// <summary>Builds the CoachBot web app; Program runs it, tests start it on a loopback port with their own settings.</summary>
public static class CoachBotApp
{
    public const string DefaultUrl = "http://127.0.0.1:3978";

    /// <param name="configureServices">Registrations to add after the app's own (tests: e.g. a telemetry exporter).</param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Bind to loopback on the Bot Framework's usual port unless --urls / ASPNETCORE_URLS say otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddValidatedConfiguration(builder.Configuration);
        builder.Services.AddTeamsBot(builder.Configuration);
        builder.Services.AddCoachBotStorage(builder.Configuration);
        builder.Services.AddCoachBotGraph(builder.Configuration);
        builder.Services.AddCoachBotTelemetry(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<CoachingOptions>().Bind(builder.Configuration.GetSection(CoachingOptions.Section));
        builder.Services.AddSingleton<DrillLibraryProvider>();
        builder.Services.AddPlans();
        builder.Services.AddSingleton<TurnEffects>();
        builder.Services.AddSingleton<RecentReplies>();
        builder.Services.AddSingleton<StateCache>();
        builder.Services.AddFleet(builder.Configuration);
        builder.Services.AddSingleton<RetentionWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        builder.Services.AddSingleton<ManagerRoles>();
        builder.Services.AddSingleton<ManagerCommands>();
        builder.Services.AddOptions<ErasureOptions>().Bind(builder.Configuration.GetSection(ErasureOptions.Section));
        builder.Services.AddSingleton<RepErasure>();
        builder.Services.AddSingleton<PersonalDataExport>();
        builder.Services.AddHostedService<ErasureWorker>();
        builder.Services.AddSingleton<IActivityRule, StorageLimitsRule>();
        builder.Services.AddBot<CoachingBot>();
        builder.Services.AddCoachBotHealth();
        builder.Services.AddNudges(builder.Configuration);
        builder.Services.AddFieldDays();
        builder.Services.AddDealHelp();
        builder.Services.AddLeaders();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        // Read the embedded topic model at start (a static, once per process), not inside the first rep's turn.
        _ = CoachBot.Coaching.Topics.TopicClassifier.ConfidentAt;

        var bot = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        if (bot.IsLocalMode && !app.Environment.IsDevelopment())
            throw new InvalidOperationException("Bot__AppId is not set. Local mode (no token validation) runs only in the Development environment.");

        app.MapBotEndpoint();
        app.MapCoachBotHealth();
        app.MapNudgeAdminEndpoints();
        app.MapFieldDayAdminEndpoints();
        app.MapLeaderAdminEndpoints();
        app.MapUserDataAdminEndpoints();
        return app;
    }
}
