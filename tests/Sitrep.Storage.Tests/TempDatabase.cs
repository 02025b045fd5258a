namespace Sitrep.Storage.Tests;

/// <summary>A database file in the temp folder, removed (with its WAL files) afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sitrep-test-{Guid.NewGuid():N}.db");

    public SqliteStore Open() => SqliteStore.Open(Path);

    public void Dispose()
    {
        foreach (var suffix in (string[])["", "-wal", "-shm"])
            if (File.Exists(Path + suffix)) File.Delete(Path + suffix);
    }
}
