using System.Security.Cryptography;
using System.Text;
using Sitrep.Core;

namespace Sitrep.Incidents;

/// <summary>
/// Merges events reported by many documents into incidents, counts independent outlets and grades each incident
/// (Airwars scheme). Two reports are one incident when their sub-types are compatible, their date ranges overlap,
/// their places agree (same gazetteer id; two towns within <see cref="IncidentRules.SameTownKm"/>; "near" a town
/// within <see cref="IncidentRules.NearTownKm"/>; a region-level report and anything in its first-order division)
/// and their actors do not conflict — checked against every report already in the incident, so clusters do not
/// chain. Reports without a resolved date or without a place are never merged: each stays its own
/// incident, because nothing would keep two different undated attacks in one province apart. Output does not depend
/// on input order.
/// </summary>
public sealed partial class IncidentBuilder
{
    private static readonly IReadOnlyDictionary<string, string> NoDuplicates = new Dictionary<string, string>();

    private readonly IncidentRules _rules;
    private readonly Dictionary<string, int> _subTypeGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _subTypeKeys = new(StringComparer.Ordinal);

    /// <summary>Creates a builder with the given rules (defaults to <see cref="IncidentRules.Default"/>).</summary>
    public IncidentBuilder(IncidentRules? rules = null)
    {
        _rules = rules ?? IncidentRules.Default;
        for (var g = 0; g < _rules.CompatibleSubTypes.Count; g++)
        {
            var group = _rules.CompatibleSubTypes[g];
            foreach (var subType in group)
            {
                if (!AcledTaxonomy.EventTypeOf.TryGetValue(subType, out var type) || type != AcledTaxonomy.EventTypeOf.GetValueOrDefault(group[0]))
                    throw new ArgumentException($"compatible sub-types must be ACLED sub-types of one event type: {string.Join(", ", group)}", nameof(rules));
                _subTypeGroup[subType] = g;
            }
        }
    }

    /// <summary>Builds incidents from events, treating every document as an original.</summary>
    public IReadOnlyList<Incident> Build(IEnumerable<SourcedEvent> events) => Build(events, NoDuplicates);

    /// <summary>
    /// Builds incidents from events. <paramref name="duplicateOf"/> maps a document id to the id of the document it
    /// copies (from <see cref="NearDuplicateDetector"/>); a copy and its original count as one source.
    /// Only asserted and claimed events become incidents. Ordered by the merged event's start date (undated last), then id.
    /// </summary>
    public IReadOnlyList<Incident> Build(IEnumerable<SourcedEvent> events, IReadOnlyDictionary<string, string> duplicateOf)
    {
        var counted = new List<SourcedEvent>();
        foreach (var e in events) if (e.Event.Modality.IsCounted()) counted.Add(e);
        // A canonical order first: from here on nothing depends on the order the caller gave.
        counted.Sort(CompareForClustering);

        var hostOf = FindHostsInSameDocument(counted);
        var clusters = new List<List<SourcedEvent>>();
        var clusterOf = new Dictionary<SourcedEvent, List<SourcedEvent>>(ReferenceEqualityComparer.Instance);
        var active = new Dictionary<(string EventType, string Country), List<Cluster>>();
        foreach (var e in counted)
        {
            if (hostOf.ContainsKey(e)) continue;
            if (!IsMergeable(e.Event))
            {
                clusters.Add([e]);
                continue;
            }
            var entry = new Entry(e, SubTypeKey(e.Event.SubEventType));
            var key = (entry.EventType, e.Event.Place!.CountryCode.ToUpperInvariant());
            if (!active.TryGetValue(key, out var open)) active[key] = open = [];
            // Members arrive by start date, so a cluster that ended before this one starts can take nobody later.
            for (var i = open.Count - 1; i >= 0; i--) if (open[i].MaxEnd < entry.Start) open.RemoveAt(i);
            var home = FirstFitting(open, entry);
            if (home is null)
            {
                home = new Cluster();
                open.Add(home);
                clusters.Add(home.Members);
            }
            home.Entries.Add(entry);
            home.Members.Add(e);
            clusterOf[e] = home.Members;
            if (entry.End > home.MaxEnd) home.MaxEnd = entry.End;
        }
        foreach (var (part, host) in hostOf) clusterOf[host].Add(part);

        var drafts = new List<Draft>(clusters.Count);
        foreach (var members in clusters) drafts.Add(Summarise(members, duplicateOf));
        return AssignIds(drafts);
    }

    /// <summary>
    /// Within one document, an event lacking a resolved date or a place ("The shelling hit a residential
    /// neighbourhood") is the same incident as the document's one complete event it can be: same sub-type group,
    /// no conflicting actor, and its date or place (when it has one) agreeing. With two or more such candidates it
    /// is ambiguous and stays on its own; across documents incomplete events never merge (nothing anchors them).
    /// </summary>
    private Dictionary<SourcedEvent, SourcedEvent> FindHostsInSameDocument(List<SourcedEvent> counted)
    {
        var hostOf = new Dictionary<SourcedEvent, SourcedEvent>(ReferenceEqualityComparer.Instance);
        var byDocument = new Dictionary<string, List<SourcedEvent>>(StringComparer.Ordinal);
        foreach (var e in counted)
        {
            if (!byDocument.TryGetValue(e.Document.Id, out var list)) byDocument[e.Document.Id] = list = [];
            list.Add(e);
        }
        foreach (var events in byDocument.Values)
        {
            if (events.Count < 2) continue;
            foreach (var part in events)
                if (!IsMergeable(part.Event) && HostIndex(part.Event, events, e => e.Event) is { } host) hostOf[part] = events[host];
        }
        return hostOf;
    }

    // Index of the one complete event of a document that the incomplete `part` can join, or null (none, or ambiguous).
    private int? HostIndex<T>(ConflictEvent part, IReadOnlyList<T> documentEvents, Func<T, ConflictEvent> eventOf)
    {
        int? host = null;
        for (var i = 0; i < documentEvents.Count; i++)
        {
            var whole = eventOf(documentEvents[i]);
            if (!IsMergeable(whole) || !CanComplete(part, whole)) continue;
            if (host is not null) return null;
            host = i;
        }
        return host;
    }

    private bool CanComplete(ConflictEvent part, ConflictEvent whole)
    {
        if (SubTypeKey(part.SubEventType) != SubTypeKey(whole.SubEventType)) return false;
        if (ActorsConflict(part, whole, AcledTaxonomy.EventTypeOf.GetValueOrDefault(whole.SubEventType, ""))) return false;
        if (part.Place is not null && !PlacesAgree(part, whole)) return false;
        if (part.Date.IsResolved && (part.Date.Start > whole.Date.End || whole.Date.Start > part.Date.End)) return false;
        return true;
    }

    /// <summary>True when the two reports may describe one incident (both must be mergeable).</summary>
    public bool AreCompatible(ConflictEvent a, ConflictEvent b) =>
        IsMergeable(a) && IsMergeable(b) &&
        Fits(new Entry(new SourcedEvent(Nobody, a), SubTypeKey(a.SubEventType)),
             new Entry(new SourcedEvent(Nobody, b), SubTypeKey(b.SubEventType)));

    private static readonly DocumentMeta Nobody = new("", "");

    private static bool IsMergeable(ConflictEvent e) => e.Date.IsResolved && e.Place is not null;

    // The first open cluster (in opening order) every member of which fits the candidate.
    private Cluster? FirstFitting(List<Cluster> open, Entry entry)
    {
        foreach (var c in open)
            if (FitsAll(c.Entries, entry)) return c;
        return null;
    }

    private bool FitsAll(List<Entry> members, Entry candidate)
    {
        foreach (var m in members)
            if (!Fits(m, candidate)) return false;
        return true;
    }

    // Cheap integer tests first: most pairs differ in day or sub-type.
    private bool Fits(Entry a, Entry b) =>
        a.Start <= b.End && b.Start <= a.End && a.SubTypeKey == b.SubTypeKey &&
        PlacesAgree(a.Item.Event, b.Item.Event) && !ActorsConflict(a.Item.Event, b.Item.Event, a.EventType);

    /// <summary>Sub-types share a key exactly when they are compatible.</summary>
    private int SubTypeKey(string subType)
    {
        lock (_subTypeKeys)
        {
            if (_subTypeKeys.TryGetValue(subType, out var key)) return key;
            key = _subTypeGroup.TryGetValue(subType, out var group) ? group : _rules.CompatibleSubTypes.Count + _subTypeKeys.Count;
            _subTypeKeys[subType] = key;
            return key;
        }
    }

    private bool PlacesAgree(ConflictEvent a, ConflictEvent b)
    {
        var pa = a.Place!;
        var pb = b.Place!;
        if (!string.Equals(pa.CountryCode, pb.CountryCode, StringComparison.OrdinalIgnoreCase)) return false;
        if (pa.GeoNameId is { } ia && pb.GeoNameId is { } ib && ia == ib) return true;
        if (a.GeoPrecision <= 1 && b.GeoPrecision <= 1)
            return pa.Point.DistanceKm(pb.Point) <= _rules.SameTownKm;
        if (a.GeoPrecision <= 2 && b.GeoPrecision <= 2 && IsPoint(pa) && IsPoint(pb))
            return pa.Point.DistanceKm(pb.Point) <= _rules.NearTownKm;
        // At least one is only a region: it agrees with anything inside the same first-order division.
        if (pa.Kind == PlaceKind.Country || pb.Kind == PlaceKind.Country) return false;
        return pa.Admin1 is not null && pb.Admin1 is not null &&
               string.Equals(pa.Admin1, pb.Admin1, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsPoint(Place p) => p.Kind is PlaceKind.PopulatedPlace or PlaceKind.Feature;

    private bool ActorsConflict(ConflictEvent a, ConflictEvent b, string eventType)
    {
        var straight = Differ(a.Actor1, b.Actor1) || Differ(a.Actor2, b.Actor2);
        if (!straight) return false;
        // Sides of a clash are symmetric: outlets name either side first.
        if (eventType == AcledTaxonomy.Battles && !Differ(a.Actor1, b.Actor2) && !Differ(a.Actor2, b.Actor1))
            return false;
        return true;
    }

    private bool Differ(string? x, string? y) =>
        IsKnownActor(x) && IsKnownActor(y) && !string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    private bool IsKnownActor(string? actor)
    {
        if (string.IsNullOrWhiteSpace(actor)) return false;
        foreach (var prefix in _rules.UnknownActorPrefixes)
            if (actor.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private Draft Summarise(List<SourcedEvent> members, IReadOnlyDictionary<string, string> duplicateOf)
    {
        members.Sort(CompareBySupport);
        var best = members[0];
        var actor1 = best.Event.Actor1;
        var actor2 = best.Event.Actor2;
        var claims = ClaimsOf(members);
        int? fatMin = null, fatMax = null, injMin = null, injMax = null;
        DateOnly? earliest = null;
        foreach (var m in members)
        {
            var e = m.Event;
            if (!IsKnownActor(actor1) && IsKnownActor(e.Actor1)) actor1 = e.Actor1;
            if (!IsKnownActor(actor2) && IsKnownActor(e.Actor2)) actor2 = e.Actor2;
            fatMin = Min(fatMin, e.FatalitiesMin);
            fatMax = Max(fatMax, e.FatalitiesMax ?? e.FatalitiesMin);
            injMin = Min(injMin, e.InjuredMin);
            injMax = Max(injMax, e.InjuredMax ?? e.InjuredMin);
            if (e.Date.Start is { } s && (earliest is null || s < earliest)) earliest = s;
        }

        var sources = new List<IncidentSource>();
        var documents = new List<DocumentMeta>();
        var seenDocs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in members)
            if (seenDocs.Add(m.Document.Id)) documents.Add(m.Document);
        documents.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        foreach (var d in documents) sources.Add(new IncidentSource(d.Id, d.Source, d.Url, d.Title));
        var sourceCount = CountIndependent(documents, duplicateOf);

        var merged = best.Event with { Actor1 = actor1, Actor2 = actor2, Claims = claims };
        var (grade, reason) = Grade(members, claims, sourceCount);
        var key = IdentityKey(best, earliest, IsMergeable(best.Event));
        return new Draft(key, best, earliest, new Incident
        {
            IncidentId = "",
            Event = merged,
            Sources = sources,
            SourceCount = sourceCount,
            Grade = grade,
            GradeReason = reason,
            FatalitiesMin = fatMin,
            FatalitiesMax = fatMax,
            InjuredMin = injMin,
            InjuredMax = injMax,
        });
    }

    /// <summary>
    /// The grade of one incident reported by <paramref name="reports"/> when <paramref name="independentSources"/>
    /// outlets carried it: for sources known only by count (an incident page listing the reports it rests on).
    /// </summary>
    public (IncidentGrade Grade, string Reason) GradeOf(IReadOnlyList<SourcedEvent> reports, int independentSources)
    {
        return Grade(reports, ClaimsOf(reports), independentSources);
    }

    // Every distinct attribution the reports carry, in report order.
    private static List<string> ClaimsOf(IReadOnlyList<SourcedEvent> reports)
    {
        var claims = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in reports)
            foreach (var c in r.Event.Claims)
                if (seen.Add(c)) claims.Add(c);
        return claims;
    }

    private (IncidentGrade, string) Grade(IReadOnlyList<SourcedEvent> members, List<string> claims, int sourceCount)
    {
        foreach (var m in members)
        {
            if (m.Event.Modality == Modality.Claimed)
                return (IncidentGrade.Confirmed, $"a party to the conflict says it carried it out ({m.Document.Id})");
            foreach (var c in m.Event.Claims)
                foreach (var phrase in _rules.ResponsibilityPhrases)
                    if (c.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                        return (IncidentGrade.Confirmed, $"claim of responsibility: {c}");
        }
        if (claims.Count >= 2)
            return (IncidentGrade.Contested, $"competing attributions: {string.Join("; ", claims)}");
        foreach (var m in members)
            if (m.Event.Claims.Count > 0 && !IsKnownActor(m.Event.Actor1))
                return (IncidentGrade.Contested, $"responsibility disputed: {m.Event.Claims[0]}");
        return sourceCount >= 2
            ? (IncidentGrade.Fair, $"reported by {sourceCount} independent sources")
            : (IncidentGrade.Weak, "a single source");
    }

    private static int CountIndependent(List<DocumentMeta> documents, IReadOnlyDictionary<string, string> duplicateOf)
    {
        // Documents are one voice when they share an outlet or are copies of one original: count the groups.
        var parent = new int[documents.Count];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var key in (ReadOnlySpan<string>)[OutletKey(documents[i]), "root:" + RootOf(documents[i].Id, duplicateOf)])
            {
                if (byKey.TryGetValue(key, out var j)) Union(parent, i, j);
                else byKey[key] = i;
            }
        }
        var groups = 0;
        for (var i = 0; i < parent.Length; i++) if (Find(parent, i) == i) groups++;
        return groups;
    }

    /// <summary>The outlet a document speaks for: its source name, else its URL's host, else the document itself.</summary>
    public static string OutletKey(DocumentMeta document)
    {
        if (!string.IsNullOrWhiteSpace(document.Source)) return "source:" + document.Source.Trim().ToLowerInvariant();
        if (document.Url is not null && Uri.TryCreate(document.Url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.Host.ToLowerInvariant();
            return "host:" + (host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
        }
        return "doc:" + document.Id;
    }

    private static string RootOf(string id, IReadOnlyDictionary<string, string> duplicateOf)
    {
        // Bounded walk: a cycle in the caller's map must not hang the build.
        for (var hops = 0; hops < 64 && duplicateOf.TryGetValue(id, out var next) && next != id; hops++) id = next;
        return id;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }

    private static string IdentityKey(SourcedEvent best, DateOnly? earliest, bool mergeable)
    {
        var e = best.Event;
        var place = e.Place switch
        {
            null => "noplace",
            { GeoNameId: { } id } => "gn:" + id,
            var p => $"{p.CountryCode}:{p.Admin1}:{p.Name}".ToLowerInvariant(),
        };
        var key = $"{e.SubEventType}|{(earliest is { } d ? d.ToString("yyyy-MM-dd") : "undated")}|{place}";
        // A report that could not be merged is identified by the report itself.
        return mergeable ? key : $"{key}|{best.Document.Id}|{e.Trigger.Start}";
    }

    private static IReadOnlyList<Incident> AssignIds(List<Draft> drafts)
    {
        drafts.Sort(CompareCanonically);
        var dated = new List<(DateOnly? Date, Incident Incident)>(drafts.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in drafts)
        {
            var incident = Named(d, used);
            // Listed by the merged event's date, the same order the store's queries give.
            dated.Add((incident.Event.Date.Start, incident));
        }
        dated.Sort((x, y) =>
        {
            var c = CompareNullableLast(x.Date, y.Date);
            return c != 0 ? c : string.CompareOrdinal(x.Incident.IncidentId, y.Incident.IncidentId);
        });
        var incidents = new Incident[dated.Count];
        for (var i = 0; i < incidents.Length; i++) incidents[i] = dated[i].Incident;
        return incidents;
    }

    // Key, then best report: the order in which the drafts of one key are told apart.
    private static int CompareCanonically(Draft x, Draft y)
    {
        var c = string.CompareOrdinal(x.Key, y.Key);
        return c != 0 ? c : CompareForClustering(x.Best, y.Best);
    }

    // Drafts must come in canonical order (key, then best report), so the first of a key keeps the plain hash.
    private static Incident Named(Draft d, HashSet<string> used)
    {
        var id = Hash(d.Key);
        // Two incidents with one key (same type, day and place, conflicting actors): the later one in canonical
        // order is told apart by its best report.
        for (var n = 0; !used.Add(id); n++) id = Hash($"{d.Key}|{d.Best.Document.Id}|{d.Best.Event.Trigger.Start}|{n}");
        return d.Incident with { IncidentId = id };
    }

    private static string Hash(string key) =>
        "inc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static int CompareForClustering(SourcedEvent x, SourcedEvent y)
    {
        var c = CompareNullableLast(x.Event.Date.Start, y.Event.Date.Start);
        if (c != 0) return c;
        c = CompareNullableLast(x.Event.Date.End, y.Event.Date.End);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Event.SubEventType, y.Event.SubEventType);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Document.Id, y.Document.Id);
        if (c != 0) return c;
        c = x.Event.Trigger.Start.CompareTo(y.Event.Trigger.Start);
        if (c != 0) return c;
        c = x.Event.Trigger.End.CompareTo(y.Event.Trigger.End);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Event.Place?.Name, y.Event.Place?.Name);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Event.Actor1, y.Event.Actor1);
        return c != 0 ? c : string.CompareOrdinal(x.Event.Actor2, y.Event.Actor2);
    }

    private int CompareBySupport(SourcedEvent x, SourcedEvent y)
    {
        // Best-supported first: the most precise date, then the most precise place, then the most specific actors.
        var c = GranularityRank(x.Event.Date).CompareTo(GranularityRank(y.Event.Date));
        if (c != 0) return c;
        c = DaySpan(x.Event.Date).CompareTo(DaySpan(y.Event.Date));
        if (c != 0) return c;
        c = PlaceRank(x.Event).CompareTo(PlaceRank(y.Event));
        if (c != 0) return c;
        c = KnownActors(y.Event).CompareTo(KnownActors(x.Event));
        if (c != 0) return c;
        c = y.Event.Evidence.Count.CompareTo(x.Event.Evidence.Count);
        return c != 0 ? c : CompareForClustering(x, y);
    }

    private static int GranularityRank(ResolvedDate d) => d.Granularity == DateGranularity.Unknown ? 99 : (int)d.Granularity;

    private static int DaySpan(ResolvedDate d) =>
        d is { Start: { } s, End: { } e } ? e.DayNumber - s.DayNumber : int.MaxValue;

    private static int PlaceRank(ConflictEvent e) => e.Place is null ? 99 : e.GeoPrecision * 10 + (int)e.Place.Kind;

    private int KnownActors(ConflictEvent e) => (IsKnownActor(e.Actor1) ? 1 : 0) + (IsKnownActor(e.Actor2) ? 1 : 0);

    private static int CompareNullableLast<T>(T? x, T? y) where T : struct, IComparable<T> =>
        x is null ? (y is null ? 0 : 1) : y is null ? -1 : x.Value.CompareTo(y.Value);

    private sealed class Cluster
    {
        public List<SourcedEvent> Members { get; } = [];
        public List<Entry> Entries { get; } = [];
        public int MaxEnd { get; set; } = int.MinValue;
        /// <summary>Earliest start day of any member, parts included (streaming build only).</summary>
        public int Reach { get; set; } = int.MaxValue;
    }

    /// <summary>A mergeable report with the fields clustering compares often, computed once.</summary>
    private sealed class Entry(SourcedEvent item, int subTypeKey)
    {
        public SourcedEvent Item { get; } = item;
        public int SubTypeKey { get; } = subTypeKey;
        public string EventType { get; } = item.Event.EventType;
        public int Start { get; } = item.Event.Date.Start!.Value.DayNumber;
        public int End { get; } = item.Event.Date.End!.Value.DayNumber;
    }

    private sealed record Draft(string Key, SourcedEvent Best, DateOnly? Earliest, Incident Incident);
}
