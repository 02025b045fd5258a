using Sitrep.Core;

namespace Sitrep.Cli;

/// <summary>
/// With the environment variable <see cref="Variable"/> set, <c>ingest</c> writes a line on stderr every
/// <see cref="DocumentsPerLine"/> documents and every <see cref="IncidentsPerLine"/> incidents rebuilt: managed heap,
/// GC-committed memory and resident set size, to see what grows during a long ingest (bench/ingest-memory).
/// </summary>
internal sealed class HeapLog(TextWriter err)
{
    /// <summary>The environment variable that turns the log on.</summary>
    public const string Variable = "SITREP_HEAP_LOG";

    /// <summary>Documents between two lines.</summary>
    public const int DocumentsPerLine = 5000;

    /// <summary>Incidents between two lines during the rebuild.</summary>
    public const int IncidentsPerLine = 50_000;

    private readonly bool _enabled = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Logs when <paramref name="documents"/> (the running count) reaches a multiple of <see cref="DocumentsPerLine"/>.</summary>
    public void Documents(int documents)
    {
        if (_enabled && documents % DocumentsPerLine == 0) Write($"{documents} documents");
    }

    /// <summary>The same incidents, logging as they are enumerated.</summary>
    public IEnumerable<Incident> Incidents(IEnumerable<Incident> incidents) => _enabled ? Logged(incidents) : incidents;

    private IEnumerable<Incident> Logged(IEnumerable<Incident> incidents)
    {
        var n = 0;
        foreach (var incident in incidents)
        {
            if (++n % IncidentsPerLine == 0) Write($"{n} incidents");
            yield return incident;
        }
        Write($"{n} incidents, done");
    }

    private void Write(string at)
    {
        const long mb = 1 << 20;
        var info = GC.GetGCMemoryInfo();
        err.WriteLine($"heap: {at}: managed {GC.GetTotalMemory(false) / mb} MB, GC heap {info.HeapSizeBytes / mb} MB, " +
                      $"committed {info.TotalCommittedBytes / mb} MB, rss {Environment.WorkingSet / mb} MB, gen2 GCs {GC.CollectionCount(2)}");
    }
}
