namespace Sitrep.Places;

/// <summary>
/// A per-user binary copy of the parsed embedded gazetteer, so a `sitrep` call loads flat arrays instead of
/// parsing 200,000 TSV rows. The file is keyed by the Sitrep.Places build (module version id), so new data or new
/// folding rules never meet a stale cache; any failure to read or write just means parsing the TSV again.
/// </summary>
internal static class GazetteerCache
{
    private const int Magic = 0x5A475453; // "STGZ"
    private const int FormatVersion = 2;

    /// <summary>Environment variable naming the cache folder; "off" disables the cache.</summary>
    public const string Variable = "SITREP_CACHE";

    /// <summary>The cache file for this build, or null when caching is off or there is no place to put it.</summary>
    public static string? PathFor(Guid build)
    {
        var dir = Environment.GetEnvironmentVariable(Variable);
        if (string.Equals(dir, "off", StringComparison.OrdinalIgnoreCase)) return null;
        if (string.IsNullOrEmpty(dir))
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root)) root = Path.GetTempPath();
            dir = Path.Combine(root, "sitrep");
        }
        return Path.Combine(dir, $"gazetteer-{build:N}.bin");
    }

    /// <summary>Reads the cache; false when it is missing, of another format, or damaged.</summary>
    public static bool TryRead(string path, out Gazetteer gazetteer)
    {
        gazetteer = null!;
        try
        {
            if (!File.Exists(path)) return false;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var r = new BinaryReader(stream);
            if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion) return false;
            gazetteer = Gazetteer.Read(r);
            return r.ReadInt32() == Magic; // trailer: the file was written to the end
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Writes the cache atomically (temp file, then rename); failures are ignored, the cache being optional.</summary>
    public static void TryWrite(string path, Gazetteer gazetteer)
    {
        var temp = path + "." + Environment.ProcessId + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var w = new BinaryWriter(stream))
            {
                w.Write(Magic);
                w.Write(FormatVersion);
                gazetteer.Write(w);
                w.Write(Magic);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); }
            catch (IOException) { /* nothing more to do: the cache is optional */ }
            catch (UnauthorizedAccessException) { /* likewise */ }
        }
    }
}
