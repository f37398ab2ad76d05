using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Teams.Schema;

/// <summary>A user or bot in a conversation. In Teams <see cref="Id"/> is "29:…" (user) or "28:…" (bot).</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    /// <summary>The user's Entra object id: the key to Graph and to the rep's data.</summary>
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
