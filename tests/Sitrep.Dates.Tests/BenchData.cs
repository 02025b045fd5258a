namespace Sitrep.Dates.Tests;

/// <summary>Finds the read-only shared benchmark folder: $SITREP_SHARED/bench, or a "shared/bench" beside an ancestor.</summary>
internal static class BenchData
{
    public static string? Find(string relative)
    {
        var env = Environment.GetEnvironmentVariable("SITREP_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            var p = Path.Combine(env, "bench", relative);
            if (Directory.Exists(p)) return p;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "shared", "bench", relative);
            if (Directory.Exists(p)) return p;
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with its reason, when the TempEval-3 TimeBank data is absent.</summary>
public sealed class TimeBankFactAttribute : FactAttribute
{
    public const string Folder = "tempeval3-tbaq/TimeBank";

    public TimeBankFactAttribute()
    {
        if (BenchData.Find(Folder) is null)
            Skip = $"shared/bench/{Folder} not found (set SITREP_SHARED or place 'shared' beside the repo)";
    }
}
