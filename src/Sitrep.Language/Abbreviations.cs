namespace Sitrep.Language;

/// <summary>How an abbreviation's period behaves.</summary>
public enum AbbreviationKind
{
    /// <summary>Not an abbreviation.</summary>
    None = 0,
    /// <summary>Always followed by a name ("Col.", "Mr."): the period never ends a sentence.</summary>
    Title,
    /// <summary>May end a sentence ("Inc.", "Jan.", "etc.").</summary>
    General,
    /// <summary>An abbreviation only before a number ("No. 5").</summary>
    BeforeNumber,
}

/// <summary>The abbreviation list (data/language/abbreviations.tsv): words whose final period belongs to the token.</summary>
public sealed class Abbreviations
{
    private static readonly Lazy<Abbreviations> LazyDefault =
        new(() => { using var r = EmbeddedData.Open("Sitrep.Language.abbreviations.tsv"); return Load(r); });

    private readonly Dictionary<string, AbbreviationKind> _kinds;
    private readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private Abbreviations(Dictionary<string, AbbreviationKind> kinds)
    {
        _kinds = kinds;
        _lookup = kinds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The embedded default list, loaded once.</summary>
    public static Abbreviations Default => LazyDefault.Value;

    /// <summary>Number of entries.</summary>
    public int Count => _kinds.Count;

    /// <summary>Reads "word TAB kind" rows (kind: title, general, number).</summary>
    public static Abbreviations Load(TextReader reader)
    {
        var kinds = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        foreach (var (line, f) in EmbeddedData.Rows(reader))
        {
            if (f.Length < 2) throw new FormatException($"LANG002: abbreviations line {line}: expected 'word<TAB>kind'.");
            kinds[f[0].Trim()] = f[1].Trim() switch
            {
                "title" => AbbreviationKind.Title,
                "general" => AbbreviationKind.General,
                "number" => AbbreviationKind.BeforeNumber,
                var k => throw new FormatException($"LANG002: abbreviations line {line}: unknown kind '{k}'."),
            };
        }
        return new Abbreviations(kinds);
    }

    /// <summary>The kind of <paramref name="word"/> (without its period), case-sensitive.</summary>
    public AbbreviationKind Find(ReadOnlySpan<char> word) =>
        _lookup.TryGetValue(word, out var kind) ? kind : AbbreviationKind.None;
}
