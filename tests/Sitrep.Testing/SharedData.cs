namespace Sitrep.Testing;

/// <summary>
/// Finds the team's shared folder (benchmarks, samples) that sits beside the repository as ../shared, or where
/// SITREP_SHARED points. A user's fresh clone has none, so tests that need it are skipped, saying why.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The shared folder, or null when absent.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Full path of <paramref name="relative"/> inside the shared folder, or null when it does not exist.</summary>
    public static string? Find(string relative)
    {
        if (Directory is null) return null;
        var path = Path.Combine(Directory, relative);
        return File.Exists(path) || System.IO.Directory.Exists(path) ? path : null;
    }

    /// <summary>Like <see cref="Find"/>, for tests already skipped when absent.</summary>
    public static string Require(string relative) =>
        Find(relative) ?? throw new InvalidOperationException($"shared data '{relative}' is missing");

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("SITREP_SHARED");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "bench"))) return candidate;
        }
        return null;
    }
}
