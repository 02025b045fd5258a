using Sitrep.Core;

namespace Sitrep.Pipeline;

/// <summary>
/// Processes a stream of raw documents in bounded batches: documents are read in order, each batch is processed in
/// parallel, and outcomes come out in input order. Memory stays flat however long the input is.
/// </summary>
public static class BatchRunner
{
    /// <summary>Default documents per batch: enough to keep the cores busy, small enough to bound memory.</summary>
    public const int DefaultBatchSize = 64;

    /// <summary>
    /// Runs <paramref name="process"/> over <paramref name="inputs"/>. <paramref name="preCheck"/> runs first,
    /// sequentially and in order, and may settle a document without processing (e.g. "already stored" → skipped).
    /// </summary>
    public static IEnumerable<ProcessedDocument> Run(
        IEnumerable<RawDocument> inputs,
        Func<RawDocument, ProcessedDocument> process,
        Func<RawDocument, ProcessedDocument?>? preCheck = null,
        int batchSize = DefaultBatchSize,
        int? degreeOfParallelism = null,
        CancellationToken cancellationToken = default)
    {
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        var batch = new List<RawDocument>(batchSize);
        foreach (var raw in inputs)
        {
            batch.Add(raw);
            if (batch.Count < batchSize) continue;
            foreach (var outcome in RunBatch(batch, process, preCheck, options)) yield return outcome;
            batch.Clear();
        }
        foreach (var outcome in RunBatch(batch, process, preCheck, options)) yield return outcome;
    }

    private static ProcessedDocument[] RunBatch(List<RawDocument> batch, Func<RawDocument, ProcessedDocument> process,
        Func<RawDocument, ProcessedDocument?>? preCheck, ParallelOptions options)
    {
        var results = new ProcessedDocument?[batch.Count];
        if (preCheck is not null)
            for (var i = 0; i < batch.Count; i++) results[i] = preCheck(batch[i]);
        Parallel.For(0, batch.Count, options, i =>
        {
            if (results[i] is null) results[i] = process(batch[i]);
        });
        return results!;
    }
}
