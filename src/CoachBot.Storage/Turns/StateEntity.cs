using System.Text.Json;
using Azure;
using CoachBot.Coaching.Dialogue;

namespace CoachBot.Storage.Turns;

/// <summary>
/// The <c>state|{conversation}</c> row of the <c>coaching</c> table: the coaching state as JSON (<see cref="State"/>),
/// with its stage and topic beside it, and the "forget me" mark (<see cref="Erasing"/>, only ever merged in by
/// <see cref="StatePatch"/>; that merge changes the ETag, so no turn's conditional replace can drop it afterwards).
/// </summary>
internal sealed class StateEntity : TableRow
{
    public string? State { get; set; }
    public string? Stage { get; set; }
    public string? Topic { get; set; }
    public bool? Erasing { get; set; }

    public static StateEntity From(string partitionKey, string conversationId, CoachingState state) => new()
    {
        PartitionKey = partitionKey,
        RowKey = CoachingStore.StateKey(conversationId),
        State = Json(state),
        Stage = state.Stage.ToString(),
        Topic = state.Topic,
    };

    public CoachingState? ToState() => State is null ? null : JsonSerializer.Deserialize(State, StorageJson.Default.CoachingState);

    public static string Json(CoachingState state) => JsonSerializer.Serialize(state, StorageJson.Default.CoachingState);
}
