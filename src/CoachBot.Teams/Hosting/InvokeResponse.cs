using System.Text.Json;

namespace CoachBot.Teams.Hosting;

/// <summary>The synchronous answer to an invoke activity: the HTTP status and JSON body of the response.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body);
