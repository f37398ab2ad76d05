namespace CoachBot.Storage.Turns;

/// <summary>
/// A row of the <c>acknowledged</c> table: who sent the activity, the verified caller, the sweep lease, and the request
/// body in up to <see cref="MaxChunks"/> binary columns <c>Activity0</c>…<c>Activity14</c> (a property holds at most
/// 64 KiB), of which the first <see cref="Chunks"/> are used.
/// </summary>
internal sealed class AcknowledgedTurnEntity : TableRow, IUserRow
{
    public const int MaxChunks = 15;

    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public int? Chunks { get; set; }
    public string? Caller { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int? Attempts { get; set; }
    public byte[]? Activity0 { get; set; }
    public byte[]? Activity1 { get; set; }
    public byte[]? Activity2 { get; set; }
    public byte[]? Activity3 { get; set; }
    public byte[]? Activity4 { get; set; }
    public byte[]? Activity5 { get; set; }
    public byte[]? Activity6 { get; set; }
    public byte[]? Activity7 { get; set; }
    public byte[]? Activity8 { get; set; }
    public byte[]? Activity9 { get; set; }
    public byte[]? Activity10 { get; set; }
    public byte[]? Activity11 { get; set; }
    public byte[]? Activity12 { get; set; }
    public byte[]? Activity13 { get; set; }
    public byte[]? Activity14 { get; set; }

    /// <summary>Splits <paramref name="body"/> into the chunk columns; the caller has checked it fits <see cref="MaxChunks"/>.</summary>
    public void SetBody(ReadOnlyMemory<byte> body, int chunkBytes)
    {
        var chunks = (body.Length + chunkBytes - 1) / chunkBytes;
        Chunks = chunks;
        for (var i = 0; i < chunks; i++)
            SetChunk(i, body.Slice(i * chunkBytes, Math.Min(chunkBytes, body.Length - (i * chunkBytes))).ToArray());
    }

    /// <summary>The request body: the first <see cref="Chunks"/> chunk columns, joined.</summary>
    public byte[] Body()
    {
        using var body = new MemoryStream();
        for (var i = 0; i < (Chunks ?? 0); i++)
            if (Chunk(i) is { } chunk) body.Write(chunk);
        return body.ToArray();
    }

    private byte[]? Chunk(int i) => i switch
    {
        0 => Activity0, 1 => Activity1, 2 => Activity2, 3 => Activity3, 4 => Activity4, 5 => Activity5, 6 => Activity6, 7 => Activity7,
        8 => Activity8, 9 => Activity9, 10 => Activity10, 11 => Activity11, 12 => Activity12, 13 => Activity13, 14 => Activity14,
        _ => null,
    };

    private void SetChunk(int i, byte[] chunk)
    {
        switch (i)
        {
            case 0: Activity0 = chunk; break;
            case 1: Activity1 = chunk; break;
            case 2: Activity2 = chunk; break;
            case 3: Activity3 = chunk; break;
            case 4: Activity4 = chunk; break;
            case 5: Activity5 = chunk; break;
            case 6: Activity6 = chunk; break;
            case 7: Activity7 = chunk; break;
            case 8: Activity8 = chunk; break;
            case 9: Activity9 = chunk; break;
            case 10: Activity10 = chunk; break;
            case 11: Activity11 = chunk; break;
            case 12: Activity12 = chunk; break;
            case 13: Activity13 = chunk; break;
            case 14: Activity14 = chunk; break;
            default: throw new ArgumentOutOfRangeException(nameof(i), i, "At most 15 chunks.");
        }
    }
}
