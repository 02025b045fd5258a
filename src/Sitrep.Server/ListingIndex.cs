using System.Collections.Concurrent;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// Every incident's listing columns (dates, country, type, grade, actors) as small integers in listing order, built
/// once per store version from the map's points. A listing filtered by date, country, actor, type or grade is then a
/// scan of arrays, and its total and page come from the same scan; only the page's incidents are read from the store.
/// Text and distance filters are left to the store (<see cref="Answers"/>), which has the full-text and
/// coordinates index for them. The filters mean exactly what the store's SQL means (IEventStore's listing order: by
/// first day, undated last, then id; a date filter drops undated incidents).
/// </summary>
public sealed class ListingIndex
{
    /// <summary>Positions remembered over all filter sets before the memory starts again (a bound on memory).</summary>
    public const int MaxRememberedPositions = 4_000_000;

    private const int Undated = int.MinValue;
    private readonly string[] _ids;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly int[] _country;
    private readonly int[] _subType;
    private readonly byte[] _grade;
    private readonly int[] _actor1;
    private readonly int[] _actor2;
    private readonly string[] _countries;
    private readonly string[] _subTypes;
    private readonly string[] _actors;
    private readonly bool _actorsAscii;
    private readonly bool _typesAscii;
    private readonly object _gate = new();
    private ConcurrentDictionary<IncidentQuery, int[]> _matches = new();
    private long _remembered;

    /// <summary>The index of <paramref name="points"/>, which must be in the store's listing order (as the store lists them).</summary>
    public ListingIndex(IReadOnlyList<IncidentPoint> points)
    {
        var n = points.Count;
        _ids = new string[n];
        _start = new int[n];
        _end = new int[n];
        _country = new int[n];
        _subType = new int[n];
        _grade = new byte[n];
        _actor1 = new int[n];
        _actor2 = new int[n];
        var countries = new Names();
        var subTypes = new Names();
        var actors = new Names();
        for (var i = 0; i < n; i++)
        {
            var p = points[i];
            _ids[i] = p.IncidentId;
            _start[i] = p.Date?.DayNumber ?? Undated;
            _end[i] = p.DateEnd?.DayNumber ?? Undated;
            _country[i] = countries.Of(p.Country);
            _subType[i] = subTypes.Of(p.SubEventType);
            _grade[i] = (byte)p.Grade;
            _actor1[i] = actors.Of(p.Actor1);
            _actor2[i] = actors.Of(p.Actor2);
        }
        (_countries, _subTypes, _actors) = (countries.All, subTypes.All, actors.All);
        _actorsAscii = _actors.All(IsAscii);
        _typesAscii = _subTypes.All(IsAscii);
    }

    /// <summary>Every incident's id, in listing order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>
    /// True when the filters of <paramref name="query"/> are ones this index answers as the store would: not text or
    /// distance, and an actor or type filter only when it and every stored name it is compared with are ASCII (SQLite
    /// and PostgreSQL lower-case other letters differently, so those stay with the store that is asked).
    /// </summary>
    public bool Answers(IncidentQuery query) =>
        query.Near is null && string.IsNullOrWhiteSpace(query.Text)
        && (string.IsNullOrWhiteSpace(query.Actor) || (_actorsAscii && IsAscii(query.Actor)))
        && (string.IsNullOrWhiteSpace(query.Type) || (_typesAscii && IsAscii(query.Type)));

    /// <summary>The total of <paramref name="query"/>'s filters and the ids of its page (offset and limit), in listing order.</summary>
    public (int Total, string[] Ids) Page(IncidentQuery query)
    {
        if (!Answers(query)) throw new ArgumentException("text and distance filters are the store's to answer", nameof(query));
        var matches = Matching(query);
        var offset = Math.Clamp(query.Offset, 0, matches.Length);
        var count = Math.Clamp(query.Limit, 0, matches.Length - offset);
        var ids = new string[count];
        for (var k = 0; k < count; k++) ids[k] = _ids[matches[offset + k]];
        return (matches.Length, ids);
    }

    private int[] Matching(IncidentQuery query)
    {
        var key = query with { Offset = 0, Limit = int.MaxValue };
        ConcurrentDictionary<IncidentQuery, int[]> memory;
        lock (_gate)
        {
            if (_remembered >= MaxRememberedPositions) (_matches, _remembered) = (new(), 0);
            memory = _matches;
        }
        if (memory.TryGetValue(key, out var found)) return found;
        var matches = Scan(key);
        if (memory.TryAdd(key, matches)) Interlocked.Add(ref _remembered, matches.Length + 1);
        return matches;
    }

    private int[] Scan(IncidentQuery q)
    {
        // Names are turned into tables of which interned values pass, so the scan compares integers only.
        int? country = string.IsNullOrWhiteSpace(q.Country) ? null : Index(_countries, q.Country.Trim().ToUpperInvariant());
        var type = string.IsNullOrWhiteSpace(q.Type) ? null : TypeTable(q.Type.Trim());
        var actor = string.IsNullOrWhiteSpace(q.Actor) ? null : ActorTable(q.Actor.Trim());
        var from = q.From?.DayNumber;
        var to = q.To?.DayNumber;
        var grade = q.Grade is { } g ? (int)g : -1;
        if (country == -1) return [];
        var result = new List<int>();
        for (var i = 0; i < _ids.Length; i++)
        {
            if (from is { } f && (_end[i] == Undated || _end[i] < f || _start[i] == Undated)) continue;
            if (to is { } t && (_start[i] == Undated || _start[i] > t)) continue;
            if (country is { } c && _country[i] != c) continue;
            if (type is not null && !type[_subType[i]]) continue;
            if (grade >= 0 && _grade[i] != grade) continue;
            if (actor is not null && !(Passes(actor, _actor1[i]) || Passes(actor, _actor2[i]))) continue;
            result.Add(i);
        }
        return [.. result];
    }

    private static bool Passes(bool[] table, int name) => name >= 0 && table[name];

    // The store: LOWER(event_type) = type OR LOWER(sub_event_type) = type, with the type lower-cased.
    private bool[] TypeTable(string type)
    {
        var wanted = type.ToLowerInvariant();
        return [.. _subTypes.Select(s => s.ToLowerInvariant() == wanted || AcledEventType(s).ToLowerInvariant() == wanted)];
    }

    private static string AcledEventType(string subType) =>
        AcledTaxonomy.EventTypeOf.TryGetValue(subType, out var t) ? t : AcledTaxonomy.StrategicDevelopments;

    // The store: LOWER(actor) LIKE '%actor%' (case-insensitive substring); only asked for ASCII, see Answers.
    private bool[] ActorTable(string actor) =>
        [.. _actors.Select(a => a.Contains(actor, StringComparison.OrdinalIgnoreCase))];

    private static int Index(string[] names, string name) => Array.IndexOf(names, name);

    private static bool IsAscii(string s) => s.All(char.IsAscii);

    /// <summary>Interns names as small integers (-1 for none).</summary>
    private sealed class Names
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _names = [];

        public string[] All => [.. _names];

        public int Of(string? name)
        {
            if (name is null) return -1;
            if (_index.TryGetValue(name, out var i)) return i;
            _names.Add(name);
            return _index[name] = _names.Count - 1;
        }
    }
}
