using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sitrep.Core;

namespace Sitrep.Places;

/// <summary>
/// Place names → gazetteer places: GeoNames cities500 towns, curated countries, admin1 areas and conflict-news
/// features (oil fields, dams, camps, crossings), looked up by a folded key that ignores case, diacritics,
/// apostrophes, hyphens and Arabic article variants, and for multi-word names that match nothing else by a loose
/// transliteration key. Parsed once per build and then loaded from a binary cache (<see cref="GazetteerCache"/>).
/// </summary>
public sealed class Gazetteer
{
    private const int MaxKey = 128;
    // About the number of distinct keys of the embedded data (names plus article-free forms); a sizing hint only.
    private const int DefaultKeyCount = 800_000;
    private static readonly Lazy<Gazetteer> Default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly List<Place> _places = [];
    private readonly List<EntryFlags> _flags = [];
    // Set when loaded from the cache: places stay in flat columns and become Place records on first use.
    private PlaceColumns? _columns;
    // The name index: 64-bit hashes of folded keys, sorted, each owning a run of entries in _postings. Hashes
    // rather than strings so the index is three flat arrays — cheap to build, and loaded from the cache as is.
    private readonly List<(ulong Key, int Entry)> _pending;
    private ulong[] _keys = [];
    // _keys[_directory[b].._directory[b + 1]) are the keys whose top DirectoryBits bits are b: a lookup reads one
    // directory slot and searches a few keys instead of binary-searching 800,000 (twenty probes, most cache misses).
    private int[] _directory = new int[(1 << DirectoryBits) + 1];
    private const int DirectoryBits = 17;
    private int[] _starts = [0];
    private int[] _postings = [];
    private readonly Dictionary<string, Place> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _countryEntries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _demonyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _demonymLookup;
    private readonly Dictionary<string, string> _admin1Names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stopList = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopLookup;
    private readonly List<string> _unmatchedAliases = [];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _admin1Lookup;
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _codeLookup;

    [Flags]
    internal enum EntryFlags : byte { None = 0, NationalCapital = 1, Admin1Capital = 2, Area = 4 }

    private Gazetteer(int expectedKeys)
    {
        // Sized up front: rehashing a million-key dictionary dominated load time.
        _pending = new List<(ulong, int)>(expectedKeys);
        _demonymLookup = _demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
        _stopLookup = _stopList.GetAlternateLookup<ReadOnlySpan<char>>();
        _admin1Lookup = _admin1Names.GetAlternateLookup<ReadOnlySpan<char>>();
        _codeLookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>One string instance per country code, without allocating per row.</summary>
    private string Shared(ReadOnlySpan<char> code)
    {
        ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(_codeLookup, code, out var exists);
        if (!exists) s = code.ToString();
        return s!;
    }

    /// <summary>Number of places (towns, areas, countries, features).</summary>
    public int Count => _columns?.Count ?? _places.Count;

    /// <summary>The embedded default gazetteer, loaded once per process.</summary>
    public static Gazetteer LoadDefault() => Default.Value;

    /// <summary>
    /// Builds a gazetteer from readers in the data/gazetteer formats (places.tsv rows; countries.tsv, admin1.tsv,
    /// features.tsv, aliases.tsv, stoplist.txt and admin2 rows in the places.tsv format are optional).
    /// </summary>
    public static Gazetteer Load(TextReader places, TextReader? countries = null, TextReader? admin1 = null,
        TextReader? features = null, TextReader? aliases = null, TextReader? stopList = null, TextReader? admin2 = null)
        => Load(places, countries, admin1, features, aliases, stopList, admin2, expectedKeys: 0);

    private static Gazetteer Load(TextReader places, TextReader? countries, TextReader? admin1,
        TextReader? features, TextReader? aliases, TextReader? stopList, TextReader? admin2, int expectedKeys)
    {
        var g = new Gazetteer(expectedKeys);
        if (admin1 is not null) g.ReadAdmin1(admin1);
        g.ReadPlaces(places);
        if (admin2 is not null) g.ReadPlaces(admin2);
        if (countries is not null) g.ReadCountries(countries);
        if (features is not null) g.ReadFeatures(features);
        g.Freeze();
        if (aliases is not null)
        {
            g.ReadAliases(aliases);
            g.Freeze();
        }
        if (stopList is not null) g.ReadStopList(stopList);
        g._pending.Clear();
        g._pending.TrimExcess();
        return g;
    }

    private static Gazetteer LoadEmbedded()
    {
        var cache = GazetteerCache.PathFor(typeof(Gazetteer).Module.ModuleVersionId);
        if (cache is not null && GazetteerCache.TryRead(cache, out var cached)) return cached;
        var g = ParseEmbedded();
        if (cache is not null) GazetteerCache.TryWrite(cache, g);
        return g;
    }

    /// <summary>Parses the embedded TSV data (about a second of CPU; the cache spares it on later runs).</summary>
    internal static Gazetteer ParseEmbedded()
    {
        var asm = typeof(Gazetteer).Assembly;
        using var places = new StreamReader(new GZipStream(Open(asm, "places.tsv.gz"), CompressionMode.Decompress), bufferSize: 1 << 16);
        using var countries = new StreamReader(Open(asm, "countries.tsv"));
        using var admin1 = new StreamReader(Open(asm, "admin1.tsv"));
        using var features = new StreamReader(Open(asm, "features.tsv"));
        using var aliases = new StreamReader(Open(asm, "aliases.tsv"));
        using var stop = new StreamReader(Open(asm, "stoplist.txt"));
        using var counties = new StreamReader(Open(asm, "us-counties.tsv"));
        return Load(places, countries, admin1, features, aliases, stop, counties, DefaultKeyCount);
    }

    private static Stream Open(Assembly asm, string name) =>
        asm.GetManifestResourceStream("Sitrep.Places." + name)
        ?? throw new InvalidOperationException($"PLACES001: embedded resource Sitrep.Places.{name} is missing from {asm.GetName().Name}; rebuild with data/gazetteer present.");

    /// <summary>Every place whose name, ASCII name or alternate name folds to the same key as <paramref name="name"/>.</summary>
    public IReadOnlyList<Place> Lookup(string name)
    {
        var hits = new List<int>();
        LookupEntries(name, hits);
        var result = new Place[hits.Count];
        for (var i = 0; i < hits.Count; i++) result[i] = this[hits[i] & int.MaxValue];
        return result;
    }

    /// <summary>The country with ISO 3166-1 alpha-2 code <paramref name="iso2"/>, when known.</summary>
    public Place? Country(string iso2) => _countries.GetValueOrDefault(iso2);

    /// <summary>The ISO2 code of the country a demonym ("Syrian", "Iraqis") refers to, when it is one.</summary>
    public string? CountryOfDemonym(ReadOnlySpan<char> word)
    {
        Span<char> buf = stackalloc char[MaxKey];
        var n = NameKey.Fold(word, buf);
        return _demonymLookup.TryGetValue(buf[..n], out var cc) ? cc : null;
    }

    /// <summary>The admin1 name for a GeoNames admin1 key ("SY.04"), when known.</summary>
    public string? Admin1Name(string countryCode, string admin1Code) =>
        _admin1Names.GetValueOrDefault(countryCode + "." + admin1Code);

    /// <summary>True when <paramref name="name"/> is on the stop list (words that are rarely places in news).</summary>
    public bool IsStopWord(ReadOnlySpan<char> name)
    {
        Span<char> buf = stackalloc char[MaxKey];
        var n = NameKey.Fold(name, buf);
        return _stopLookup.Contains(buf[..n]);
    }

    internal Place this[int entry] => _columns is { } c ? c.Get(entry) : _places[entry];
    internal int CountryEntry(string iso2) => _countryEntries.GetValueOrDefault(iso2, -1);
    internal EntryFlags Flags(int entry) => _columns is { } c ? (EntryFlags)c.Flags[entry] : _flags[entry];

    /// <summary>
    /// Adds to <paramref name="hits"/> the entries matching <paramref name="name"/>: exact-key matches as the entry
    /// index, article-free-only matches with the high bit set. No allocation besides the list's growth.
    /// </summary>
    internal void LookupEntries(ReadOnlySpan<char> name, List<int> hits)
    {
        Span<char> buf = stackalloc char[MaxKey];
        var n = NameKey.Fold(name, buf);
        if (n == 0) return;
        var first = hits.Count;
        Collect(Hash(buf[..n], ExactSpace), hits, first, exact: true);
        var m = NameKey.StripArticles(buf, n);
        // A query without articles already met article-bearing names ("Raqqa" vs "Ar Raqqa") through their
        // article-free keys, which share the index with exact keys.
        if (m != n) Collect(Hash(buf[..m], ExactSpace), hits, first, exact: false);
        // Only when nothing matched: the loose transliteration key ("Maarat al-Numan" ~ "Ma`arrat an Nu`man").
        if (hits.Count == first && buf[..m].Contains(' '))
        {
            var k = NameKey.Skeleton(buf, m);
            if (k >= NameKey.MinSkeleton) Collect(Hash(buf[..k], SkeletonSpace), hits, first, exact: false);
        }
    }

    private void Collect(ulong key, List<int> hits, int first, bool exact)
    {
        var bucket = (int)(key >> (64 - DirectoryBits));
        var from = _directory[bucket];
        var at = Array.BinarySearch(_keys, from, _directory[bucket + 1] - from, key);
        if (at < 0) return;
        for (var p = _starts[at]; p < _starts[at + 1]; p++)
        {
            var e = _postings[p];
            var seen = false;
            for (var i = first; i < hits.Count; i++)
                if ((hits[i] & int.MaxValue) == e) { seen = true; break; }
            if (!seen) hits.Add(exact ? e : e | int.MinValue);
        }
    }

    /// <summary>Fills <see cref="_directory"/> from the sorted <see cref="_keys"/>.</summary>
    private void BuildDirectory()
    {
        var directory = new int[(1 << DirectoryBits) + 1];
        var k = 0;
        for (var b = 0; b < 1 << DirectoryBits; b++)
        {
            while (k < _keys.Length && (int)(_keys[k] >> (64 - DirectoryBits)) < b) k++;
            directory[b] = k;
        }
        directory[^1] = _keys.Length;
        _directory = directory;
    }

    private const char ExactSpace = 'k', SkeletonSpace = '~';

    /// <summary>FNV-1a over the key's chars, salted by its namespace; 64 bits make collisions negligible for a million keys.</summary>
    private static ulong Hash(ReadOnlySpan<char> key, char space)
    {
        var h = 14695981039346656037UL ^ space;
        h *= 1099511628211UL;
        foreach (var c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    private int Add(Place place, EntryFlags flags)
    {
        _places.Add(place);
        _flags.Add(flags);
        return _places.Count - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Index(int entry, ReadOnlySpan<char> name)
    {
        Span<char> buf = stackalloc char[MaxKey];
        var n = NameKey.Fold(name, buf);
        if (n == 0) return;
        _pending.Add((Hash(buf[..n], ExactSpace), entry));
        var m = NameKey.StripArticles(buf, n);
        if (m != n) _pending.Add((Hash(buf[..m], ExactSpace), entry));
        // Loose keys only for names of several words, where transliterations drift most and a loose match of a
        // single common word ("Rescue" ~ "Rusca") cannot happen.
        if (!buf[..m].Contains(' ')) return;
        var k = NameKey.Skeleton(buf, m);
        if (k >= NameKey.MinSkeleton) _pending.Add((Hash(buf[..k], SkeletonSpace), entry));
    }

    /// <summary>Turns the pending (key, entry) pairs into the sorted index, without duplicate pairs.</summary>
    private void Freeze()
    {
        var pairs = CollectionsMarshal.AsSpan(_pending);
        pairs.Sort();
        var keys = new List<ulong>(pairs.Length / 2);
        var starts = new List<int>(pairs.Length / 2 + 1);
        var postings = new List<int>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0 && pairs[i] == pairs[i - 1]) continue;
            if (keys.Count == 0 || keys[^1] != pairs[i].Key)
            {
                keys.Add(pairs[i].Key);
                starts.Add(postings.Count);
            }
            postings.Add(pairs[i].Entry);
        }
        starts.Add(postings.Count);
        _keys = [.. keys];
        BuildDirectory();
        _starts = [.. starts];
        _postings = [.. postings];
    }

    /// <summary>
    /// What ACLED users expect to read: the GeoNames ASCII name ("Duma", not "Dūmā") without the ` and ' that
    /// mark ayn and hamza ("Ma`arrat an Nu`man" → "Maarrat an Numan"); the name itself when there is no ASCII name.
    /// </summary>
    internal static string DisplayName(ReadOnlySpan<char> name, ReadOnlySpan<char> ascii)
    {
        var s = ascii.IsEmpty ? name : ascii;
        if (s.IndexOfAny('`', '\'') < 0) return s.ToString();
        Span<char> buf = stackalloc char[s.Length];
        var n = 0;
        foreach (var c in s) if (c is not ('`' or '\'')) buf[n++] = c;
        return new string(buf[..n]);
    }

    private static IEnumerable<string> Rows(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') yield return line;
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private void ReadAdmin1(TextReader reader)
    {
        foreach (var line in Rows(reader))
        {
            var c = line.Split('\t');
            if (c.Length < 6) continue;
            _admin1Names[c[0]] = c[1];
            if (c[5] != "curated") continue; // capital-derived names label towns but are not areas to resolve to
            var cc = c[0][..c[0].IndexOf('.')];
            var e = Add(new Place(c[1], new GeoPoint(D(c[3]), D(c[4])), cc, c[1], PlaceKind.Admin1), EntryFlags.Area);
            Index(e, c[1]);
            foreach (var a in c[2].Split('|', StringSplitOptions.RemoveEmptyEntries)) Index(e, a);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadPlaces(TextReader reader)
    {
        Span<Range> cols = stackalloc Range[11];
        Span<char> keyBuf = stackalloc char[32];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var s = line.AsSpan();
            if (s.Split(cols, '\t') < 10) continue;
            var id = long.Parse(s[cols[0]], CultureInfo.InvariantCulture);
            var name = DisplayName(s[cols[1]], s[cols[2]]);
            var code = s[cols[6]];
            var cc = Shared(s[cols[7]]);
            var a1 = s[cols[8]];
            var pop = s[cols[9]].IsEmpty ? 0 : long.Parse(s[cols[9]], CultureInfo.InvariantCulture);
            var kind = code.StartsWith("PPL") ? PlaceKind.PopulatedPlace
                : code.SequenceEqual("ADM1") ? PlaceKind.Admin1
                : code.StartsWith("ADM") ? PlaceKind.Admin2
                : code.StartsWith("PCL") ? PlaceKind.Country : PlaceKind.Feature;
            string? admin1 = null;
            if (!a1.IsEmpty && cc.Length + 1 + a1.Length <= keyBuf.Length)
            {
                cc.AsSpan().CopyTo(keyBuf);
                keyBuf[cc.Length] = '.';
                a1.CopyTo(keyBuf[(cc.Length + 1)..]);
                _admin1Lookup.TryGetValue(keyBuf[..(cc.Length + 1 + a1.Length)], out admin1);
            }
            var flags = code.SequenceEqual("PPLC") ? EntryFlags.NationalCapital
                : code.SequenceEqual("PPLA") ? EntryFlags.Admin1Capital
                : kind is PlaceKind.PopulatedPlace ? EntryFlags.None : EntryFlags.Area;
            var lat = double.Parse(s[cols[4]], NumberStyles.Float, CultureInfo.InvariantCulture);
            var lon = double.Parse(s[cols[5]], NumberStyles.Float, CultureInfo.InvariantCulture);
            var e = Add(new Place(name, new GeoPoint(lat, lon), cc, admin1, kind, pop, id < 0 ? null : id), flags);
            Index(e, s[cols[1]]);
            if (!s[cols[2]].IsEmpty) Index(e, s[cols[2]]);
            foreach (var r in s[cols[3]].Split('|'))
                if (r.End.Value > r.Start.Value) Index(e, s[cols[3]][r]);
        }
    }

    private void ReadCountries(TextReader reader)
    {
        foreach (var line in Rows(reader))
        {
            var c = line.Split('\t');
            if (c.Length < 6) continue;
            var place = new Place(c[1], new GeoPoint(D(c[4]), D(c[5])), c[0], null, PlaceKind.Country);
            var e = Add(place, EntryFlags.Area);
            _countries[c[0]] = place;
            _countryEntries[c[0]] = e;
            Index(e, c[1]);
            foreach (var a in c[2].Split('|', StringSplitOptions.RemoveEmptyEntries)) Index(e, a);
            foreach (var d in c[3].Split('|', StringSplitOptions.RemoveEmptyEntries)) _demonyms[NameKey.Of(d)] = c[0];
        }
    }

    private void ReadFeatures(TextReader reader)
    {
        foreach (var line in Rows(reader))
        {
            var c = line.Split('\t');
            if (c.Length < 7) continue;
            var area = c[2] is "region" or "river" or "continent" or "ocean";
            var e = Add(new Place(c[0], new GeoPoint(D(c[3]), D(c[4])), c[5], c[6], PlaceKind.Feature),
                area ? EntryFlags.Area : EntryFlags.None);
            Index(e, c[0]);
            foreach (var a in c[1].Split('|', StringSplitOptions.RemoveEmptyEntries)) Index(e, a);
        }
    }

    /// <summary>
    /// Alias rows: the first column is the common English name, which becomes the place's display name; the
    /// place is the largest town in that country found by that name or, failing that, by one of the aliases.
    /// </summary>
    private void ReadAliases(TextReader reader)
    {
        var hits = new List<int>();
        foreach (var line in Rows(reader))
        {
            var c = line.Split('\t');
            if (c.Length < 3) continue;
            var aliases = c[2].Split('|', StringSplitOptions.RemoveEmptyEntries);
            var best = LargestTown(c[0], c[1], hits);
            for (var a = 0; best < 0 && a < aliases.Length; a++) best = LargestTown(aliases[a], c[1], hits);
            if (best < 0) { _unmatchedAliases.Add(c[0] + "/" + c[1]); continue; }
            _places[best] = _places[best] with { Name = c[0] };
            Index(best, c[0]);
            foreach (var a in aliases) Index(best, a);
        }
    }

    private int LargestTown(string name, string cc, List<int> hits)
    {
        hits.Clear();
        LookupEntries(name, hits);
        var best = -1;
        foreach (var h in hits)
        {
            var e = h & int.MaxValue;
            var p = _places[e];
            if (p.CountryCode != cc || p.Kind != PlaceKind.PopulatedPlace) continue;
            if (best < 0 || p.Population > _places[best].Population) best = e;
        }
        return best;
    }

    private void ReadStopList(TextReader reader)
    {
        foreach (var line in Rows(reader)) _stopList.Add(NameKey.Of(line.Trim()));
    }

    /// <summary>Writes the loaded gazetteer in the cache's binary form (see <see cref="GazetteerCache"/>).</summary>
    internal void Write(BinaryWriter w)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Str(string? v)
        {
            if (v is null) return -1;
            if (!strings.TryGetValue(v, out var i)) { i = table.Count; strings[v] = i; table.Add(v); }
            return i;
        }
        var n = Count;
        var c = new PlaceColumns(n);
        for (var i = 0; i < n; i++)
        {
            var p = this[i];
            c.Name[i] = Str(p.Name);
            c.CountryCode[i] = Str(p.CountryCode);
            c.Admin1[i] = Str(p.Admin1);
            c.Latitude[i] = p.Point.Latitude;
            c.Longitude[i] = p.Point.Longitude;
            c.Kind[i] = (byte)p.Kind;
            c.Flags[i] = (byte)Flags(i);
            c.Population[i] = p.Population;
            c.GeoNameId[i] = p.GeoNameId ?? -1;
        }
        var offsets = new int[table.Count + 1];
        for (var i = 0; i < table.Count; i++) offsets[i + 1] = offsets[i] + table[i].Length;
        var chars = new char[offsets[^1]];
        for (var i = 0; i < table.Count; i++) table[i].CopyTo(chars.AsSpan(offsets[i]));
        WriteArray(w, offsets);
        WriteArray(w, chars);
        w.Write(n);
        WriteArray(w, c.Name); WriteArray(w, c.CountryCode); WriteArray(w, c.Admin1);
        WriteArray(w, c.Latitude); WriteArray(w, c.Longitude); WriteArray(w, c.Kind); WriteArray(w, c.Flags);
        WriteArray(w, c.Population); WriteArray(w, c.GeoNameId);
        WriteArray(w, _keys);
        WriteArray(w, _starts);
        WriteArray(w, _postings);
        WriteMap(w, _countryEntries.Select(kv => (kv.Key, kv.Value.ToString(CultureInfo.InvariantCulture))));
        WriteMap(w, _demonyms.Select(kv => (kv.Key, kv.Value)));
        WriteMap(w, _admin1Names.Select(kv => (kv.Key, kv.Value)));
        WriteMap(w, _stopList.Select(k => (k, "")));
        WriteMap(w, _unmatchedAliases.Select(k => (k, "")));
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    internal static Gazetteer Read(BinaryReader r)
    {
        var g = new Gazetteer(0);
        var offsets = ReadArray<int>(r);
        var chars = ReadArray<char>(r);
        var n = r.ReadInt32();
        g._columns = new PlaceColumns(n, offsets, chars)
        {
            Name = ReadArray<int>(r), CountryCode = ReadArray<int>(r), Admin1 = ReadArray<int>(r),
            Latitude = ReadArray<double>(r), Longitude = ReadArray<double>(r), Kind = ReadArray<byte>(r),
            Flags = ReadArray<byte>(r), Population = ReadArray<long>(r), GeoNameId = ReadArray<long>(r),
        };
        if (g._columns.Name.Length != n || g._columns.GeoNameId.Length != n) throw new FormatException("PLACES002: gazetteer cache columns disagree");
        g._keys = ReadArray<ulong>(r);
        g.BuildDirectory();
        g._starts = ReadArray<int>(r);
        g._postings = ReadArray<int>(r);
        foreach (var (k, v) in ReadMap(r))
        {
            var e = int.Parse(v, CultureInfo.InvariantCulture);
            g._countryEntries[k] = e;
            g._countries[k] = g[e];
        }
        foreach (var (k, v) in ReadMap(r)) g._demonyms[k] = v;
        foreach (var (k, v) in ReadMap(r)) g._admin1Names[k] = v;
        foreach (var (k, _) in ReadMap(r)) g._stopList.Add(k);
        foreach (var (k, _) in ReadMap(r)) g._unmatchedAliases.Add(k);
        return g;
    }

    /// <summary>Places as flat columns (the cache's layout), each turned into a <see cref="Place"/> on first use.</summary>
    private sealed class PlaceColumns
    {
        private readonly Place?[] _made;
        private readonly int[] _offsets;
        private readonly char[] _chars;
        private readonly string?[] _strings;

        public PlaceColumns(int count, int[]? offsets = null, char[]? chars = null)
        {
            Count = count;
            _made = new Place?[count];
            _offsets = offsets ?? [0];
            _chars = chars ?? [];
            _strings = new string?[_offsets.Length - 1];
            Name = new int[count]; CountryCode = new int[count]; Admin1 = new int[count];
            Latitude = new double[count]; Longitude = new double[count]; Kind = new byte[count]; Flags = new byte[count];
            Population = new long[count]; GeoNameId = new long[count];
        }

        public int Count { get; }
        public int[] Name { get; init; }
        public int[] CountryCode { get; init; }
        public int[] Admin1 { get; init; }
        public double[] Latitude { get; init; }
        public double[] Longitude { get; init; }
        public byte[] Kind { get; init; }
        public byte[] Flags { get; init; }
        public long[] Population { get; init; }
        public long[] GeoNameId { get; init; }

        // Races only build equal records twice; no lock needed.
        public Place Get(int e) => _made[e] ??= new Place(Str(Name[e])!, new GeoPoint(Latitude[e], Longitude[e]),
            Str(CountryCode[e])!, Str(Admin1[e]), (PlaceKind)Kind[e], Population[e], GeoNameId[e] < 0 ? null : GeoNameId[e]);

        private string? Str(int i) => i < 0 ? null
            : _strings[i] ??= new string(_chars, _offsets[i], _offsets[i + 1] - _offsets[i]);
    }

    private static void WriteArray<T>(BinaryWriter w, T[] a) where T : unmanaged
    {
        w.Write(a.Length);
        w.Write(MemoryMarshal.AsBytes(a.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader r) where T : unmanaged
    {
        var a = new T[r.ReadInt32()];
        var bytes = MemoryMarshal.AsBytes(a.AsSpan());
        r.BaseStream.ReadExactly(bytes); // one Read may return less than asked for
        return a;
    }

    private static void WriteMap(BinaryWriter w, IEnumerable<(string Key, string Value)> pairs)
    {
        var list = pairs.ToList();
        w.Write(list.Count);
        foreach (var (k, v) in list) { w.Write(k); w.Write(v); }
    }

    private static List<(string, string)> ReadMap(BinaryReader r)
    {
        var n = r.ReadInt32();
        var list = new List<(string, string)>(n);
        for (var i = 0; i < n; i++) list.Add((r.ReadString(), r.ReadString()));
        return list;
    }

    /// <summary>Alias rows ("name/CC") whose target place was not found — a data check for tests and rebuilds.</summary>
    public IReadOnlyList<string> UnmatchedAliases => _unmatchedAliases;
}
