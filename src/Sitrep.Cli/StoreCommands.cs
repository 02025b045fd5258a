using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Cli;

/// <summary>Verbs over the store: <c>ingest</c> fills it, <c>events</c> reads incidents from it.</summary>
internal static class StoreCommands
{
    public static Command Ingest(CliIo io)
    {
        var inputs = DocumentCommands.InputsArgument();
        var published = DocumentCommands.PublishedOption();
        var stores = new StoreOptions();
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Documents per transaction (with --pg: per claimed batch); a crash loses at most one batch of work",
            DefaultValueFactory = _ => BatchRunner.DefaultBatchSize,
        };
        var command = new Command("ingest", "Full pipeline into the store; idempotent (documents are stored by content hash)")
        {
            inputs, published, batchSize,
        };
        stores.AddTo(command);
        command.SetAction(parse =>
        {
            var defaultPublished = SitrepCommand.ParseDate(parse.GetValue(published), "--published");
            var size = parse.GetValue(batchSize);
            if (size < 1) throw new UsageException($"--batch-size {size} must be at least 1");
            var pg = stores.Postgres(parse);
            var engine = SitrepEngine.Default;
            var summary = new RunSummary();
            var progress = new Progress(io.Err);
            var raws = engine.Read(parse.GetValue(inputs)!, defaultPublished, io.OpenStdin);
            var name = pg is null ? parse.GetValue(stores.Db)! : "PostgreSQL";
            try
            {
                using IEventStore store = pg is null ? SqliteStore.Open(name) : StoreOptions.OpenPostgres(pg);
                if (store is PostgresStore postgres)
                {
                    name = postgres.Description;
                    PostgresIngest.Run(io, postgres, engine, raws, size, summary, () => progress.Tick(summary));
                }
                else
                {
                    IngestOne(io, store, engine, raws, size, summary, progress);
                }
                progress.Done();
                var counts = store.Counts();
                io.Err.WriteLine($"ingest: {summary}");
                io.Err.WriteLine($"store {name}: {counts.Documents} documents, {counts.Events} events, {counts.Incidents} incidents");
            }
            catch (DbException ex)
            {
                progress.Done();
                io.Err.WriteLine($"ingest: {summary}");
                io.Err.WriteLine($"sitrep: store {name} failed: {ex.Message} (batches committed so far are kept; run ingest again to finish)");
                return SitrepCommand.InputsFailed;
            }
            return summary.Failed > 0 ? SitrepCommand.InputsFailed : 0;
        });
        return command;
    }

    /// <summary>Single-process ingest (SQLite): batches committed in input order, then incidents rebuilt.</summary>
    private static void IngestOne(CliIo io, IEventStore store, SitrepEngine engine, IEnumerable<RawDocument> raws, int batchSize,
        RunSummary summary, Progress progress)
    {
        var heap = new HeapLog(io.Err);
        var duplicates = new DuplicateTracker();
        duplicates.Seed(store.LoadFingerprints());
        var pending = new List<DocumentToStore>(batchSize);
        foreach (var outcome in BatchRunner.Run(raws, engine.Pipeline.Process, raw => AlreadyStored(store, raw), batchSize))
        {
            if (outcome is { Status: DocumentStatus.Processed, Document: { } doc })
            {
                var (duplicateOf, fingerprint) = duplicates.Check(doc);
                pending.Add(new DocumentToStore(doc, duplicateOf, fingerprint));
                // One transaction per batch: far faster than per document, and a batch is never half stored.
                if (pending.Count >= batchSize) { store.SaveDocuments(pending); pending.Clear(); }
            }
            summary.Add(outcome);
            DocumentCommands.ReportProblems(io, outcome);
            progress.Tick(summary);
            heap.Documents(summary.Total);
        }
        if (pending.Count > 0) store.SaveDocuments(pending);
        pending.Clear();
        store.ReplaceIncidents(heap.Incidents(Incidents(store, engine)));
    }

    /// <summary>Every incident of the store's events, built lazily as the store writes them.</summary>
    internal static IEnumerable<Incident> Incidents(IEventStore store, SitrepEngine engine) =>
        engine.BuildIncidents(after => store.LoadEventsOfDocuments(after, RebuildDocumentsPerRead), store.LoadEventsOnNextStartDate,
            store.LoadDuplicateLinks());

    // Documents per read while incidents are rebuilt: a few hundred rows, few round trips.
    private const int RebuildDocumentsPerRead = 200;

    private static ProcessedDocument? AlreadyStored(IEventStore store, RawDocument raw)
    {
        if (raw.Failed) return null;
        var hash = ContentHash.Of(raw);
        return store.ContainsContent(hash)
            ? new ProcessedDocument(raw.Id, raw.Path, DocumentStatus.Skipped, null, []) { SkipReason = "already in the store" }
            : null;
    }

    public static Command Events(CliIo io)
    {
        var stores = new StoreOptions();
        var from = new Option<string?>("--from") { Description = "Incidents on or after this date (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Incidents on or before this date (YYYY-MM-DD)" };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country code, e.g. SY" };
        var actor = new Option<string?>("--actor") { Description = "Actor name (matches actor1 or actor2)" };
        var type = new Option<string?>("--type") { Description = "Event type or sub-event type" };
        var near = new Option<string?>("--near") { Description = "LAT,LON,KM: incidents within KM of a point" };
        var text = new Option<string?>("--text") { Description = "Full-text query over the incidents' source articles" };
        var limit = new Option<int>("--limit") { Description = "At most this many incidents", DefaultValueFactory = _ => 10_000 };
        var format = new Option<string>("--format")
        {
            Description = "table, csv, jsonl or geojson",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv", "jsonl", "geojson");
        var command = new Command("events", "Incidents from the store, filtered") { from, to, country, actor, type, near, text, limit, format };
        stores.AddTo(command);
        command.SetAction(parse =>
        {
            var pg = stores.Postgres(parse);
            var path = parse.GetValue(stores.Db)!;
            if (pg is null && !File.Exists(path)) throw new UsageException($"no store at {path}: run `sitrep ingest` first or pass --db or --pg");
            var query = new IncidentQuery(
                SitrepCommand.ParseDate(parse.GetValue(from), "--from"),
                SitrepCommand.ParseDate(parse.GetValue(to), "--to"),
                parse.GetValue(country), parse.GetValue(actor), parse.GetValue(type),
                ParseNear(parse.GetValue(near)), parse.GetValue(text), 0, parse.GetValue(limit));
            using IEventStore store = pg is null ? SqliteStore.Open(path) : StoreOptions.OpenPostgres(pg);
            var incidents = store.QueryIncidents(query);
            var fmt = parse.GetValue(format) switch
            {
                "csv" => ExportFormat.Csv,
                "jsonl" => ExportFormat.Jsonl,
                "geojson" => ExportFormat.GeoJson,
                _ => ExportFormat.Table,
            };
            IncidentExport.Write(io.Out, incidents, fmt, SitrepEngine.Default.CountryName);
            io.Out.Flush();
            return 0;
        });
        return command;
    }

    private static (double Lat, double Lon, double Km)? ParseNear(string? value)
    {
        if (value is null) return null;
        var parts = value.Split(',');
        if (parts.Length == 3
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km > 0)
            return (lat, lon, km);
        throw new UsageException($"--near '{value}' is not LAT,LON,KM (e.g. 35.95,39.01,25)");
    }

    /// <summary>Progress on a terminal only: a line rewritten in place every few hundred documents.</summary>
    private sealed class Progress(TextWriter err)
    {
        private readonly bool _enabled = !Console.IsErrorRedirected && ReferenceEquals(err, Console.Error);
        private int _shown;

        public void Tick(RunSummary s)
        {
            if (!_enabled || s.Total - _shown < 200) return;
            _shown = s.Total;
            err.Write($"\r{s}   ");
        }

        public void Done()
        {
            if (_enabled && _shown > 0) err.Write('\n');
        }
    }
}
