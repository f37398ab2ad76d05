using System.Text.Json.Serialization;

namespace CoachBot.Teams.Cards;

/// <summary>Card JSON as the schema spells it: camelCase, nulls omitted, source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
public sealed partial class CardJson : JsonSerializerContext;
