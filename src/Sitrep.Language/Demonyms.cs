namespace Sitrep.Language;

/// <summary>A demonym or nationality word and what it points to (data/actors/demonyms.tsv).</summary>
/// <param name="Word">The demonym as written ("Syrian", "U.S.", "South Sudanese").</param>
/// <param name="Country">ISO 3166-1 alpha-2, or null for peoples and regions ("Kurdish").</param>
/// <param name="StateForces">Actor ids "&lt;demonym&gt; troops" resolves to (date-bounded successors in order).</param>
/// <param name="PoliceForces">Actor ids "&lt;demonym&gt; police" resolves to.</param>
/// <param name="Note">Editor's note (e.g. the region a people spans).</param>
public sealed record DemonymEntry(string Word, string? Country, IReadOnlyList<string> StateForces,
    IReadOnlyList<string> PoliceForces, string Note);

/// <summary>The demonym table: nationality words to countries and to the state forces they name.</summary>
public sealed class Demonyms
{
    private static readonly Lazy<Demonyms> LazyDefault =
        new(() => { using var r = EmbeddedData.Open("Sitrep.Language.demonyms.tsv"); return Load(r); });

    private readonly Dictionary<string, DemonymEntry> _byWord;
    private readonly Dictionary<string, DemonymEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private Demonyms(List<DemonymEntry> entries)
    {
        Entries = entries;
        _byWord = new Dictionary<string, DemonymEntry>(StringComparer.Ordinal);
        foreach (var e in entries) _byWord.TryAdd(e.Word, e);
        _lookup = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The embedded table, loaded once.</summary>
    public static Demonyms Default => LazyDefault.Value;

    /// <summary>All rows in file order.</summary>
    public IReadOnlyList<DemonymEntry> Entries { get; }

    /// <summary>Reads "demonym TAB iso2 TAB state_forces TAB police_forces TAB note" rows.</summary>
    public static Demonyms Load(TextReader reader)
    {
        var entries = new List<DemonymEntry>();
        foreach (var (line, f) in EmbeddedData.Rows(reader))
        {
            if (f.Length < 2 || f[0].Trim().Length == 0)
                throw new FormatException($"LANG004: demonyms line {line}: expected at least 'demonym<TAB>iso2'.");
            var iso = f[1].Trim();
            if (iso.Length is not (0 or 2)) throw new FormatException($"LANG004: demonyms line {line}: iso2 '{iso}' is not two letters.");
            entries.Add(new DemonymEntry(f[0].Trim(), iso.Length == 0 ? null : iso,
                SplitList(f, 2), SplitList(f, 3), f.Length > 4 ? f[4].Trim() : ""));
        }
        return new Demonyms(entries);
    }

    /// <summary>The entry for a one-word demonym written exactly so ("Syrian", "US"), or null.</summary>
    public DemonymEntry? Find(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var e) ? e : null;

    private static string[] SplitList(string[] f, int column) =>
        column < f.Length ? f[column].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
