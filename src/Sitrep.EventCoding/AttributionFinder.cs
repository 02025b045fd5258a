using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Attributions outside the direct quotes, found by <see cref="AttributionModel"/>: every cue the model marks
/// ("said", "told", "according to", "believes", "argued", noun cues such as "claims"), its source chosen among the
/// tokens of the sentence, and as content the clause the cue governs: what follows it ("X said C", "According to X,
/// C"), or what precedes it when nothing but punctuation or a short circumstance follows ("C, X said.") or when a
/// direct quote has just closed. A pronoun source resolves to the person named before it; a description
/// ("officials", "the campaign") is kept as written. An attribution of a direct quote only lends the quote its
/// speaker when <see cref="QuoteFinder"/> found none.
/// </summary>
internal static class AttributionFinder
{
    // "told reporters in an interview that ...": the addressee before "that" stays short.
    private const int MaxAddresseeTokens = 5;
    // "the former secretary of state": how far left of the chosen source word a determiner is looked for.
    private const int MaxModifierTokens = 4;
    // How far (characters) a quote without a named speaker may follow the last attributed one and still continue it.
    private const int MaxContinuationChars = 600;
    // Shorter contents are mostly a cue's object, not what was said ("spoke to the BBC").
    private const int MinContentWords = 2;
    // "said on a call with reporters.": a phrase this short after the cue, opened by a preposition, is circumstance.
    private const int MaxAdjunctTokens = 5;
    // "Six months ago, the senator said, C": an opener this short before a cue set off by commas is no content
    // (a clause of five words or more is: "Five people were killed, police said, adding ...").
    private const int MaxOpenerTokens = 4;
    // "former George W. Bush speechwriter Noam Neusner": how far before the source a quote closed by a comma is looked for.
    private const int MaxSpeakerPhraseTokens = 8;
    // Tokens whose cue features are hashed together before their weights are read (see ScoreCues).
    private const int CueBatch = AttributionFeatures.MaxBatch;

    /// <summary>The attributions of the document that no direct quote in <paramref name="direct"/> already stands for.</summary>
    public static List<Quote> Find(DocumentView view, AttributionModel model, List<Quote> direct)
    {
        var doc = view.Doc;
        var found = new List<Quote>();
        if (doc.TokenCount == 0) return found;
        var persons = QuoteFinder.Persons(doc);
        using var features = new AttributionFeatures(doc, model.Bits);
        Span<int> f = stackalloc int[AttributionFeatures.MaxFeatures];
        Span<int> batch = stackalloc int[CueBatch * AttributionFeatures.MaxFeatures];
        Span<float> cueScores = stackalloc float[CueBatch];
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            int first = sentence.FirstToken, end = sentence.EndToken;
            var last = end;
            while (last > first && IsClosing(doc, last - 1)) last--;
            // A run of cue words ("according to", "told reporters") is one cue, anchored at its best-scoring word.
            int runStart = -1, anchor = -1;
            var anchorScore = float.NegativeInfinity;
            for (var c = first; c <= last; c++)
            {
                if ((c - first) % CueBatch == 0) ScoreCues(features, model, c, Math.Min(last, c + CueBatch), first, end, batch, cueScores);
                var score = c < last ? cueScores[(c - first) % CueBatch] : float.NegativeInfinity;
                if (score > model.CueThreshold)
                {
                    if (runStart < 0) { runStart = c; anchorScore = float.NegativeInfinity; }
                    if (score > anchorScore) (anchor, anchorScore) = (c, score);
                    continue;
                }
                if (runStart < 0) continue;
                var j = ChooseSource(features, model, anchor, first, end, f);
                // "repeated his claim that ...": two cues of one attribution give it once.
                if (j >= 0 && (j < runStart || j >= c) && Make(view, s, runStart, c, j, first, last, persons) is { } q
                    && (found.Count == 0 || found[^1].Range != q.Range || found[^1].SpeakerRange != q.SpeakerRange)) found.Add(q);
                runStart = -1;
            }
        }
        return MergeWithDirect(doc.Text, found, direct);
    }

    /// <summary>
    /// Cue scores of tokens [<paramref name="from"/>, <paramref name="to"/>) of the sentence [first, end) into
    /// <paramref name="scores"/> (negative infinity for punctuation). All the tokens' features are hashed before any
    /// weight is read, so the reads of several tokens are in flight at once: the weight table is far larger than
    /// the cache, and reading one token's weights between two tokens' hashing waited on memory each time.
    /// </summary>
    private static void ScoreCues(AttributionFeatures features, AttributionModel model, int from, int to, int first, int end,
        Span<int> batch, Span<float> scores)
    {
        const int max = AttributionFeatures.MaxFeatures;
        features.Cues(from, to, first, end, batch);
        for (var c = from; c < to; c++)
            scores[c - from] = features.IsPunctuation(c)
                ? float.NegativeInfinity
                : AttributionModel.Score(model.Cue, batch.Slice((c - from) * max, AttributionFeatures.CueFeatures));
    }

    /// <summary>
    /// The best-scoring source token for the cue at <paramref name="c"/>, or -1 when "none" scores best. As for cues,
    /// every candidate's features are hashed before any weight is read.
    /// </summary>
    internal static int ChooseSource(AttributionFeatures features, AttributionModel model, int c, int first, int end, Span<int> f)
    {
        const int max = AttributionFeatures.MaxFeatures;
        var best = -1;
        var bestScore = AttributionModel.Score(model.Source, f[..features.Source(-1, c, first, end, f)]);
        var from = Math.Max(first, c - AttributionFeatures.MaxSourceDistance);
        var to = Math.Min(end, c + AttributionFeatures.MaxSourceDistance + 1);
        var (gaps, counts, batch) = features.CandidateScratch;
        features.Gaps(c, from, to, gaps);
        for (var j = from; j < to; j++)
        {
            var g = gaps[j - from];
            counts[j - from] = j == c || features.IsPunctuation(j) ? 0
                : features.Source(j, c, first, end, g & 1, g >> 1 & 1, g >> 2, batch.AsSpan((j - from) * max, max));
        }
        for (var j = from; j < to; j++)
        {
            if (j == c || features.IsPunctuation(j)) continue;
            var score = AttributionModel.Score(model.Source, batch.AsSpan((j - from) * max, counts[j - from]));
            if (score > bestScore) { bestScore = score; best = j; }
        }
        return best;
    }

    private static Quote? Make(DocumentView view, int s, int cueStart, int cueEnd, int j, int first, int last, List<(int End, string Name)> persons)
    {
        var doc = view.Doc;
        var (speaker, speakerRange, npStart, npEnd) = Speaker(view, s, j, cueStart, cueEnd, first, persons);
        // "according to a New York Times/CBS News poll": the source's phrase runs on to the next punctuation mark; a
        // phrase that is no entity or pronoun ("according to local officials") is the speaker as written, whole.
        if (npStart > cueStart && view.Is(cueStart, "according"))
        {
            var phraseEnd = npEnd;
            while (phraseEnd < last && !QuoteFinder.IsBoundary(doc, phraseEnd)) phraseEnd++;
            if (phraseEnd > npEnd && !IsMention(doc, speakerRange) && !view.In(j, EventLexicon.AttributionPronouns))
            {
                var whole = new TextRange(doc.TokenStarts[npStart], doc.TokenEnds[phraseEnd - 1]);
                if (speaker == speakerRange.Slice(doc.Text)) speaker = whole.Slice(doc.Text);
                speakerRange = whole;
            }
            npEnd = phraseEnd;
        }
        int before, after;
        if (npEnd <= cueStart)
        {
            before = npStart;
            after = CueEnd(view, cueEnd - 1, last);
        }
        else
        {
            before = Math.Min(cueStart, npStart);
            after = Math.Max(CueEnd(view, cueEnd - 1, last), npEnd);
        }
        int from, to;
        // The content follows the cue ("X said C", "X assailed Mrs. Clinton") unless nothing but punctuation does
        // ("C, X said."; "C, said X, adding ..."); "According to X, C" has nothing before it.
        var followed = after < last && !QuoteFinder.IsBoundary(doc, after) && !IsAdjunct(view, after, last);
        var opening = after < last ? QuoteOpening(view, after, last) : -1;
        if (opening >= 0) (from, to) = (opening, last);
        // "Six months ago, the senator said, the media ...": a cue set off by commas after a short opener governs what follows.
        else if (!followed && after + 1 < last && view.Is(after, ",") && before - first <= MaxOpenerTokens && !ClosesQuote(doc, before, first)
                 && !view.In(after + 1, EventLexicon.Connectives) && !view.Word(after + 1).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
            (from, to) = (after + 1, last);
        else if (after < last && (followed || before - first <= 1 && QuoteFinder.IsBoundary(doc, after)) && (!ClosesQuote(doc, before, first) || followed && view.In(after, EventLexicon.AttributionPronouns))) (from, to) = (after, last);
        else if (after >= last && last < doc.Sentence(s).EndToken && view.Is(last, ":") && s + 1 < doc.SentenceCount)
        {
            // "Cruz continued:" — the content is what follows, usually a quote in the next paragraph.
            var next = doc.Sentence(s + 1);
            (from, to) = (next.FirstToken, next.EndToken);
        }
        else (from, to) = (first, before);
        // "Barkley, who said he votes in every election, drove home": a relative clause's content ends with the clause.
        if (view.In(j, EventLexicon.RelativePronouns) && from > j)
            for (var k = from + 1; k < to; k++)
                if (view.Is(k, ",")) { to = k; break; }
        while (from < to && (QuoteFinder.IsBoundary(doc, from) || view.Is(from, "that") || view.In(from, EventLexicon.Connectives))) from++;
        while (to > from && QuoteFinder.IsBoundary(doc, to - 1)) to--;
        if (to <= from) return null;
        var content = new TextRange(doc.TokenStarts[from], doc.TokenEnds[to - 1]);
        if (QuoteFinder.CountWords(doc.Text, content) < MinContentWords) return null;
        return new Quote(speaker, content.Slice(doc.Text), content, speakerRange, IsDirect: false);
    }

    /// <summary>
    /// True when tokens [<paramref name="from"/>, <paramref name="last"/>) are one short circumstance, not what was said:
    /// "in an interview", "at the time", "to the BBC" (not "to oppose the bill").
    /// </summary>
    private static bool IsAdjunct(DocumentView view, int from, int last)
    {
        if (last - from > MaxAdjunctTokens || !view.In(from, EventLexicon.AdjunctOpeners)) return false;
        if (!view.Is(from, "to")) return true;
        return from + 1 < last && (view.In(from + 1, EventLexicon.Determiners) || char.IsUpper(view.Word(from + 1)[0]) || view.Is(from + 1, "reporters"));
    }

    /// <summary>
    /// The token of a quotation mark opening just after the cue ("X said, “...”", "said of the episode, ''...''",
    /// "continued: “...”"), past a comma, a colon or a short circumstance; -1 when what follows is no quotation.
    /// </summary>
    private static int QuoteOpening(DocumentView view, int after, int last)
    {
        var doc = view.Doc;
        for (var k = after; k < last && k <= after + MaxAdjunctTokens + 1; k++)
        {
            if (QuoteFinder.IsQuoteMark(doc.Text, doc.TokenStarts[k])) return k == after || view.Is(k - 1, ",") || view.Is(k - 1, ":") ? k : -1;
            if (QuoteFinder.IsBoundary(doc, k) && !view.Is(k, ",") && !view.Is(k, ":")) return -1;
        }
        return -1;
    }

    /// <summary>
    /// True when a closing quotation mark stands just before token <paramref name="at"/> ("“...,” Doug Usher said at
    /// the time"): the attribution is the quote's, whatever follows the cue.
    /// </summary>
    private static bool ClosesQuote(Document doc, int at, int first)
    {
        for (var k = at - 1; k >= first && k >= at - 2; k--)
            if (doc.Text[doc.TokenStarts[k]] is '”' or '"' or '\'') return true;
        // "“...,” former Bush speechwriter Noam Neusner wrote in a column": a quote closed by a comma, then the speaker's phrase.
        for (var k = at - 1; k > first && k >= at - MaxSpeakerPhraseTokens; k--)
        {
            if (QuoteFinder.IsQuoteMark(doc.Text, doc.TokenStarts[k]))
            {
                var m = k - 1;
                while (m > first && QuoteFinder.IsQuoteMark(doc.Text, doc.TokenStarts[m])) m--;
                return doc.Text[doc.TokenStarts[m]] is ',' or '?' or '!';
            }
            if (QuoteFinder.IsBoundary(doc, k)) return false;
        }
        return false;
    }

    /// <summary>The token after the cue's words: "according to", "told reporters (in an interview) that", "said that".</summary>
    private static int CueEnd(DocumentView view, int c, int last)
    {
        var next = c + 1;
        if (view.Is(c, "according") && next < last && view.Is(next, "to")) return next + 1;
        for (var k = next; k < last && k <= next + MaxAddresseeTokens; k++)
        {
            // "said, adding that ...": the "that" of a second cue after a comma is not this one's.
            if (QuoteFinder.IsBoundary(view.Doc, k) && !(view.Is(k, ",") && k + 1 < last && !view.Word(k + 1).EndsWith("ing", StringComparison.OrdinalIgnoreCase))) break;
            if (view.Is(k, "that")) return k + 1;
        }
        return next;
    }

    /// <summary>The speaker named at token <paramref name="j"/>: the entity it lies in, a pronoun resolved, or its noun phrase.</summary>
    private static (string? Name, TextRange Range, int NpStart, int NpEnd) Speaker(DocumentView view, int s, int j, int cueStart, int cueEnd,
        int first, List<(int End, string Name)> persons)
    {
        var doc = view.Doc;
        // "according to the Syrian Observatory": the phrase's head, not its article, names the source.
        while (view.In(j, EventLexicon.Determiners) && !view.In(j, EventLexicon.AttributionPronouns) && j + 1 < doc.Sentence(s).EndToken
               && j + 1 != cueStart && !QuoteFinder.IsBoundary(doc, j + 1)) j++;
        foreach (var e in view.Entities[s])
            if (e.StartToken <= j && j < e.EndToken)
                return (e.Mention.Text, e.Range, e.StartToken > first && view.In(e.StartToken - 1, EventLexicon.Determiners) ? e.StartToken - 1 : e.StartToken, e.EndToken);
        // "Barkley, who said ...": the relative pronoun is the source as written; the name is the one it follows.
        if (view.In(j, EventLexicon.RelativePronouns))
        {
            string? antecedent = null;
            if (j - 1 > first && view.Is(j - 1, ","))
                foreach (var e in view.Entities[s])
                    if (e.EndToken == j - 1) antecedent = e.Mention.Text;
            return (antecedent ?? view.Word(j).ToString(), doc.Token(j).Range, j, j + 1);
        }
        // A pronoun is a phrase of its own ("..., said he thought ...").
        var pronoun = view.In(j, EventLexicon.AttributionPronouns);
        var start = pronoun ? j : PhraseStart(view, j, cueStart, cueEnd, first);
        var end = j + 1;
        // "The defence ministry said": the phrase runs on to the cue when the model pointed inside it.
        if (!pronoun && j < cueStart && cueStart - end <= MaxModifierTokens)
        {
            var k = end;
            while (k < cueStart && !QuoteFinder.IsBoundary(doc, k) && !view.In(k, EventLexicon.RelativePronouns)) k++;
            if (k == cueStart) end = k;
        }
        var (name, range) = QuoteFinder.Resolve(view, start, end, start, end, persons);
        var np = new TextRange(doc.TokenStarts[start], doc.TokenEnds[end - 1]);
        // The mention is where the model pointed: a name found elsewhere in the phrase does not move it.
        if (range is { } r && !r.Overlaps(doc.Token(j).Range)) (name, range) = (null, null);
        // "Local officials said": a capitalised opener is no name when the entity layer saw none there; the phrase is the speaker.
        if (range is { } part && part != np && np.Contains(part) && !IsMention(doc, part)) (name, range) = (null, null);
        // A pronoun or description keeps its own span (that is what the text says); the name is the resolved one.
        return (name ?? np.Slice(doc.Text), range ?? np, start, end);
    }

    private static bool IsMention(Document doc, TextRange r)
    {
        foreach (var e in doc.Entities) if (e.Range == r) return true;
        foreach (var a in doc.Actors) if (a.Range == r) return true;
        return false;
    }

    /// <summary>
    /// First token of the noun phrase ending at the source word <paramref name="j"/>: everything back to the cue or a
    /// punctuation mark when that is short ("According to local officials", "Trump's campaign manager said"), else
    /// back to a determiner ("the former secretary of state"), else over capitalised words ("Sen. Bernie Sanders").
    /// </summary>
    private static int PhraseStart(DocumentView view, int j, int cueStart, int cueEnd, int first)
    {
        var doc = view.Doc;
        var b = j;
        var floor = j >= cueEnd ? cueEnd : first;
        while (b > floor && j - (b - 1) <= MaxModifierTokens && !QuoteFinder.IsBoundary(doc, b - 1)) b--;
        if (b == floor || QuoteFinder.IsBoundary(doc, b - 1))
        {
            // "But local officials said": an opening connective is not part of the phrase.
            while (b < j && (view.In(b, EventLexicon.SentenceOpeners) && !view.In(b, EventLexicon.Determiners) || view.In(b, EventLexicon.Connectives))) b++;
            return b;
        }
        for (var k = j - 1; k >= first && k >= j - MaxModifierTokens && k != cueStart && !QuoteFinder.IsBoundary(doc, k); k--)
            if (view.In(k, EventLexicon.Determiners)) return k;
        var start = j;
        // A name runs on over capitalised words, not over a capitalised sentence opener ("But officials").
        if (char.IsUpper(view.Word(j)[0]))
            while (start > first && start - 1 != cueEnd - 1 && !QuoteFinder.IsBoundary(doc, start - 1) && char.IsUpper(view.Word(start - 1)[0])
                   && !view.In(start - 1, EventLexicon.AttributionPronouns) && !view.In(start - 1, EventLexicon.SentenceOpeners)) start--;
        return start;
    }

    /// <summary>
    /// Drops attributions of direct quotes (the quote already stands for them), lending the attribution's speaker to a
    /// quote without one, and to a quote embedded in the reported clause ("alleged that the DNC “failed to ...”"):
    /// such a fragment is the attribution's words, while the direct-quote rules looked beside it for a speaker.
    /// </summary>
    private static List<Quote> MergeWithDirect(string text, List<Quote> found, List<Quote> direct)
    {
        if (direct.Count == 0) return found;
        var kept = new List<Quote>(found.Count);
        foreach (var q in found)
        {
            var overlaps = false;
            for (var d = 0; d < direct.Count; d++)
            {
                if (!direct[d].Range.Overlaps(q.Range)) continue;
                overlaps = true;
                if ((direct[d].Speaker is null || Embeds(text, q.Range, direct[d].Range)) && q.SpeakerRange is { } r && !r.Overlaps(direct[d].Range))
                    direct[d] = direct[d] with { Speaker = q.Speaker, SpeakerRange = q.SpeakerRange };
            }
            if (!overlaps) kept.Add(q);
        }
        return kept;
    }

    // Words of the reported clause before a quotation that make it a fragment quoted inside the clause.
    private const int MinWordsBeforeEmbedded = 2;

    private static bool Embeds(string text, TextRange content, TextRange quote) =>
        content.Start < quote.Start && content.End >= quote.End
        && QuoteFinder.CountWords(text, new TextRange(content.Start, quote.Start)) >= MinWordsBeforeEmbedded;

    /// <summary>
    /// A quote nobody is named for continues the speaker of the attribution just before it (news quotes a speaker
    /// over several paragraphs after naming them once), when that one is at most <see cref="MaxContinuationChars"/> back.
    /// </summary>
    public static void ContinueSpeakers(List<Quote> quotes)
    {
        Quote? previous = null;
        for (var k = 0; k < quotes.Count; k++)
        {
            var q = quotes[k];
            if (q.SpeakerRange is null && previous is { } p && q.Range.Start - p.Range.End <= MaxContinuationChars)
                quotes[k] = q = q with { Speaker = p.Speaker, SpeakerRange = p.SpeakerRange };
            if (q.SpeakerRange is not null) previous = q;
        }
    }

    private static bool IsClosing(Document doc, int t) => doc.Text[doc.TokenStarts[t]] is '.' or '!' or '?' or ';' or ':';
}
