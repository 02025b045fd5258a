namespace Sitrep.Places.Tests;

/// <summary>Locates the read-only shared bench folder (env SITREP_SHARED, or a "shared/bench" beside an ancestor).</summary>
internal static class BenchData
{
    public static readonly string? Root = Find();

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("SITREP_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "bench"))) return Path.Combine(env, "bench");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, when the shared bench data is absent.</summary>
internal sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (BenchData.Root is null) Skip = "shared/bench not found (set SITREP_SHARED or place shared/ beside the repo)";
    }
}
