using System.Text.Json.Serialization;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Storage.Delivery;

/// <summary>JSON for queue messages and stored nudge snapshots: camelCase, source-generated (stored manager settings use <see cref="StorageJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DeliveryJob))]
[JsonSerializable(typeof(NudgeContent))]
public sealed partial class DeliveryJson : JsonSerializerContext;
