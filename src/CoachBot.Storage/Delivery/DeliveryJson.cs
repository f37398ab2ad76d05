using System.Text.Json.Serialization;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Storage.Delivery;

/// <summary>JSON for queue messages and stored nudge snapshots: camelCase, source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DeliveryJob))]
[JsonSerializable(typeof(NudgeContent))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
public sealed partial class DeliveryJson : JsonSerializerContext;
