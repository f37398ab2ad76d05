namespace CoachBot.Storage.Turns;

/// <summary>A merge of an <c>acknowledged</c> row's sweep lease only (<see cref="AcknowledgedTurnEntity"/> names the same columns).</summary>
internal sealed class AcknowledgedLeasePatch : TableRow
{
    public DateTimeOffset? LeaseUntil { get; set; }
    public int? Attempts { get; set; }
}
