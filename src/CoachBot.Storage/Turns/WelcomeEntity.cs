namespace CoachBot.Storage.Turns;

/// <summary>The <c>welcome|{conversation}</c> row of the <c>coaching</c> table: the welcome was sent (<see cref="At"/>).</summary>
internal sealed class WelcomeEntity : TableRow
{
    public DateTimeOffset? At { get; set; }
}
