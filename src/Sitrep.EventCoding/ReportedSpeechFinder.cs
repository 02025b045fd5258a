using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Finds reported (indirect) speech outside quotation marks, one per sentence, in the three shapes news uses:
/// "X said (that) C" / "X told Reuters (that) C", "C, X said." / "C, said X.", and "According to X, C" /
/// "C, according to X." The speaker is resolved as for direct quotes (names, pronouns, "the ministry"); a plain
/// description ("officials", "rescue workers") is kept as written. Sentences holding a direct quote are left to
/// <see cref="QuoteFinder"/>; a short quoted phrase inside reported speech is part of it.
/// </summary>
internal static class ReportedSpeechFinder
{
    private const int MinContentWords = 3;
    private const int MaxSpeakerTokens = 6;
    // "..., the Syrian Observatory for Human Rights said." — the tail after the last comma stays short.
    private const int MaxTailTokens = 9;
    // "told Reuters in an interview that ...": the addressee before "that" stays short.
    private const int MaxAddresseeTokens = 5;

    public static List<Quote> Find(DocumentView view, IReadOnlyList<Quote> direct)
    {
        var doc = view.Doc;
        var found = new List<Quote>();
        var persons = QuoteFinder.Persons(doc);
        var d = 0;
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            int first = sentence.FirstToken, end = sentence.EndToken;
            if (end - first < 4) continue;
            var range = sentence.Range;
            while (d < direct.Count && direct[d].Range.End <= range.Start) d++;
            // A short quoted phrase inside reported speech ("says Obama is “obsessed” with ...") is part of it.
            if (d < direct.Count && direct[d].Range.Start < range.End) continue;
            // Content stops before the closing punctuation.
            var last = end;
            while (last > first && IsClosing(doc, last - 1)) last--;
            if (Match(view, first, last, persons) is { } q) found.Add(q);
        }
        return found;
    }

    private static Quote? Match(DocumentView view, int first, int last, List<(int End, string Name)> persons)
    {
        // "According to X, C"
        if (view.Is(first, "according") && first + 1 < last && view.Is(first + 1, "to"))
        {
            var comma = NextComma(view.Doc, first + 2, last);
            if (comma > first + 2 && comma - (first + 2) <= MaxSpeakerTokens)
                return Make(view, first + 2, comma, comma + 1, last, persons);
        }
        // "C, according to X."
        for (var k = first + 1; k + 2 < last; k++)
            if (view.Is(k, "according") && view.Is(k + 1, "to") && view.Is(k - 1, ","))
                return Make(view, k + 2, NounPhraseEnd(view, k + 2, last), first, k - 1, persons);

        // "C, X said." / "C, said X."
        var lastComma = -1;
        for (var k = last - 1; k > first && k >= last - MaxTailTokens; k--)
            if (view.Is(k, ",")) { lastComma = k; break; }
        if (lastComma > first)
        {
            var tail = lastComma + 1;
            if (tail < last && view.In(tail, EventLexicon.ReportingVerbs))
                return Make(view, tail + 1, NounPhraseEnd(view, tail + 1, last), first, lastComma, persons);
            for (var v = tail + 1; v < last; v++)
            {
                if (!view.In(v, EventLexicon.ReportingVerbs)) continue;
                var npEnd = v;
                while (npEnd > tail && view.In(npEnd - 1, EventLexicon.ReportingAuxiliaries)) npEnd--;
                if (npEnd > tail && npEnd - tail <= MaxSpeakerTokens) return Make(view, tail, npEnd, first, lastComma, persons);
                break;
            }
        }

        // "X said (that) C", "X told Reuters (that) C": the first reporting verb with a short subject before it.
        for (var v = first + 1; v < last - 1; v++)
        {
            if (!view.In(v, EventLexicon.ReportingVerbs)) continue;
            var npEnd = v;
            while (npEnd > first && view.In(npEnd - 1, EventLexicon.ReportingAuxiliaries)) npEnd--;
            // "One hopeful, Carly Fiorina, says ...": the apposition before the verb is the speaker.
            if (npEnd > first + 1 && view.Is(npEnd - 1, ",")) npEnd--;
            var npStart = npEnd;
            while (npStart > first && npEnd - npStart < MaxSpeakerTokens && !QuoteFinder.IsBoundary(view.Doc, npStart - 1)) npStart--;
            if (npStart == npEnd || npEnd - npStart > MaxSpeakerTokens) continue;
            // "Trump, who said ...": a relative clause is not the main report.
            if (view.Is(npStart, "who") || view.Is(npStart, "which") || view.Is(npStart, "that")) continue;
            var content = v + 1;
            if (view.Is(v, "told") || view.Is(v, "tells") || view.Is(v, "telling"))
            {
                var that = -1;
                for (var k = content; k < last && k <= content + MaxAddresseeTokens; k++)
                    if (view.Is(k, "that")) { that = k; break; }
                content = that >= 0 ? that : content + 1;
            }
            // "said in a statement that", "said on Tuesday that": skip to the "that" close by.
            for (var k = content; k < last && k <= content + MaxAddresseeTokens; k++)
                if (view.Is(k, "that")) { content = k; break; }
            if (content < last && view.Is(content, "that")) content++;
            if (content < last && view.Is(content, ",")) content++;
            return Make(view, npStart, npEnd, content, last, persons);
        }
        return null;
    }

    private static Quote? Make(DocumentView view, int npStart, int npEnd, int contentStart, int contentEnd, List<(int End, string Name)> persons)
    {
        var doc = view.Doc;
        // "And she added that ...": a connective opens the sentence, not the speaker's name.
        while (npStart < npEnd - 1 && view.In(npStart, EventLexicon.Connectives)) npStart++;
        if (npEnd <= npStart || contentEnd <= contentStart) return null;
        var content = new TextRange(doc.TokenStarts[contentStart], doc.TokenEnds[contentEnd - 1]);
        if (QuoteFinder.CountWords(doc.Text, content) < MinContentWords) return null;
        var (speaker, speakerRange) = QuoteFinder.Resolve(view, npStart, npEnd, npStart, npEnd, persons);
        if (speakerRange is null)
        {
            // "Officials said", "rescue workers said": the description is the speaker as given.
            if (!char.IsLetter(view.Word(npEnd - 1)[0])) return null;
            speakerRange = new TextRange(doc.TokenStarts[npStart], doc.TokenEnds[npEnd - 1]);
            speaker = speakerRange.Value.Slice(doc.Text);
        }
        return new Quote(speaker, content.Slice(doc.Text), content, speakerRange, IsDirect: false);
    }

    private static int NextComma(Document doc, int from, int last)
    {
        for (var k = from; k < last; k++)
            if (doc.Text[doc.TokenStarts[k]] == ',') return k;
        return -1;
    }

    private static int NounPhraseEnd(DocumentView view, int from, int last)
    {
        var end = from;
        while (end < last && end - from < MaxSpeakerTokens && !QuoteFinder.IsBoundary(view.Doc, end)) end++;
        return end;
    }

    private static bool IsClosing(Document doc, int t) => doc.Text[doc.TokenStarts[t]] is '.' or '!' or '?' or ';' or ':';

}
