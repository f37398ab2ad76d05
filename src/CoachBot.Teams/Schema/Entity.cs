using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Teams.Schema;

/// <summary>An activity entity (mention, clientInfo, …); fields beyond <see cref="Type"/> stay as raw JSON.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
