namespace Sitrep.Benchmarks;

/// <summary>
/// Finds benchmark data in the shared folder beside the repository (../shared, or where SITREP_SHARED points): read
/// from there at run time, never copied into the repository.
/// </summary>
internal static class SharedBench
{
    /// <summary>
    /// The full path of <paramref name="relative"/> (a file or folder under shared/, e.g. "bench/conll2003/conllpp_test.txt");
    /// <paramref name="user"/> names the benchmark in the message when it is nowhere.
    /// </summary>
    public static string Find(string relative, string user)
    {
        static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
        if (Environment.GetEnvironmentVariable("SITREP_SHARED") is { Length: > 0 } env && Exists(Path.Combine(env, relative)))
            return Path.Combine(env, relative);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"{user} needs shared/{relative} beside the repository (or SITREP_SHARED).");
    }
}
