using Sitrep.Core;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Cli;

/// <summary>
/// <c>sitrep ingest --pg</c>: one worker of many. It queues the inputs it reads (by content hash, so workers given the
/// same files queue each once), then claims batches nobody else holds, processes them and commits each batch's
/// documents together with its claim. A killed worker's open batch is rolled back and claimed again by any worker;
/// committed batches are never redone. Last, each worker rebuilds incidents under a store-wide lock, so the worker
/// that finishes last leaves incidents that cover every document.
/// </summary>
internal static class PostgresIngest
{
    /// <summary>Runs the worker; problems go to stderr as they happen, counts into <paramref name="summary"/>.</summary>
    public static void Run(CliIo io, PostgresStore store, SitrepEngine engine, IEnumerable<RawDocument> raws, int batchSize,
        RunSummary summary, Action tick)
    {
        var worker = $"{Environment.MachineName}/{Environment.ProcessId}";
        var (read, queued) = Enqueue(io, store, raws, batchSize, summary);

        var fingerprints = new DuplicateTracker();
        while (store.Claim(batchSize) is { Count: > 0 } claimed)
        {
            try
            {
                var documents = new List<DocumentToStore>(claimed.Count);
                var failures = new Dictionary<string, string>(StringComparer.Ordinal);
                var outcomes = BatchRunner.Run(claimed.Select(c => c.Raw), engine.Pipeline.Process, batchSize: claimed.Count);
                foreach (var (input, outcome) in claimed.Zip(outcomes))
                {
                    // Copy links are left to the rebuild: other workers' documents of this moment are not visible here.
                    if (outcome is { Status: DocumentStatus.Processed, Document: { } doc })
                        documents.Add(new DocumentToStore(doc, null, fingerprints.Fingerprint(doc)));
                    else
                        failures[input.ContentHash] = outcome.Errors.Count > 0 ? string.Join("; ", outcome.Errors) : "not processed";
                    summary.Add(outcome);
                    DocumentCommands.ReportProblems(io, outcome);
                    tick();
                }
                store.Complete(claimed, documents, failures, worker);
            }
            catch
            {
                store.Release();
                throw;
            }
        }

        store.RebuildIncidents(() =>
        {
            store.UpdateDuplicateLinks(DuplicateTracker.Relink(store.LoadFingerprints()));
            return StoreCommands.Incidents(store, engine);
        });
        var queue = store.QueueCounts();
        io.Err.WriteLine($"queue: {read} inputs read, {queued} newly queued; {queue.Pending} waiting, {queue.Done} done, {queue.Failed} failed");
    }

    private static (int Read, int Queued) Enqueue(CliIo io, PostgresStore store, IEnumerable<RawDocument> raws, int batchSize,
        RunSummary summary)
    {
        var read = 0;
        var queued = 0;
        var chunk = new List<(RawDocument, string)>(batchSize);
        foreach (var raw in raws)
        {
            if (raw.Failed)
            {
                // Nothing to queue: the input could not even be read here.
                var failed = new ProcessedDocument(raw.Id, raw.Path, DocumentStatus.Failed, null, raw.Errors);
                summary.Add(failed);
                DocumentCommands.ReportProblems(io, failed);
                continue;
            }
            read++;
            chunk.Add((raw, ContentHash.Of(raw)));
            if (chunk.Count < batchSize) continue;
            queued += store.Enqueue(chunk);
            chunk.Clear();
        }
        if (chunk.Count > 0) queued += store.Enqueue(chunk);
        return (read, queued);
    }
}
