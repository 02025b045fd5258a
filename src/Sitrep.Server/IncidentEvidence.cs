using Sitrep.Core;

namespace Sitrep.Server;

/// <summary>
/// Where in one source document an incident is reported: the evidence ranges of the document's events that the
/// incident was built from, and the sentences holding them. The store keeps which documents report an incident but
/// not which of their events, so the events are picked again by what merging requires of them: counted modality, the
/// incident's event type, overlapping dates and the same country (when both sides have one).
/// </summary>
public static class IncidentEvidence
{
    /// <summary>Evidence ranges and the sentences that contain them, each sorted and merged where they overlap.</summary>
    public static (IReadOnlyList<TextRange> Evidence, IReadOnlyList<TextRange> Sentences) In(Incident incident, Document document)
    {
        var events = document.Events.Where(e => e.Modality.IsCounted() && e.EventType == incident.Event.EventType).ToList();
        var matching = events.Where(e => Agrees(incident.Event, e)).ToList();
        // A report whose date or place was coded differently still belongs to the incident: show its type's events.
        if (matching.Count == 0) matching = events;
        var evidence = Merge(matching.SelectMany(e => e.Evidence).Where(r => !r.IsEmpty && r.End <= document.Text.Length));
        var sentences = Merge(evidence.Select(r => SentenceAround(document, r)));
        return (evidence, sentences);
    }

    private static bool Agrees(ConflictEvent incident, ConflictEvent e)
    {
        if (incident.Date.IsResolved && e.Date.IsResolved && !incident.Date.Overlaps(e.Date)) return false;
        var a = incident.Place?.CountryCode;
        var b = e.Place?.CountryCode;
        return a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static TextRange SentenceAround(Document document, TextRange range)
    {
        if (document.SentenceCount == 0) return range;
        var first = document.SentenceIndexAt(range.Start);
        var last = document.SentenceIndexAt(Math.Max(range.Start, range.End - 1));
        if (first < 0 || last < 0) return range;
        return range.Union(document.Sentence(first).Range).Union(document.Sentence(last).Range);
    }

    private static List<TextRange> Merge(IEnumerable<TextRange> ranges)
    {
        var merged = new List<TextRange>();
        foreach (var r in ranges.OrderBy(r => r.Start).ThenBy(r => r.End))
        {
            if (merged.Count > 0 && merged[^1].End >= r.Start) merged[^1] = merged[^1].Union(r);
            else merged.Add(r);
        }
        return merged;
    }
}
