using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Finds direct quotes ("...", “...” or ''...'', as archived New York Times text writes them) of four words or more
/// and their speakers: "X said" / "said X" after the quote, "X said:" / "X told Reuters:" before it, "according to X".
/// Pronouns ("he said") and bare descriptions ("the defector said") resolve to the most recent person named before
/// them. A quote left open at a paragraph end stops there, and the next paragraph's quote continues with the same
/// speaker.
/// </summary>
internal static class QuoteFinder
{
    private const int MinWords = 4;
    private const int MaxSpeakerTokens = 6;
    private const int MaxLeadTokens = 30;

    public static List<Quote> Find(DocumentView view)
    {
        var doc = view.Doc;
        var text = doc.Text;
        var quotes = new List<Quote>();
        var persons = Persons(doc);
        if (doc.TokenCount == 0) return quotes;

        var open = -1;
        var previousUnclosed = false;
        var previousEnd = -1;
        string? previousSpeaker = null;
        TextRange? previousSpeakerRange = null;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            // A doubled apostrophe opens and closes as a straight quotation mark does; its second half is skipped.
            var doubled = IsDoubledApostrophe(text, i);
            if (open < 0)
            {
                if (c is '"' or '“' || doubled) open = doubled ? ++i : i;
                continue;
            }
            var closes = c is '"' or '”' || doubled;
            var paragraphEnd = c == '\n';
            if (!closes && !paragraphEnd) continue;

            var content = Trim(text, open + 1, i);
            if (CountWords(text, content) >= MinWords)
            {
                var (speaker, range) = SpeakerAfter(view, closes ? i + (doubled ? 2 : 1) : i, persons);
                if (speaker is null) (speaker, range) = SpeakerBefore(view, open, persons);
                // A quote left open at a paragraph end continues in the next; a second quote in the same paragraph
                // without attribution is the same speaker's ("...," X said. "...").
                if (speaker is null && (previousUnclosed && IsParagraphStart(text, open) || previousEnd >= 0 && !CrossesParagraph(text, previousEnd, open)))
                    (speaker, range) = (previousSpeaker, previousSpeakerRange);
                quotes.Add(new Quote(speaker, content.Slice(text), content, range));
                if (speaker is not null && range is { } r && IsNamed(text, r)) persons.Add((r.End, speaker));
                previousSpeaker = speaker;
                previousSpeakerRange = range;
                previousEnd = i;
            }
            previousUnclosed = paragraphEnd;
            open = -1;
            if (doubled) i++;
        }
        return quotes;
    }

    /// <summary>Where each person is named (end offset, name), in text order: candidates for "he said".</summary>
    internal static List<(int End, string Name)> Persons(Document doc)
    {
        var persons = new List<(int End, string Name)>();
        foreach (var e in doc.Entities)
            if (e.Type == EntityType.PER) persons.Add((e.Range.End, e.Text));
        return persons;
    }

    private static bool IsParagraphStart(string text, int offset)
    {
        for (var i = offset - 1; i >= 0; i--)
        {
            if (text[i] == '\n') return true;
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
    }

    private static bool IsNamed(string text, TextRange r) => r.Length > 0 && char.IsUpper(text[r.Start]) &&
        !EventLexicon.PersonalPronouns.Contains(text.AsSpan(r.Start, r.Length)) && !EventLexicon.GroupPronouns.Contains(text.AsSpan(r.Start, r.Length));

    private static TextRange Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
        return new TextRange(start, end);
    }

    internal static int CountWords(string text, TextRange r)
    {
        var words = 0;
        var inWord = false;
        for (var i = r.Start; i < r.End; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    private static (string?, TextRange?) SpeakerAfter(DocumentView view, int offset, List<(int End, string Name)> persons)
    {
        var doc = view.Doc;
        var i = doc.TokenIndexAt(offset);
        if (i >= doc.TokenCount || CrossesParagraph(doc.Text, offset, doc.TokenStarts[i])) return (null, null);
        while (i < doc.TokenCount && (doc.Text[doc.TokenStarts[i]] is ',' || IsQuoteMark(doc.Text, doc.TokenStarts[i]))) i++;
        if (i >= doc.TokenCount) return (null, null);
        if (view.In(i, EventLexicon.QuoteVerbs))
        {
            var from = view.Is(i, "according") ? i + 2 : i + 1;
            return Resolve(view, from, NounPhraseEnd(view, from), from, NounPhraseEnd(view, from), persons);
        }
        for (var k = i; k < doc.TokenCount && k < i + 12; k++)
        {
            var ch = doc.Text[doc.TokenStarts[k]];
            if (ch is '.' or '!' or '?' || IsQuoteMark(doc.Text, doc.TokenStarts[k]) || CrossesParagraph(doc.Text, doc.TokenStarts[i], doc.TokenStarts[k])) break;
            if (!view.In(k, EventLexicon.QuoteVerbs)) continue;
            var npEnd = i;
            while (npEnd < k && !view.Is(npEnd, ",")) npEnd++;
            if (npEnd - i > MaxSpeakerTokens || npEnd == i) return (null, null);
            return Resolve(view, i, npEnd, i, k, persons);
        }
        return (null, null);
    }

    private static (string?, TextRange?) SpeakerBefore(DocumentView view, int openOffset, List<(int End, string Name)> persons)
    {
        var doc = view.Doc;
        var j = doc.TokenIndexAt(openOffset) - 1;
        while (j >= 0 && doc.Text[doc.TokenStarts[j]] is ':' or ',') j--;
        // "X said:", "X told Reuters:", or further back in the sentence, "X warned that the offensive will be "...".
        for (var v = j; v >= 0 && v >= j - MaxLeadTokens; v--)
        {
            var ch = doc.Text[doc.TokenStarts[v]];
            if (ch is '.' || IsQuoteMark(doc.Text, doc.TokenStarts[v]) || CrossesParagraph(doc.Text, doc.TokenStarts[v], openOffset)) break;
            if (!view.In(v, EventLexicon.QuoteVerbs)) continue;
            var start = v;
            while (start > 0 && v - start < MaxSpeakerTokens && !IsBoundary(doc, start - 1)
                   && !CrossesParagraph(doc.Text, doc.TokenStarts[start - 1], doc.TokenStarts[v])) start--;
            if (start == v) return (null, null);
            return Resolve(view, start, v, start, v, persons);
        }
        return (null, null);
    }

    internal static bool IsBoundary(Document doc, int t) =>
        doc.Text[doc.TokenStarts[t]] is '.' or ',' or ';' or ':' or '!' or '?' || IsQuoteMark(doc.Text, doc.TokenStarts[t]);

    /// <summary>True when a quotation mark starts at <paramref name="offset"/>: " “ ” or either half of a doubled apostrophe ('').</summary>
    internal static bool IsQuoteMark(string text, int offset) =>
        offset < text.Length && (text[offset] is '"' or '“' or '”'
                                 || text[offset] == '\'' && (IsDoubledApostrophe(text, offset) || offset > 0 && text[offset - 1] == '\''));

    /// <summary>True when <paramref name="offset"/> starts a doubled apostrophe ('') standing for a quotation mark.</summary>
    internal static bool IsDoubledApostrophe(string text, int offset) =>
        offset + 1 < text.Length && text[offset] == '\'' && text[offset + 1] == '\'' && (offset == 0 || text[offset - 1] != '\'');

    private static bool CrossesParagraph(string text, int from, int to) => to > from && text.AsSpan(from, to - from).Contains('\n');

    private static int NounPhraseEnd(DocumentView view, int from)
    {
        var end = from;
        while (end < view.Doc.TokenCount && end - from < MaxSpeakerTokens && !IsBoundary(view.Doc, end)) end++;
        return end;
    }

    /// <summary>The speaker named by tokens [npStart, npEnd), looking for entities over [spanStart, spanEnd).</summary>
    internal static (string?, TextRange?) Resolve(DocumentView view, int npStart, int npEnd, int spanStart, int spanEnd, List<(int End, string Name)> persons)
    {
        var doc = view.Doc;
        if (npEnd <= npStart) return (null, null);
        var np = new TextRange(doc.TokenStarts[npStart], doc.TokenEnds[npEnd - 1]);
        var span = new TextRange(doc.TokenStarts[spanStart], doc.TokenEnds[Math.Max(spanStart, spanEnd - 1)]);
        foreach (var e in doc.Entities)
            if (e.Type == EntityType.PER && span.Contains(e.Range)) return (e.Text, e.Range);
        foreach (var e in doc.Entities)
            if (np.Contains(e.Range)) return (e.Text, e.Range);
        foreach (var a in doc.Actors)
            if (np.Contains(a.Range)) return (a.Text, a.Range);

        var first = view.Word(npStart);
        var pronoun = npEnd - npStart == 1 && EventLexicon.PersonalPronouns.Contains(first);
        var description = first.Equals("the", StringComparison.OrdinalIgnoreCase) && npEnd - npStart <= 4;
        if (description && view.In(npEnd - 1, EventLexicon.GroupNouns)) return (LastGroup(doc, np.Start), np);
        if (pronoun || description) return (LastPerson(persons, np.Start), np);
        // "An al-Nusra source told Reuters": an indefinite description is the speaker as given.
        if (first.Equals("a", StringComparison.OrdinalIgnoreCase) || first.Equals("an", StringComparison.OrdinalIgnoreCase))
            return (np.Slice(doc.Text), np);
        if (npEnd - npStart == 1 && EventLexicon.GroupPronouns.Contains(first)) return (LastGroup(doc, np.Start), np);

        // No entity layer: a run of capitalised words is a name ("Abu Talha said").
        var capStart = -1;
        for (var t = npStart; t < npEnd; t++)
        {
            if (char.IsUpper(view.Word(t)[0])) { if (capStart < 0) capStart = t; }
            else if (capStart >= 0) { npEnd = t; break; }
        }
        if (capStart < 0) return (null, null);
        var name = new TextRange(doc.TokenStarts[capStart], doc.TokenEnds[npEnd - 1]);
        return (name.Slice(doc.Text), name);
    }

    private static string? LastPerson(List<(int End, string Name)> persons, int before)
    {
        string? best = null;
        var bestEnd = -1;
        foreach (var (end, name) in persons)
            if (end <= before && end > bestEnd) { bestEnd = end; best = name; }
        return best;
    }

    private static string? LastGroup(Document doc, int before)
    {
        string? best = null;
        var bestEnd = -1;
        foreach (var e in doc.Entities)
            if (e.Type == EntityType.ORG && e.Range.End <= before && e.Range.End > bestEnd) { bestEnd = e.Range.End; best = e.Text; }
        foreach (var a in doc.Actors)
            if (a.Range.End <= before && a.Range.End > bestEnd) { bestEnd = a.Range.End; best = a.Actor.Id; }
        return best;
    }
}
