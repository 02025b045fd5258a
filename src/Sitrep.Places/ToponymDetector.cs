using Sitrep.Core;

namespace Sitrep.Places;

/// <summary>A candidate toponym: tokens [FirstToken, EndToken), its characters, and its gazetteer candidates.</summary>
internal sealed record Toponym(int FirstToken, int EndToken, TextRange Range, bool FromEntity, List<int> Candidates);

/// <summary>A demonym ("Syrian") at a token, pointing to a country.</summary>
internal readonly record struct DemonymCue(int Token, string CountryCode);

/// <summary>
/// Finds toponyms: LOC entities when the document has them, plus gazetteer matching over capitalised token
/// sequences (longest first), guarded against common words, person names and acronyms.
/// </summary>
internal sealed class ToponymDetector(Gazetteer gazetteer)
{
    private const int MaxTokens = 6;

    /// <summary>Toponyms in text order, and the demonyms seen.</summary>
    public (List<Toponym> Toponyms, List<DemonymCue> Demonyms) Detect(Document doc)
    {
        var n = doc.TokenCount;
        var taken = new bool[n];
        var toponyms = new List<Toponym>();
        var demonyms = new List<DemonymCue>();
        foreach (var e in doc.Entities)
        {
            var first = doc.TokenIndexAt(e.Range.Start);
            var end = Math.Max(first + 1, doc.TokenIndexAt(Math.Max(e.Range.Start, e.Range.End - 1)) + 1);
            if (first >= n) continue;
            end = Math.Min(end, n);
            var text = doc.Text.AsSpan(e.Range.Start, e.Range.Length);
            // An ORG or PER that is no known actor but is a gazetteer name is often a tagger slip ("shelled Douma",
            // "the town of Maarat al-Numan"): leave it to the guarded gazetteer scan below rather than lose the place.
            if (e.ActorId is null && (e.Type == EntityType.ORG || (e.Type == EntityType.PER && (SettlementBefore(doc, first) || PlaceTakingBefore(doc, first, end))))
                && IsGazetteerName(text)) continue;
            if (e.Type is EntityType.PER or EntityType.ORG) { MarkTaken(taken, first, end); continue; }
            if (e.Type != EntityType.LOC) continue;
            var hits = new List<int>();
            var range = e.Range;
            // "rural Damascus": the tagger leaves out the lower-case qualifier that makes it an area's name.
            if (first > 0 && PlaceCues.Has(PlaceCues.AreaQualifier, doc.Token(first - 1).Chars))
            {
                var wider = new TextRange(doc.TokenStarts[first - 1], e.Range.End);
                gazetteer.LookupEntries(doc.Text.AsSpan(wider.Start, wider.Length), hits);
                if (AnyArea(hits)) { range = wider; first--; }
                else hits.Clear();
            }
            if (hits.Count == 0) gazetteer.LookupEntries(TrimThe(text), hits);
            MarkTaken(taken, first, end);
            if (hits.Count == 0) continue;
            if (end - first == 1 && AnyOfKind(hits, PlaceKind.Country) && IsPossessive(doc, range, end))
            {
                demonyms.Add(new DemonymCue(first, gazetteer[CountryCandidate(hits)].CountryCode));
                continue;
            }
            toponyms.Add(new Toponym(first, end, range, true, hits));
        }

        var lowerWords = LowerCaseWords(doc);
        var scratch = new List<int>();
        var sentence = 0;
        var sentenceEnd = doc.SentenceCount > 0 ? doc.Sentence(0).EndToken : n;
        var titleCase = IsTitleCase(doc, 0, sentenceEnd);
        var sentenceStart = 0;
        for (var i = 0; i < n; i++)
        {
            while (i >= sentenceEnd && sentence + 1 < doc.SentenceCount)
            {
                sentence++;
                sentenceStart = doc.SentenceStarts[sentence];
                sentenceEnd = doc.Sentence(sentence).EndToken;
                titleCase = IsTitleCase(doc, sentenceStart, sentenceEnd);
            }
            if (taken[i]) continue;
            if (!IsCapitalised(doc.Token(i).Chars))
            {
                // "rural Damascus", "greater Khartoum": a lower-case qualifier that is part of an area's name.
                if (PlaceCues.Has(PlaceCues.AreaQualifier, doc.Token(i).Chars)
                    && TryMatch(doc, i, sentenceStart, Math.Min(sentenceEnd, n), taken, titleCase, lowerWords, scratch, out _, minTokens: 2) is { } area
                    && AnyArea(area.Candidates))
                {
                    toponyms.Add(area);
                    MarkTaken(taken, area.FirstToken, area.EndToken);
                    i = area.EndToken - 1;
                }
                continue;
            }
            if (gazetteer.CountryOfDemonym(doc.Token(i).Chars) is { } demonymCountry
                && (i + 1 >= n || !IsCapitalised(doc.Token(i + 1).Chars)))
            {
                // "Syrian" gives country context; it is not a town called Syrian.
                demonyms.Add(new DemonymCue(i, demonymCountry));
                continue;
            }
            var found = TryMatch(doc, i, sentenceStart, Math.Min(sentenceEnd, n), taken, titleCase, lowerWords, scratch, out var possessive);
            if (found is not null && (possessive || IsPossessive(doc, found.Range, found.EndToken))
                && (AnyOfKind(found.Candidates, PlaceKind.Country) && found.EndToken - found.FirstToken == 1
                    || CapitalForGovernment(doc, found) >= 0))
            {
                // "Russia's defence ministry", "Moscow's allies": the country owns an actor; it is context, not
                // where things happened.
                var owner = AnyOfKind(found.Candidates, PlaceKind.Country) ? CountryCandidate(found.Candidates) : CapitalForGovernment(doc, found);
                demonyms.Add(new DemonymCue(i, gazetteer[owner].CountryCode));
                MarkTaken(taken, found.FirstToken, found.EndToken);
                continue;
            }
            if (found is not null)
            {
                toponyms.Add(found);
                MarkTaken(taken, found.FirstToken, found.EndToken);
                i = found.EndToken - 1;
                continue;
            }
            if (gazetteer.CountryOfDemonym(doc.Token(i).Chars) is { } cc) demonyms.Add(new DemonymCue(i, cc));
        }
        toponyms.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return (toponyms, demonyms);
    }

    private Toponym? TryMatch(Document doc, int i, int sentenceStart, int sentenceEnd, bool[] taken, bool titleCase,
        HashSet<ulong> lowerWords, List<int> scratch, out bool possessive, int minTokens = 1)
    {
        possessive = false;
        var maxEnd = i;
        while (maxEnd < sentenceEnd && maxEnd - i < MaxTokens && !taken[maxEnd]) maxEnd++;
        for (var end = maxEnd; end >= i + minTokens; end--)
        {
            var last = doc.Token(end - 1).Chars;
            if (!IsCapitalised(last) && !(end - 1 > i && PlaceCues.Has(PlaceCues.FeatureTail, last))) continue;
            if (!InnerTokensFit(doc, i + 1, end - 1)) continue;
            var range = new TextRange(doc.TokenStarts[i], doc.TokenEnds[end - 1]);
            // Possessives: "Syria's" is Syria.
            var isPossessive = range.Length > 3 && doc.Text[range.End - 1] is 's' && doc.Text[range.End - 2] is '\'' or '’';
            if (isPossessive) range = new TextRange(range.Start, range.End - 2);
            var span = doc.Text.AsSpan(range.Start, range.Length);
            if (gazetteer.IsStopWord(span)) continue;
            // A word the same document also writes in lower case is a common word ("Battle" / "the battle").
            if (end - i == 1 && lowerWords.Contains(CaseFoldHash(span))) continue;
            scratch.Clear();
            gazetteer.LookupEntries(span, scratch);
            if (scratch.Count == 0) continue;
            if (!PassesGuards(doc, i, end, sentenceStart, sentenceEnd, span, scratch, titleCase)) return null;
            possessive = isPossessive;
            return new Toponym(i, end, range, false, [.. scratch]);
        }
        return null;
    }

    private bool PassesGuards(Document doc, int first, int end, int sentenceStart, int sentenceEnd,
        ReadOnlySpan<char> span, List<int> hits, bool titleCase)
    {
        if (IsAcronym(span) && !AnyOfKind(hits, PlaceKind.Country)) return false;
        if (first > sentenceStart && PlaceCues.Has(PlaceCues.PersonTitles, doc.Token(first - 1).Chars)) return false;
        if (end < sentenceEnd && PlaceCues.Has(PlaceCues.SpeechAfter, doc.Token(end).Chars)) return false;
        if (end - first > 1 || titleCase) return true;
        // A lone capitalised word next to another capitalised word is usually part of a name ("Barack Obama").
        // (Sentence-initial capitals say nothing, so the word before must not open the sentence.)
        if (first - 1 > sentenceStart && IsCapitalised(doc.Token(first - 1).Chars)
            && gazetteer.CountryOfDemonym(doc.Token(first - 1).Chars) is null
            && !PlaceCues.Has(PlaceCues.NearBefore, doc.Token(first - 1).Chars)) return false;
        if (end < sentenceEnd && IsCapitalised(doc.Token(end).Chars)
            && !PlaceCues.Has(PlaceCues.AreaAfter, doc.Token(end).Chars) && !PlaceCues.Has(PlaceCues.NearAfter, doc.Token(end).Chars)
            && !PlaceCues.Has(PlaceCues.Settlement, doc.Token(end).Chars)) return false;
        return true;
    }

    /// <summary>
    /// The national-capital candidate of a possessive toponym when a government word follows within two tokens
    /// ("Moscow's priority targets"); -1 otherwise.
    /// </summary>
    private int CapitalForGovernment(Document doc, Toponym t)
    {
        var capital = -1;
        foreach (var h in t.Candidates)
            if ((gazetteer.Flags(h & int.MaxValue) & Gazetteer.EntryFlags.NationalCapital) != 0) { capital = h & int.MaxValue; break; }
        if (capital < 0) return -1;
        var k = t.EndToken;
        if (k < doc.TokenCount && doc.Token(k).Chars is "'s" or "’s") k++;
        for (var end = Math.Min(doc.TokenCount, k + 2); k < end; k++)
            if (PlaceCues.Has(PlaceCues.GovernmentAfterPossessive, doc.Token(k).Chars)) return capital;
        return -1;
    }

    /// <summary>"Russia's" as one token, or "Russia" followed by a "'s" token.</summary>
    private static bool IsPossessive(Document doc, TextRange range, int end)
    {
        var t = doc.Text;
        if (range.End + 1 < t.Length && t[range.End] is '\'' or '’' && t[range.End + 1] == 's'
            && (range.End + 2 == t.Length || !char.IsLetter(t[range.End + 2]))) return true;
        return end < doc.TokenCount && doc.Token(end).Chars is "'s" or "’s";
    }

    /// <summary>"the town of X", "village X": a settlement word among the two tokens before.</summary>
    /// <summary>A one-word name right after "in"/"near"/"shelled"... and not followed by a speech verb ("in Douma").</summary>
    private static bool PlaceTakingBefore(Document doc, int first, int end) =>
        end - first == 1 && first > 0
        && PlaceCues.Has(PlaceCues.PlaceTakingBefore, doc.Token(first - 1).Chars)
        && !(end < doc.TokenCount && PlaceCues.Has(PlaceCues.SpeechAfter, doc.Token(end).Chars));

    private static bool SettlementBefore(Document doc, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 2; k--)
            if (PlaceCues.Has(PlaceCues.Settlement, doc.Token(k).Chars)) return true;
        return false;
    }

    private bool IsGazetteerName(ReadOnlySpan<char> span)
    {
        var hits = new List<int>();
        gazetteer.LookupEntries(span, hits);
        return hits.Count > 0;
    }

    private bool AnyArea(List<int> hits)
    {
        foreach (var h in hits)
            if (gazetteer[h & int.MaxValue].Kind is PlaceKind.Admin1 or PlaceKind.Admin2
                || (gazetteer.Flags(h & int.MaxValue) & Gazetteer.EntryFlags.Area) != 0) return true;
        return false;
    }

    private int CountryCandidate(List<int> hits)
    {
        foreach (var h in hits)
            if (gazetteer[h & int.MaxValue].Kind == PlaceKind.Country) return h & int.MaxValue;
        return hits[0] & int.MaxValue;
    }

    private bool AnyOfKind(List<int> hits, PlaceKind kind)
    {
        foreach (var h in hits)
            if (gazetteer[h & int.MaxValue].Kind == kind) return true;
        return false;
    }

    private static bool InnerTokensFit(Document doc, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            var t = doc.Token(k).Chars;
            if (!IsCapitalised(t) && !PlaceCues.Has(PlaceCues.Connectors, t) && !PlaceCues.Has(PlaceCues.FeatureTail, t)) return false;
        }
        return true;
    }

    private static void MarkTaken(bool[] taken, int first, int end)
    {
        for (var k = first; k < end && k < taken.Length; k++) taken[k] = true;
    }

    private static ReadOnlySpan<char> TrimThe(ReadOnlySpan<char> s) =>
        s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s;

    /// <summary>True for "Raqqa", and for article-prefixed names like "al-Azraq" or "ez-Zor".</summary>
    internal static bool IsCapitalised(ReadOnlySpan<char> t)
    {
        if (t.IsEmpty) return false;
        if (char.IsUpper(t[0])) return true;
        var dash = t.IndexOf('-');
        return dash is > 0 and <= 3 && dash + 1 < t.Length && char.IsUpper(t[dash + 1]) && IsLower(t[..dash]);
    }

    private static bool IsLower(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsLower(c)) return false;
        return true;
    }

    private static bool IsAcronym(ReadOnlySpan<char> s)
    {
        if (s.Length > 4) return false;
        foreach (var c in s) if (char.IsLower(c)) return false;
        return true;
    }

    /// <summary>
    /// Case-insensitive hashes of the words the document writes in lower case — hashes, not strings, so the scan
    /// allocates nothing per token; 64 bits make a collision (which would drop one single-word candidate) negligible.
    /// </summary>
    private static HashSet<ulong> LowerCaseWords(Document doc)
    {
        var set = new HashSet<ulong>();
        for (var k = 0; k < doc.TokenCount; k++)
        {
            var t = doc.Token(k).Chars;
            if (t.Length > 2 && char.IsLower(t[0]) && t.IndexOf('-') < 0) set.Add(CaseFoldHash(t));
        }
        return set;
    }

    /// <summary>
    /// FNV-1a over the upper-cased chars, so "Battle" and "battle" hash alike. Deterministic and a few times cheaper
    /// than the randomised string hash, which is all a set of word hashes inside one document needs.
    /// </summary>
    internal static ulong CaseFoldHash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037UL;
        foreach (var c in word)
        {
            h ^= c is >= 'a' and <= 'z' ? (uint)(c - 32) : c < 0x80 ? c : char.ToUpperInvariant(c);
            h *= 1099511628211UL;
        }
        return h;
    }

    /// <summary>Headlines capitalise every word, so capitalisation says nothing about names there.</summary>
    private static bool IsTitleCase(Document doc, int from, int to)
    {
        int words = 0, caps = 0;
        for (var k = from; k < to; k++)
        {
            var t = doc.Token(k).Chars;
            if (t.IsEmpty || !char.IsLetter(t[0])) continue;
            words++;
            if (char.IsUpper(t[0])) caps++;
        }
        return words >= 4 && caps * 10 >= words * 7;
    }
}
