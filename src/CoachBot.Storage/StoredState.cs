using Azure;
using CoachBot.Coaching.Dialogue;

namespace CoachBot.Storage;

/// <summary>A conversation's coaching state and the ETag it was read with (null when none is stored yet).</summary>
public sealed record StoredState(CoachingState State, ETag? ETag);
