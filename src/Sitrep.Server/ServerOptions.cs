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

    /// <summary>Most store connections open at once (requests beyond it wait).</summary>
    public int PoolSize { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);
}
