namespace Sitrep.Dates;

/// <summary>What a matcher token is.</summary>
internal enum TokKind : byte { Word, Number, Punct }

/// <summary>One token of the time matcher's own tokenization (offsets into the text, lexicon entry for words).</summary>
internal struct Tok
{
    public int Start;
    public int End;
    public TokKind Kind;
    /// <summary>Lexicon entry for words (None when unknown).</summary>
    public Lex Lex;
    /// <summary>Numeric value for numbers (capped), digit count in <see cref="Digits"/>.</summary>
    public int Number;
    public byte Digits;
    /// <summary>True when a word starts with an upper-case letter.</summary>
    public bool Capitalized;
    /// <summary>The punctuation character, for punctuation tokens.</summary>
    public char Char;
}

/// <summary>
/// Splits text into words (letters), numbers (digits) and single punctuation marks — finer than the Language
/// stage so "30th", "mid-August", "2018-08-30" and "Tuesday's" decompose; adjacency is checked by offsets.
/// </summary>
internal static class TimeTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/> (grown as needed); returns the count.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, ref Tok[] tokens)
    {
        var n = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (n == tokens.Length) Array.Resize(ref tokens, Math.Max(16, tokens.Length * 2));
            ref var t = ref tokens[n];
            t = default;
            t.Start = i;
            if (char.IsAsciiDigit(c))
            {
                var value = 0;
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    if (i - start < 9) value = value * 10 + (text[i] - '0');
                    i++;
                }
                t.Kind = TokKind.Number;
                t.Number = value;
                t.Digits = (byte)Math.Min(i - start, 255);
            }
            else if (char.IsLetter(c))
            {
                while (i < text.Length && char.IsLetter(text[i])) i++;
                t.Kind = TokKind.Word;
                t.Capitalized = char.IsUpper(c);
                // Only words of plausible length are looked up: the lexicon's longest word is short.
                if (i - t.Start <= 12) t.Lex = DateLexicon.Get(text[t.Start..i]);
            }
            else
            {
                i++;
                t.Kind = TokKind.Punct;
                t.Char = c;
            }
            t.End = i;
            n++;
        }
        return n;
    }
}
