using System.CommandLine;
using Sitrep.Storage;

namespace Sitrep.Cli;

/// <summary>
/// Which store a verb uses: <c>--db FILE</c> (SQLite, the default <c>./sitrep.db</c>) or <c>--pg CONNSTRING</c>
/// (PostgreSQL, shared by a team and by many ingest workers).
/// </summary>
internal sealed class StoreOptions
{
    private const string DefaultDb = "sitrep.db";

    /// <summary>The SQLite file option.</summary>
    public Option<string> Db { get; } = new("--db")
    {
        Description = "SQLite store file (the default store)",
        DefaultValueFactory = _ => DefaultDb,
    };

    /// <summary>The PostgreSQL option.</summary>
    public Option<string?> Pg { get; } = new("--pg")
    {
        Description = "PostgreSQL store instead of SQLite: an Npgsql connection string, e.g. \"Host=db;Database=sitrep;Username=sitrep\"",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Pg);
    }

    /// <summary>The connection string when PostgreSQL was asked for; null for SQLite. Both at once is a usage error.</summary>
    public string? Postgres(ParseResult parse)
    {
        var pg = parse.GetValue(Pg);
        if (pg is null) return null;
        if (parse.GetResult(Db) is { Implicit: false })
            throw new UsageException("--db and --pg name two stores: give one");
        if (string.IsNullOrWhiteSpace(pg)) throw new UsageException("--pg needs a connection string, e.g. \"Host=localhost;Database=sitrep\"");
        return pg;
    }

    /// <summary>Opens PostgreSQL, turning an unreachable server or a bad string into a usage error that says which.</summary>
    public static PostgresStore OpenPostgres(string connectionString)
    {
        try
        {
            return PostgresStore.Open(connectionString);
        }
        catch (StoreUnavailableException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
