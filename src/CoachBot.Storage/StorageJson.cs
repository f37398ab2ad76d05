using System.Text.Json.Serialization;
using CoachBot.Coaching.Dialogue;
using CoachBot.Storage.Conversations;
using CoachBot.Teams.Schema;

namespace CoachBot.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CoachingState))]
[JsonSerializable(typeof(StoredConversationReference))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJson : JsonSerializerContext;
