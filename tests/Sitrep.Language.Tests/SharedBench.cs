namespace Sitrep.Language.Tests;

/// <summary>Finds the read-only benchmark folder: $SITREP_SHARED/bench, or a "shared/bench" beside an ancestor folder.</summary>
internal static class SharedBench
{
    public static readonly string? Root = Find();

    public const string MissingReason = "benchmark data not found: set SITREP_SHARED or put shared/bench beside the repository";

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

/// <summary>A fact that is skipped, with the reason, when the benchmark data is absent.</summary>
public sealed class SharedBenchFactAttribute : FactAttribute
{
    public SharedBenchFactAttribute()
    {
        if (SharedBench.Root is null) Skip = SharedBench.MissingReason;
    }
}
