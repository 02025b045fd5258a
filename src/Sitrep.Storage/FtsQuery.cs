using System.Text;

namespace Sitrep.Storage;

/// <summary>
/// Turns user search text into a safe full-text query, FTS5 for SQLite and tsquery for PostgreSQL: only runs of
/// letters and digits are kept (so operators, column filters and quotes in the input mean nothing), words are ANDed,
/// and a trailing '*' keeps a prefix search.
/// </summary>
public static class FtsQuery
{
    /// <summary>Most words kept from one query; more only slows the index down.</summary>
    public const int MaxTerms = 16;

    /// <summary>The FTS5 MATCH expression for <paramref name="text"/>, or null when it holds no word.</summary>
    public static string? Sanitise(string? text) => Build(text, (sb, word, prefix) =>
    {
        if (sb.Length > 0) sb.Append(' ');
        // Only letters and digits are inside the quotes, so no escaping is needed.
        sb.Append('"').Append(word).Append('"');
        if (prefix) sb.Append('*');
    });

    /// <summary>The PostgreSQL to_tsquery text for <paramref name="text"/> (lower-cased lexemes), or null when it holds no word.</summary>
    public static string? ToTsQuery(string? text) => Build(text, (sb, word, prefix) =>
    {
        if (sb.Length > 0) sb.Append(" & ");
        sb.Append('\'').Append(word.ToString().ToLowerInvariant()).Append('\'');
        if (prefix) sb.Append(":*");
    });

    private static string? Build(string? text, Action<StringBuilder, ReadOnlyMemory<char>, bool> append)
    {
        if (text is null) return null;
        var sb = new StringBuilder();
        var terms = 0;
        var i = 0;
        while (i < text.Length && terms < MaxTerms)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            append(sb, text.AsMemory(start, i - start), i < text.Length && text[i] == '*');
            terms++;
        }
        return terms == 0 ? null : sb.ToString();
    }
}
