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
        var stores = new StoreOptions();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, ';'-separated (default loopback only)",
            DefaultValueFactory = _ => ServerOptions.DefaultUrls,
        };
        var command = new Command("serve", "Web page (map, timeline, incidents) and read-only JSON API over the store") { urls };
        stores.AddTo(command);
        command.SetAction(parse =>
        {
            var pg = stores.Postgres(parse);
            var path = parse.GetValue(stores.Db)!;
            // Opening a missing file would create an empty store: say so instead of serving nothing.
            if (pg is null && !File.Exists(path)) throw new UsageException($"no store at {path}: run `sitrep ingest` first or pass --db or --pg");
            var address = parse.GetValue(urls)!;
            foreach (var u in address.Split(';', StringSplitOptions.RemoveEmptyEntries))
                if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw new UsageException($"--urls '{u}' is not an http:// or https:// address (e.g. http://127.0.0.1:5000)");
            // Opened once up front, so an unreachable PostgreSQL is a usage error naming the server, not a failing page.
            Func<IEventStore> open = pg is null ? () => SqliteStore.Open(path) : () => StoreOptions.OpenPostgres(pg);
            StoreCounts counts;
            using (var store = open()) counts = store.Counts();
            using var app = SitrepServer.Create(new ServerOptions
            {
                OpenStore = open,
                // PostgreSQL has no cheap change stamp that IEventStore exposes: its answers are computed every time.
                StoreVersion = pg is null ? ServerOptions.FileVersion(path) : null,
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
            SitrepServer.WarmUpAsync(app, CancellationToken.None).GetAwaiter().GetResult();
            var name = pg is null ? path : "PostgreSQL";
            io.Err.WriteLine($"sitrep serve: {name} ({counts.Documents} documents, {counts.Incidents} incidents) on " +
                $"{string.Join(", ", SitrepServer.Addresses(app))}; Ctrl+C stops");
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }
}
