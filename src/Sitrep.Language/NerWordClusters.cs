using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Sitrep.Language;

/// <summary>
/// Hierarchical word clusters for the tagger (data/language/word_clusters.tsv.gz, built by build_word_clusters.sh from
/// pre-trained GloVe vectors): each listed lower-case word has a bit path of up to 16 splits, and words with a long
/// common prefix are used alike in unlabelled text, so a name unseen in training shares features with seen ones
/// (Turian, Ratinov and Bengio 2010). Looked up by the token's lower-case hash, without allocating.
/// </summary>
public sealed class NerWordClusters
{
    /// <summary>Longest bit path kept.</summary>
    public const int MaxDepth = 16;

    /// <summary>Value of a word that is not listed.</summary>
    public const uint Unknown = 0;

    private static readonly Lazy<NerWordClusters> LazyDefault = new(() =>
    {
        var stream = typeof(NerWordClusters).Assembly.GetManifestResourceStream("Sitrep.Language.word_clusters.tsv.gz")
            ?? throw new InvalidOperationException("LANG016: embedded resource 'Sitrep.Language.word_clusters.tsv.gz' is missing; rebuild with data/language/build_word_clusters.sh.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), bufferSize: 1 << 16);
        return Load(reader);
    });

    // Lower-case hash -> packed path; absent gives 0, which is Unknown (4 MB for the shipped list).
    private readonly HashKeyTable<uint> _paths;

    // Of a word listed twice, the first row wins.
    private NerWordClusters(List<(ulong Key, uint Value)> paths) => _paths = new HashKeyTable<uint>(paths);

    /// <summary>The embedded clusters, loaded once.</summary>
    public static NerWordClusters Default => LazyDefault.Value;

    /// <summary>No clusters: every word is <see cref="Unknown"/>.</summary>
    public static NerWordClusters Empty { get; } = new([]);

    /// <summary>Number of listed words.</summary>
    public int Count => _paths.Count;

    /// <summary>Reads "word TAB path" rows (path: 1 to 16 characters 0/1; # comments and the header line skipped).</summary>
    public static NerWordClusters Load(TextReader reader)
    {
        // 150,000 rows: parsed from the line's span (no Split, no per-field strings) to keep the load well under a second.
        var paths = new List<(ulong, uint)>(1 << 17);
        var lineNo = 0;
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (!headerSeen) { headerSeen = true; continue; }
            var tab = line.IndexOf('\t');
            var path = tab > 0 ? line.AsSpan(tab + 1) : default;
            if (path.Length is 0 or > MaxDepth || path.ContainsAnyExcept('0', '1'))
                throw new FormatException($"LANG017: word_clusters line {lineNo}: expected 'word<TAB>path' with a path of 1 to {MaxDepth} bits 0/1.");
            var bits = 0u;
            foreach (var c in path) bits = (bits << 1) | (uint)(c - '0');
            var key = NerGazetteer.LowerHash(line.AsSpan(0, tab));
            if (key != 0) paths.Add((key, Pack(bits, path.Length)));
        }
        return new NerWordClusters(paths);
    }

    /// <summary>Every listed word's lower-case hash and packed path.</summary>
    internal IEnumerable<(ulong Key, uint Path)> Entries() => _paths.Entries();

    /// <summary>The packed path (see <see cref="Prefix"/>) of the word with lower-case hash <paramref name="lowerHash"/>, or <see cref="Unknown"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Lookup(ulong lowerHash) => _paths.Get(lowerHash);

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
