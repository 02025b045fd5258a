using Sitrep.Core;

namespace Sitrep.Pipeline;

/// <summary>What happened to one input document.</summary>
public enum DocumentStatus
{
    /// <summary>Went through every stage (it may still carry non-fatal errors).</summary>
    Processed,
    /// <summary>Not processed on purpose (e.g. already in the store).</summary>
    Skipped,
    /// <summary>Could not be read or processed; <see cref="ProcessedDocument.Errors"/> says why.</summary>
    Failed,
}

/// <summary>The outcome for one input: the annotated document when there is one, and every problem met.</summary>
/// <param name="Id">Document id (from the input).</param>
/// <param name="Path">Input path the document came from.</param>
public sealed record ProcessedDocument(string Id, string Path, DocumentStatus Status, Document? Document, IReadOnlyList<string> Errors)
{
    /// <summary>Why it was skipped, when it was.</summary>
    public string? SkipReason { get; init; }
}

/// <summary>Counts of a run, so every input is accounted for.</summary>
public sealed class RunSummary
{
    private readonly List<(string Path, string Reason)> _failures = [];

    public int Processed { get; private set; }
    public int Skipped { get; private set; }
    public int Failed { get; private set; }
    /// <summary>Events of counted modality (asserted, claimed) in processed documents.</summary>
    public int Events { get; private set; }
    /// <summary>Every failure with its input path and reason.</summary>
    public IReadOnlyList<(string Path, string Reason)> Failures => _failures;
    public int Total => Processed + Skipped + Failed;

    /// <summary>Counts one outcome.</summary>
    public void Add(ProcessedDocument outcome)
    {
        switch (outcome.Status)
        {
            case DocumentStatus.Processed:
                Processed++;
                Events += outcome.Document?.Events.Count(e => e.Modality.IsCounted()) ?? 0;
                break;
            case DocumentStatus.Skipped:
                Skipped++;
                break;
            default:
                Failed++;
                _failures.Add((outcome.Path, string.Join("; ", outcome.Errors)));
                break;
        }
    }

    /// <summary>One line for humans: "5 documents: 4 processed, 0 skipped, 1 failed; 7 events".</summary>
    public override string ToString() =>
        $"{Total} documents: {Processed} processed, {Skipped} skipped, {Failed} failed; {Events} events";
}
