namespace CoachBot.Storage.Turns;

/// <summary>
/// A merge into a state row (<see cref="StateEntity"/>) of only the columns set here: the "forget me" mark, or the state
/// JSON rewritten by retention. Null properties are sent as null, which a merge leaves untouched.
/// </summary>
internal sealed class StatePatch : TableRow
{
    public string? State { get; set; }
    public bool? Erasing { get; set; }
}
