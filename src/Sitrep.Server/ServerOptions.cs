using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>How <see cref="SitrepServer"/> runs: where it listens and how it opens the store.</summary>
public sealed record ServerOptions
{
    /// <summary>The address used when none is given: loopback only, so nothing is exposed to the network by default.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5000";

    /// <summary>Opens one connection to the store; called once per pooled connection.</summary>
    public required Func<IEventStore> OpenStore { get; init; }

    /// <summary>Addresses to listen on, separated by ';' (port 0 picks a free port).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Maps ISO2 to a country name for the CSV export and the country list; ISO2 is shown when null.</summary>
    public Func<string, string?>? CountryName { get; init; }

    /// <summary>
    /// A cheap stamp that changes whenever the store does (for SQLite, the database and WAL file times and sizes).
    /// When given, the map's unfiltered columns and the listing totals are computed once per stamp and kept, so page
    /// loads need not read every incident again; when null they are computed on every request.
    /// </summary>
    public Func<string>? StoreVersion { get; init; }

    /// <summary>The stamp of a SQLite store file: its and its WAL's write times and sizes.</summary>
    public static Func<string> FileVersion(string path) => () =>
    {
        var db = new FileInfo(path);
        var wal = new FileInfo(path + "-wal");
        return $"{db.LastWriteTimeUtc.Ticks}:{db.Length}:{(wal.Exists ? wal.LastWriteTimeUtc.Ticks : 0)}:{(wal.Exists ? wal.Length : 0)}";
    };

    /// <summary>Most store connections open at once (requests beyond it wait).</summary>
    public int PoolSize { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);
}
