namespace CoachBot.Storage.Turns;

public enum SaveTurnResult
{
    Saved,
    /// <summary>This activity was already processed: a redelivery.</summary>
    Duplicate,
    /// <summary>Another turn changed the state since it was read: reload and run the turn again.</summary>
    Conflict,
}
