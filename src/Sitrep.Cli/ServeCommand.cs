using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sitrep.Pipeline;
using Sitrep.Server;
using Sitrep.Storage;

namespace Sitrep.Cli;

/// <summary><c>sitrep serve</c>: the web page and read-only JSON API over a store, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Serve(CliIo io)
    {
        var db = new Option<string>("--db") { Description = "SQLite store file", DefaultValueFactory = _ => "sitrep.db" };
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, ';'-separated (default loopback only)",
            DefaultValueFactory = _ => ServerOptions.DefaultUrls,
        };
        var command = new Command("serve", "Web page (map, timeline, incidents) and read-only JSON API over the store") { db, urls };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            // Opening a missing file would create an empty store: say so instead of serving nothing.
            if (!File.Exists(path)) throw new UsageException($"no store at {path}: run `sitrep ingest` first or pass --db");
            var address = parse.GetValue(urls)!;
            foreach (var u in address.Split(';', StringSplitOptions.RemoveEmptyEntries))
                if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw new UsageException($"--urls '{u}' is not an http:// or https:// address (e.g. http://127.0.0.1:5000)");
            var counts = OpenCounts(path);
            using var app = SitrepServer.Create(new ServerOptions
            {
                OpenStore = () => SqliteStore.Open(path),
                StoreVersion = ServerOptions.FileVersion(path),
                Urls = address,
                CountryName = SitrepEngine.Default.CountryName,
            });
            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (IOException ex)
            {
                io.Err.WriteLine($"sitrep: cannot listen on {address}: {ex.Message}");
                return SitrepCommand.BadUsage;
            }
            io.Err.WriteLine($"sitrep serve: {path} ({counts.Documents} documents, {counts.Incidents} incidents) on " +
                $"{string.Join(", ", SitrepServer.Addresses(app))}; Ctrl+C stops");
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }

    private static StoreCounts OpenCounts(string path)
    {
        using var store = SqliteStore.Open(path);
        return store.Counts();
    }
}
