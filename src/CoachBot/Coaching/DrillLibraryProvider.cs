using CoachBot.Coaching.Drills;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching;

/// <summary>
/// Loads the drill library once and again whenever the file changes, so admins can edit it without a redeploy.
/// An invalid file is logged with its errors and the last good library is kept.
/// </summary>
internal sealed partial class DrillLibraryProvider(IOptions<CoachingOptions> options, ILogger<DrillLibraryProvider> logger)
{
    private DrillLibrary? _library;
    private DateTime _loadedWriteTime;

    public DrillLibrary? Current
    {
        get
        {
            var path = options.Value.DrillLibraryPath;
            if (!File.Exists(path))
            {
                if (_library is null) LogMissing(logger, path);
                return _library;
            }
            var written = File.GetLastWriteTimeUtc(path);
            if (_library is not null && written == _loadedWriteTime) return _library;
            var parsed = DrillLibraryParser.Parse(File.ReadAllText(path));
            if (parsed.IsValid)
            {
                _library = parsed.Library;
                _loadedWriteTime = written;
            }
            else
            {
                LogInvalid(logger, path, string.Join("; ", parsed.Errors));
                _loadedWriteTime = written;
            }
            return _library;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drill library {Path} not found; practice is unavailable")]
    private static partial void LogMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Drill library {Path} is invalid, keeping the last good one: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string path, string errors);
}
