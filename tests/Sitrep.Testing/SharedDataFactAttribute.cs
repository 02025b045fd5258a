using Xunit;

namespace Sitrep.Testing;

/// <summary>A fact that needs a file or folder of the shared data (e.g. "bench/conll2003"); skipped with the reason when absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Skips unless every one of <paramref name="relativePaths"/> exists under the shared folder.</summary>
    public SharedDataFactAttribute(params string[] relativePaths)
    {
        var missing = relativePaths.Where(p => SharedData.Find(p) is null).ToList();
        if (missing.Count > 0)
            Skip = $"needs ../shared/{string.Join(", ../shared/", missing)} beside the repository (or SITREP_SHARED); not present here";
    }
}
