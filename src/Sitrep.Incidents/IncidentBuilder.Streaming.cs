using Sitrep.Core;

namespace Sitrep.Incidents;

public sealed partial class IncidentBuilder
{
    /// <summary>
    /// The incidents <see cref="Build(IEnumerable{SourcedEvent}, IReadOnlyDictionary{string, string})"/> gives (same
    /// ids, members, ranges and grades; in no particular order), built from a store a few documents and one start date
    /// at a time, so memory holds only the clusters still open rather than every event. Events are identified by their
    /// document id and ordinal, which both readers must report alike.
    /// </summary>
    /// <param name="eventsOfDocumentsAfter">Every event (all modalities) of the next few documents by id after the
    /// given id (null: from the first), each document whole and contiguous; empty when none is left.</param>
    /// <param name="eventsOnNextStartDate">Every event whose date starts on the first start date after the given one
    /// (null: the earliest); empty when none is left.</param>
    /// <param name="duplicateOf">Document id → the original it copies, as for <see cref="Build(IEnumerable{SourcedEvent}, IReadOnlyDictionary{string, string})"/>.</param>
    public IEnumerable<Incident> BuildStreaming(
        Func<string?, IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)>> eventsOfDocumentsAfter,
        Func<DateOnly?, IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)>> eventsOnNextStartDate,
        IReadOnlyDictionary<string, string> duplicateOf)
    {
        // Pass 1, by document: incomplete events join their document's one complete event (kept until that event
        // comes by date) or stand alone, and those are finished at once.
        var parts = new Dictionary<(string Document, int Ordinal), List<SourcedEvent>>();
        var reachBack = new List<(int HostStart, int PartStart)>();
        string? afterDocument = null;
        while (eventsOfDocumentsAfter(afterDocument) is { Count: > 0 } chunk)
        {
            var first = 0;
            for (var i = 1; i <= chunk.Count; i++)
            {
                if (i < chunk.Count && chunk[i].Document.Id == chunk[first].Document.Id) continue;
                foreach (var incident in AttachParts(chunk, first, i, parts, reachBack, duplicateOf)) yield return incident;
                first = i;
            }
            if (afterDocument is not null && string.CompareOrdinal(chunk[^1].Document.Id, afterDocument) == 0)
                throw new InvalidOperationException($"the document reader returned document {afterDocument} again");
            afterDocument = chunk[^1].Document.Id;
        }

        // A host that starts later than one of its parts makes its incident's identity date earlier than the day it
        // comes by: the lowest such date among hosts still to come bounds the identity date of any later incident.
        reachBack.Sort((x, y) => x.HostStart.CompareTo(y.HostStart));
        var laterReach = new int[reachBack.Count + 1];
        laterReach[^1] = int.MaxValue;
        for (var i = reachBack.Count - 1; i >= 0; i--) laterReach[i] = Math.Min(laterReach[i + 1], reachBack[i].PartStart);

        // Pass 2, by start date: the clustering of Build, closing clusters once no later report can join them.
        var live = new Dictionary<(string EventType, string Country), List<Cluster>>();
        // Finished incidents by identity date, held until no other incident can share their key (ids need the rank
        // of a draft among the drafts of its key).
        var pending = new SortedDictionary<int, Dictionary<string, List<Draft>>>();
        var nextReach = 0;
        DateOnly? afterDate = null;
        while (eventsOnNextStartDate(afterDate) is { Count: > 0 } chunk)
        {
            var date = chunk[0].Event.Date.Start
                ?? throw new InvalidOperationException($"the date reader returned an undated event of document {chunk[0].Document.Id}");
            if (afterDate is { } previous && date <= previous)
                throw new InvalidOperationException($"the date reader went back from {previous:yyyy-MM-dd} to {date:yyyy-MM-dd}");
            var day = date.DayNumber;
            foreach (var open in live.Values)
            {
                var kept = 0;
                for (var i = 0; i < open.Count; i++)
                {
                    if (open[i].MaxEnd < day) Finish(open[i], pending, duplicateOf);
                    else open[kept++] = open[i];
                }
                open.RemoveRange(kept, open.Count - kept);
            }
            while (nextReach < reachBack.Count && reachBack[nextReach].HostStart < day) nextReach++;
            foreach (var incident in Flush(pending, Math.Min(day, laterReach[nextReach]), live)) yield return incident;

            var items = new List<(SourcedEvent Item, int Ordinal)>(chunk.Count);
            foreach (var (document, ordinal, e) in chunk)
            {
                if (e.Date.Start != date)
                    throw new InvalidOperationException($"the date reader mixed start dates {date:yyyy-MM-dd} and {e.Date.Start:yyyy-MM-dd}");
                if (e.Modality.IsCounted() && IsMergeable(e)) items.Add((new SourcedEvent(document, e), ordinal));
            }
            // The canonical order of Build within one day; earlier days are done.
            items.Sort((x, y) => CompareForClustering(x.Item, y.Item));
            foreach (var (item, ordinal) in items)
            {
                var entry = new Entry(item, SubTypeKey(item.Event.SubEventType));
                var key = (entry.EventType, item.Event.Place!.CountryCode.ToUpperInvariant());
                if (!live.TryGetValue(key, out var open)) live[key] = open = [];
                var home = FirstFitting(open, entry);
                if (home is null) open.Add(home = new Cluster());
                home.Entries.Add(entry);
                home.Members.Add(item);
                if (entry.End > home.MaxEnd) home.MaxEnd = entry.End;
                home.Reach = Math.Min(home.Reach, entry.Start);
                if (parts.Remove((item.Document.Id, ordinal), out var joined))
                {
                    home.Members.AddRange(joined);
                    foreach (var p in joined)
                        if (p.Event.Date.Start is { } s) home.Reach = Math.Min(home.Reach, s.DayNumber);
                }
            }
            afterDate = date;
        }
        if (parts.Count > 0)
        {
            var (document, ordinal) = parts.Keys.First();
            throw new InvalidOperationException($"the date reader never returned event {ordinal} of document {document}, which other events join");
        }
        foreach (var open in live.Values)
            foreach (var c in open) Finish(c, pending, duplicateOf);
        live.Clear();
        foreach (var incident in Flush(pending, int.MaxValue, live)) yield return incident;
    }

    // One document's events [from, to): incomplete ones join their host (recorded in `parts`) or become incidents alone.
    private IEnumerable<Incident> AttachParts(IReadOnlyList<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> chunk,
        int from, int to, Dictionary<(string, int), List<SourcedEvent>> parts, List<(int, int)> reachBack,
        IReadOnlyDictionary<string, string> duplicateOf)
    {
        var counted = new List<(SourcedEvent Item, int Ordinal)>(to - from);
        for (var i = from; i < to; i++)
            if (chunk[i].Event.Modality.IsCounted()) counted.Add((new SourcedEvent(chunk[i].Document, chunk[i].Event), chunk[i].Ordinal));
        var alone = new List<Draft>();
        foreach (var (part, _) in counted)
        {
            if (IsMergeable(part.Event)) continue;
            if (counted.Count >= 2 && HostIndex(part.Event, counted, c => c.Item.Event) is { } h)
            {
                var (host, hostOrdinal) = counted[h];
                if (!parts.TryGetValue((host.Document.Id, hostOrdinal), out var list)) parts[(host.Document.Id, hostOrdinal)] = list = [];
                list.Add(part);
                var hostStart = host.Event.Date.Start!.Value.DayNumber;
                if (part.Event.Date.Start is { } s && s.DayNumber < hostStart) reachBack.Add((hostStart, s.DayNumber));
            }
            else
            {
                alone.Add(Summarise([part], duplicateOf));
            }
        }
        // Their keys name the document, so no other document's incident can share one.
        alone.Sort(CompareCanonically);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in alone) yield return Named(d, used);
    }

    private void Finish(Cluster c, SortedDictionary<int, Dictionary<string, List<Draft>>> pending,
        IReadOnlyDictionary<string, string> duplicateOf)
    {
        var draft = Summarise(c.Members, duplicateOf);
        var day = draft.Earliest!.Value.DayNumber;
        if (!pending.TryGetValue(day, out var byKey)) pending[day] = byKey = new Dictionary<string, List<Draft>>(StringComparer.Ordinal);
        if (!byKey.TryGetValue(draft.Key, out var drafts)) byKey[draft.Key] = drafts = [];
        drafts.Add(draft);
    }

    // Names and releases the drafts of every identity date before `bound` that no open cluster can still take: an
    // open cluster's identity date is its current reach when that is before `bound` (later members reach no further back).
    private static IEnumerable<Incident> Flush(SortedDictionary<int, Dictionary<string, List<Draft>>> pending, int bound,
        Dictionary<(string, string), List<Cluster>> live)
    {
        var blocked = new HashSet<int>();
        foreach (var open in live.Values)
            foreach (var c in open)
                if (c.Reach < bound) blocked.Add(c.Reach);
        var done = new List<int>();
        foreach (var day in pending.Keys)
        {
            if (day >= bound) break;
            if (blocked.Contains(day)) continue;
            done.Add(day);
        }
        foreach (var day in done)
        {
            foreach (var drafts in pending[day].Values)
            {
                drafts.Sort(CompareCanonically);
                var used = new HashSet<string>(StringComparer.Ordinal);
                foreach (var d in drafts) yield return Named(d, used);
            }
            pending.Remove(day);
        }
    }
}
