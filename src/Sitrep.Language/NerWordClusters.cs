using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Sitrep.Language;

/// <summary>
/// Hierarchical word clusters for the tagger (data/language/word_clusters.tsv.gz, built by build_word_clusters.sh from
/// pre-trained GloVe vectors): each listed lower-case word has a bit path of up to 16 splits, and words with a long
/// common prefix are used alike in unlabelled text, so a name unseen in training shares features with seen ones
/// (Turian, Ratinov and Bengio 2010). Next to the path, up to <see cref="MaxFlatLevels"/> flat k-means cluster ids at
/// coarser and finer granularities (extra columns of the same file). Looked up by the token's lower-case hash, without
/// allocating.
/// </summary>
public sealed class NerWordClusters
{
    /// <summary>Longest bit path kept.</summary>
    public const int MaxDepth = 16;

    /// <summary>Value of a word that is not listed.</summary>
    public const uint Unknown = 0;

    /// <summary>Most flat cluster columns kept (each an id below <see cref="MaxFlatClusters"/>).</summary>
    public const int MaxFlatLevels = 3;

    /// <summary>Bound on a flat cluster id (exclusive).</summary>
    public const int MaxFlatClusters = 1 << FlatBits;

    // An entry packs the path (21 bits: depth << 16 | bits) and then 12 bits per flat level, all in one table slot.
    private const int PathBits = 21, FlatBits = 12;

    private static readonly Lazy<NerWordClusters> LazyDefault = new(() =>
    {
        var stream = typeof(NerWordClusters).Assembly.GetManifestResourceStream("Sitrep.Language.word_clusters.tsv.gz")
            ?? throw new InvalidOperationException("LANG016: embedded resource 'Sitrep.Language.word_clusters.tsv.gz' is missing; rebuild with data/language/build_word_clusters.sh.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), bufferSize: 1 << 16);
        return Load(reader);
    });

    // Lower-case hash -> packed entry; absent gives 0, which is Unknown (4 MB for the shipped list: a slot is 16 bytes
    // with a uint value too, so the flat ids cost no memory).
    private readonly HashKeyTable<ulong> _entries;

    // Of a word listed twice, the first row wins.
    private NerWordClusters(List<(ulong Key, ulong Value)> entries, int flatLevels)
    {
        _entries = new HashKeyTable<ulong>(entries);
        FlatLevels = flatLevels;
    }

    /// <summary>The embedded clusters, loaded once.</summary>
    public static NerWordClusters Default => LazyDefault.Value;

    /// <summary>No clusters: every word is <see cref="Unknown"/>.</summary>
    public static NerWordClusters Empty { get; } = new([], 0);

    /// <summary>Number of listed words.</summary>
    public int Count => _entries.Count;

    /// <summary>Number of flat cluster columns (0 to <see cref="MaxFlatLevels"/>), coarsest first as the file lists them.</summary>
    public int FlatLevels { get; }

    /// <summary>
    /// Reads "word TAB path [TAB flat id]..." rows (path: 1 to 16 characters 0/1; each flat id a number below
    /// <see cref="MaxFlatClusters"/>; every row with as many ids as the header names columns after "path"; # comments
    /// and the header line skipped).
    /// </summary>
    public static NerWordClusters Load(TextReader reader)
    {
        // 150,000 rows: parsed from the line's span (no Split, no per-field strings) to keep the load well under a second.
        var entries = new List<(ulong, ulong)>(1 << 17);
        var lineNo = 0;
        var levels = -1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (levels < 0)
            {
                levels = line.AsSpan().Count('\t') - 1;
                if (levels is < 0 or > MaxFlatLevels)
                    throw new FormatException($"LANG017: word_clusters line {lineNo}: the header must name 'word', 'path' and at most {MaxFlatLevels} flat cluster columns.");
                continue;
            }
            var tab = line.IndexOf('\t');
            var rest = tab > 0 ? line.AsSpan(tab + 1) : default;
            var next = rest.IndexOf('\t');
            var path = next < 0 ? rest : rest[..next];
            if (path.Length is 0 or > MaxDepth || path.ContainsAnyExcept('0', '1'))
                throw new FormatException($"LANG017: word_clusters line {lineNo}: expected 'word<TAB>path' with a path of 1 to {MaxDepth} bits 0/1.");
            var bits = 0u;
            foreach (var c in path) bits = (bits << 1) | (uint)(c - '0');
            ulong entry = Pack(bits, path.Length);
            for (var level = 0; level < levels; level++)
            {
                if (next < 0)
                    throw new FormatException($"LANG017: word_clusters line {lineNo}: expected {levels} flat cluster ids after the path, as the header names.");
                rest = rest[(next + 1)..];
                next = rest.IndexOf('\t');
                var field = next < 0 ? rest : rest[..next];
                if (!int.TryParse(field, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id >= MaxFlatClusters)
                    throw new FormatException($"LANG017: word_clusters line {lineNo}: flat cluster id '{field}' is not a number below {MaxFlatClusters}.");
                entry |= (ulong)id << (PathBits + FlatBits * level);
            }
            if (next >= 0)
                throw new FormatException($"LANG017: word_clusters line {lineNo}: more columns than the header's {levels + 2}.");
            var key = NerGazetteer.LowerHash(line.AsSpan(0, tab));
            if (key != 0) entries.Add((key, entry));
        }
        return new NerWordClusters(entries, Math.Max(levels, 0));
    }

    /// <summary>The packed path (see <see cref="Prefix"/>) of the word with lower-case hash <paramref name="lowerHash"/>, or <see cref="Unknown"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Lookup(ulong lowerHash) => PathOf(_entries.Get(lowerHash));

    /// <summary>The whole entry (path and flat ids) of a word, or <see cref="Unknown"/>; read it with <see cref="PathOf"/> and <see cref="FlatOf"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong LookupEntry(ulong lowerHash) => _entries.Get(lowerHash);

    /// <summary>The packed path of an entry (<see cref="Unknown"/> for an unlisted word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint PathOf(ulong entry) => (uint)(entry & ((1UL << PathBits) - 1));

    /// <summary>The flat cluster id at <paramref name="level"/> of a listed word's entry (0 where the file has no such column).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FlatOf(ulong entry, int level) => (int)((entry >> (PathBits + FlatBits * level)) & (MaxFlatClusters - 1));

    /// <summary>
    /// The first <paramref name="length"/> bits of a packed path (the whole path when shorter, as Brown-cluster prefixes
    /// are used), packed again; <see cref="Unknown"/> stays unknown.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Prefix(uint packed, int length)
    {
        var depth = (int)(packed >> 16);
        if (packed == Unknown || depth <= length) return packed;
        return Pack((packed & 0xFFFF) >> (depth - length), length);
    }

    // Depth in the high half, so "01" and "1" differ; a listed word always has depth >= 1, so never packs to Unknown.
    private static uint Pack(uint bits, int depth) => ((uint)depth << 16) | bits;
}
