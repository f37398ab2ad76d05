using CoachBot.Tools.GraphServer;
using CoachBot.Tools.GraphServer.Org;

var app = GraphServerApp.Build(args);
await app.StartAsync().ConfigureAwait(false);

var org = app.Services.GetRequiredService<OrgData>();
Console.WriteLine($"GraphServer (Graph-shaped, no auth) on {string.Join(", ", app.Urls)} — BaseUrl {app.Urls.First()}/v1.0");
foreach (var manager in org.Users.Where(u => u.Role == UserRole.Manager))
{
    Console.WriteLine($"  manager {manager.Id}  {manager.DisplayName} <{manager.SmtpAddress}>  {manager.TimeZone}");
    foreach (var rep in org.Users.Where(u => u.ManagerId == manager.Id))
    {
        Console.WriteLine($"    rep   {rep.Id}  {rep.DisplayName} <{rep.SmtpAddress}>");
    }
}

await app.WaitForShutdownAsync().ConfigureAwait(false);
