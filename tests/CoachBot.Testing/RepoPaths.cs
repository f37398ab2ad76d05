namespace CoachBot.Testing;

/// <summary>Finds the repository root (where CoachBot.sln and node_modules live) from the test or tool binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindAbove(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("CoachBot.sln not found above " + AppContext.BaseDirectory);

    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>The nearest folder at or above <paramref name="directory"/> that holds CoachBot.sln, or null.</summary>
    public static string? FindAbove(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln"))) return dir.FullName;
        }
        return null;
    }
}
