using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Teams.Schema;

/// <summary>The wire format of the Bot Framework: camelCase, nulls omitted, source-generated for speed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TenantChannelData))]
public sealed partial class BotJson : JsonSerializerContext;
