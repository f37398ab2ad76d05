using Azure;
using CoachBot.Coaching.Dialogue;

namespace CoachBot.Storage.Turns;

/// <summary>A conversation's coaching state and the ETag it was read with (null when none is stored yet).</summary>
public sealed record StoredState(CoachingState State, ETag? ETag)
{
    /// <summary>The rep's "forget me" is under way (<see cref="CoachingStore.MarkErasingAsync"/>): nothing may be coached or stored.</summary>
    public bool Erasing { get; init; }

    /// <summary>No state row: a first turn here, or the rep's rows were erased; either way the erase job must be looked up.</summary>
    public bool IsMissing => ETag is null;
}
