using System.Globalization;

namespace Sitrep.Language;

/// <summary>
/// A hand-written scanner that splits news text into tokens with character offsets.
/// Decisions: hyphenated words are one token ("al-Nusra", "ez-Zor", "U.S.-led", "28-year-old"), except between two
/// numbers ("10-15" is 10 / - / 15, a range); letter-apostrophe-letter stays whole ("Ma'arrat") unless the tail is a
/// clitic ('s 're 've 'll 'd 'm n't), which becomes its own token ("Syria" + "’s", "do" + "n't"); a trailing
/// apostrophe is its own token ("ISIS" + "'"); dotted acronyms, initials and listed abbreviations keep their period
/// ("U.S.", "J.", "Col."); numbers keep thousands separators and decimals ("2,500", "3.5"); URLs, e-mail addresses,
/// @handles and #hashtags are one token; "--" and "..." are one token; other punctuation is one token per character.
/// </summary>
public sealed class Tokenizer
{
    private static readonly Lazy<Tokenizer> LazyDefault = new(() => new Tokenizer(Abbreviations.Default));
    private readonly Abbreviations _abbreviations;

    /// <summary>Creates a tokenizer that attaches periods to the given abbreviations.</summary>
    public Tokenizer(Abbreviations abbreviations) => _abbreviations = abbreviations;

    /// <summary>The tokenizer over the embedded abbreviation list.</summary>
    public static Tokenizer Default => LazyDefault.Value;

    /// <summary>Splits <paramref name="text"/> into tokens.</summary>
    public TokenSpans Tokenize(string text)
    {
        var s = text.AsSpan();
        var capacity = Math.Max(8, s.Length / 5);
        var starts = new int[capacity];
        var ends = new int[capacity];
        var count = 0;
        var prevEnd = -1;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF' or '\u00AD')
            {
                i++;
                continue;
            }
            var end = ScanToken(s, i, prevEnd);
            if (count == starts.Length)
            {
                Array.Resize(ref starts, count * 2);
                Array.Resize(ref ends, count * 2);
            }
            starts[count] = i;
            ends[count] = end;
            count++;
            prevEnd = end;
            i = end;
        }
        Array.Resize(ref starts, count);
        Array.Resize(ref ends, count);
        return new TokenSpans(starts, ends);
    }

    private int ScanToken(ReadOnlySpan<char> s, int i, int prevEnd)
    {
        var c = s[i];
        if (IsWordChar(c)) return ScanWord(s, i);
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        switch (c)
        {
            case '@' or '#' when (IsWordChar(next) || next == '_') && (i == 0 || !IsWordChar(s[i - 1])):
            {
                var j = i + 1;
                while (j < s.Length && (IsWordChar(s[j]) || s[j] == '_')) j++;
                return j;
            }
            case '-':
            case '.':
            {
                // Runs of the same mark are one token: "--" (a dash), "..." (an ellipsis).
                var j = i;
                while (j < s.Length && s[j] == c) j++;
                return j;
            }
        }
        if (IsApostrophe(c) && prevEnd == i && i > 0 && char.IsLetter(s[i - 1]))
        {
            var clitic = CliticLength(s, i);
            return clitic > 0 ? i + clitic : i + 1;
        }
        if (char.IsHighSurrogate(c) && char.IsLowSurrogate(next)) return i + 2;
        return i + 1;
    }

    private int ScanWord(ReadOnlySpan<char> s, int start)
    {
        var n = s.Length;
        if (StartsUrl(s, start)) return ScanUrl(s, start);
        if (IsNegationClitic(s, start)) return start + 3;

        var j = start;
        var acronymEnd = AcronymEnd(s, start);
        if (acronymEnd > 0)
        {
            // "U.S.-led": a dotted acronym may head a hyphenated compound.
            if (!(acronymEnd + 1 < n && s[acronymEnd] == '-' && IsWordChar(s[acronymEnd + 1]))) return acronymEnd;
            j = acronymEnd + 1;
        }

        while (true)
        {
            while (j < n && IsWordChar(s[j])) j++;
            if (j >= n) return j;
            var ch = s[j];
            var next = j + 1 < n ? s[j + 1] : '\0';
            var prev = s[j - 1];
            if ((ch == '-' || ch == '\u2011') && IsWordChar(next))
            {
                if (char.IsDigit(prev) && char.IsDigit(next)) return j; // a numeric range: 10-15
                j++;
                continue;
            }
            if (IsApostrophe(ch) && char.IsLetter(next))
            {
                if (prev is 'n' or 'N' && next is 't' or 'T' && !IsLetterAt(s, j + 2) && j - 1 > start) return j - 1;
                if (CliticLength(s, j) > 0) return j;
                j++;
                continue;
            }
            if (ch == '@' && IsWordChar(next)) return ScanEmailDomain(s, j + 1);
            if (ch == '.')
            {
                if (char.IsDigit(prev) && char.IsDigit(next)) { j++; continue; }
                if (char.IsLower(next) || (char.IsLetter(prev) && char.IsDigit(next)))
                {
                    // "reuters.com", "john.smith@..." — a lower-case letter glued after a period is not a new sentence.
                    j++;
                    continue;
                }
                if (IsWordChar(next)) return j;
                if (j - start == 1 && char.IsUpper(s[start])) return j + 1; // an initial: "J."
                return _abbreviations.Find(s[start..j]) switch
                {
                    AbbreviationKind.Title or AbbreviationKind.General => j + 1,
                    AbbreviationKind.BeforeNumber when NextNonSpaceIsDigit(s, j + 1) => j + 1,
                    _ => j,
                };
            }
            if (ch == ',' && char.IsDigit(prev) && ThreeDigitsFollow(s, j + 1)) { j++; continue; }
            if (ch is ':' or '/' && char.IsDigit(prev) && char.IsDigit(next)) { j++; continue; }
            return j;
        }
    }

    /// <summary>End of a dotted acronym ("U.S.", "e.g.", "Ph.D.") starting at <paramref name="i"/>, or -1.</summary>
    private static int AcronymEnd(ReadOnlySpan<char> s, int i)
    {
        var j = i;
        var groups = 0;
        while (true)
        {
            var k = j;
            while (k < s.Length && char.IsLetter(s[k]) && k - j < 3) k++;
            var len = k - j;
            if (len is 0 or > 2 || k >= s.Length || s[k] != '.') break;
            groups++;
            j = k + 1;
        }
        return groups >= 2 && !IsLetterOrDigitAt(s, j) ? j : -1;
    }

    private static bool StartsUrl(ReadOnlySpan<char> s, int i)
    {
        if (s[i] is not ('h' or 'H' or 'w' or 'W')) return false;
        var rest = s[i..];
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    private static int ScanUrl(ReadOnlySpan<char> s, int i)
    {
        var j = i;
        while (j < s.Length && !char.IsWhiteSpace(s[j]) && s[j] is not ('<' or '>' or '"' or '“' or '”')) j++;
        // Trailing punctuation belongs to the sentence, not the URL.
        while (j > i && s[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\'' or '’') j--;
        return j;
    }

    private static int ScanEmailDomain(ReadOnlySpan<char> s, int j)
    {
        while (j < s.Length && (IsWordChar(s[j]) || s[j] is '.' or '-')) j++;
        while (s[j - 1] is '.' or '-') j--;
        return j;
    }

    /// <summary>Length of a clitic ('s 're 've 'll 'd 'm) starting with the apostrophe at <paramref name="i"/>, or 0.</summary>
    private static int CliticLength(ReadOnlySpan<char> s, int i)
    {
        var k = i + 1;
        while (k < s.Length && char.IsLetter(s[k]) && k - i <= 3) k++;
        if (IsLetterAt(s, k)) return 0;
        var tail = s[(i + 1)..k];
        return tail.Equals("s", StringComparison.OrdinalIgnoreCase) || tail.Equals("re", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("ve", StringComparison.OrdinalIgnoreCase) || tail.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("d", StringComparison.OrdinalIgnoreCase) || tail.Equals("m", StringComparison.OrdinalIgnoreCase)
            ? k - i
            : 0;
    }

    private static bool IsNegationClitic(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && s[i] is 'n' or 'N' && IsApostrophe(s[i + 1]) && s[i + 2] is 't' or 'T' && !IsLetterAt(s, i + 3)
        && i > 0 && char.IsLetter(s[i - 1]);

    private static bool NextNonSpaceIsDigit(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] == ' ') i++;
        return i < s.Length && char.IsDigit(s[i]);
    }

    private static bool ThreeDigitsFollow(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && char.IsDigit(s[i]) && char.IsDigit(s[i + 1]) && char.IsDigit(s[i + 2]) && !IsLetterOrDigitAt(s, i + 3);

    private static bool IsLetterAt(ReadOnlySpan<char> s, int i) => i < s.Length && char.IsLetter(s[i]);

    private static bool IsLetterOrDigitAt(ReadOnlySpan<char> s, int i) => i < s.Length && char.IsLetterOrDigit(s[i]);

    /// <summary>Letters, digits and combining marks (Arabic vowel signs, decomposed accents).</summary>
    internal static bool IsWordChar(char c) =>
        c < '\u0080' ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    internal static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';
}
