using Sitrep.Core;

namespace Sitrep.Places;

/// <summary>
/// Chooses one gazetteer candidate per toponym by population, the document's country and admin1 context,
/// proximity to the other places, explicit hierarchy ("Hajin, in Deir Ezzor province", "Mosul, Iraq") and
/// demonyms ("the Syrian city of Raqqa"); then sets ACLED geo-precision from kind and cue words.
/// </summary>
internal sealed class PlaceResolver(Gazetteer gazetteer)
{
    // Scoring weights, in one place: a log10 population point is the unit.
    private const double CountryPrior = 11.0, Admin1Prior = 9.0, Admin2Prior = 6.0, FeaturePrior = 9.0;
    private const double NationalCapitalBonus = 1.5, Admin1CapitalBonus = 0.7, ExactKeyBonus = 1.0;
    private const double CountryContextWeight = 4.0, Admin1ContextWeight = 2.0;
    private const double HierarchyBonus = 6.0, DemonymBonus = 6.0, KindCueBonus = 4.0;
    private const double CoMentionKm = 150, CoMentionBonus = 1.5;
    private const int MaxCoMentionCandidates = 25, MaxCoMentionSupport = 3;
    private const double NamedAdmin1Vote = 3.0;
    /// <summary>Without "province"/"governorate", a name shared by an area and its capital means the town.</summary>
    private const double ProvinceNamesakePenalty = 5.0;
    /// <summary>Likewise a name shared by a country and one of its towns means the country ("Mexico", "Djibouti").</summary>
    private const double CountryNamesakePenalty = 5.0;
    /// <summary>Gazetteer-matched (not entity, not given) toponyms scoring below this are dropped as noise.</summary>
    private const double MinDetectedScore = 6.0;

    /// <summary>Resolves every toponym; null where none of its candidates is acceptable.</summary>
    public PlaceMention?[] Resolve(Document doc, List<Toponym> toponyms, List<DemonymCue> demonyms, bool keepAll, bool dropContainers)
    {
        var n = toponyms.Count;
        var hints = new Hints[n];
        for (var i = 0; i < n; i++) hints[i] = ReadHints(doc, toponyms, i, demonyms);

        // Pass 1: context from countries named, demonyms and unambiguous places; pass 2 adds pass-1 choices.
        var context = new Context();
        foreach (var d in demonyms) context.AddCountry(d.CountryCode, 1);
        for (var i = 0; i < n; i++) SeedContext(toponyms[i].Candidates, context);
        var choice = new int[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++) (choice[i], scores[i]) = Best(toponyms, i, hints[i], context, null);

        // Each distinct name votes once, so a town repeated five times cannot outvote a state named once.
        var context2 = new Context();
        foreach (var d in demonyms) context2.AddCountry(d.CountryCode, 1);
        var voted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (choice[i] < 0 || !voted.Add(NameKey.Of(doc.Slice(toponyms[i].Range)))) continue;
            var p = gazetteer[choice[i]];
            if (p.CountryCode.Length == 0) continue;
            context2.AddCountry(p.CountryCode, p.Kind == PlaceKind.Country ? 2 : 1);
            if (p.Admin1 is not null) context2.AddAdmin1(p.Admin1, p.Kind == PlaceKind.Admin1 ? NamedAdmin1Vote : 1);
        }
        var coMention = CoMentionSupport(doc, toponyms);
        var final = new int[n];
        for (var i = 0; i < n; i++)
        {
            (final[i], scores[i]) = Best(toponyms, i, hints[i], context2, coMention[i]);
        }

        var result = new PlaceMention?[n];
        for (var i = 0; i < n; i++)
        {
            if (final[i] < 0) continue;
            if (!keepAll && !toponyms[i].FromEntity && scores[i] < MinDetectedScore) continue;
            // "Douma, in rural Damascus", "Maarat al-Numan in Idlib province": the container only says where the
            // town lies (it already shaped the town's choice); as a mention of its own it would pull events to it.
            if (dropContainers && i > 0 && hints[i - 1].Container == i && final[i - 1] >= 0 && result[i - 1] is not null
                && Contains(final[i], final[i - 1])) continue;
            var place = gazetteer[final[i]];
            var precision = Precision(final[i], hints[i]);
            var reason = Explain(toponyms[i], final[i], hints[i], context2);
            result[i] = new PlaceMention(toponyms[i].Range, doc.Slice(toponyms[i].Range), place, precision, reason);
        }
        return result;
    }

    /// <summary>Votes for the country of a toponym only when every candidate lies in that one country.</summary>
    private void SeedContext(List<int> candidates, Context context)
    {
        string? cc = null;
        var isCountry = false;
        foreach (var h in candidates)
        {
            var p = gazetteer[h & int.MaxValue];
            if (p.CountryCode.Length == 0) return;
            isCountry |= p.Kind == PlaceKind.Country;
            if (cc is null) cc = p.CountryCode;
            else if (cc != p.CountryCode) return;
        }
        if (cc is not null) context.AddCountry(cc, isCountry ? 2 : 1);
    }

    private (int Entry, double Score) Best(List<Toponym> toponyms, int i, Hints hint, Context context, double[]? coMention)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        var candidates = toponyms[i].Candidates;
        for (var c = 0; c < candidates.Count; c++)
        {
            var h = candidates[c];
            var e = h & int.MaxValue;
            var s = Score(e, exact: h >= 0, hint, context);
            if (!hint.WantsArea && gazetteer[e].Kind == PlaceKind.Admin1 && HasTownInside(e, candidates)) s -= ProvinceNamesakePenalty;
            if (!hint.WantsSettlement && gazetteer[e].Kind == PlaceKind.PopulatedPlace && HasOwnCountry(e, candidates)) s -= CountryNamesakePenalty;
            if (coMention is not null) s += coMention[c];
            if (hint.Container >= 0) s += ContainerBonus(e, toponyms[hint.Container].Candidates);
            if (s > bestScore) { bestScore = s; best = e; }
        }
        return (best, bestScore);
    }

    /// <summary>True when the candidates include the country the town <paramref name="e"/> lies in ("Mexico" the city vs the country).</summary>
    private bool HasOwnCountry(int e, List<int> candidates)
    {
        var town = gazetteer[e];
        foreach (var h in candidates)
        {
            var p = gazetteer[h & int.MaxValue];
            if (p.Kind == PlaceKind.Country && p.CountryCode == town.CountryCode) return true;
        }
        return false;
    }

    /// <summary>True when a town candidate lies in the admin1 area <paramref name="e"/> ("Raqqa" the city vs the governorate).</summary>
    private bool HasTownInside(int e, List<int> candidates)
    {
        var area = gazetteer[e];
        foreach (var h in candidates)
        {
            var p = gazetteer[h & int.MaxValue];
            if (p.Kind == PlaceKind.PopulatedPlace && p.CountryCode == area.CountryCode && p.Admin1 == area.Name) return true;
        }
        return false;
    }

    /// <summary>
    /// For each candidate of each toponym, a bonus for every other distinct name that has some candidate nearby:
    /// places mentioned together tend to lie together ("Gainesville" beside "Hall County" and "Oakwood").
    /// </summary>
    private double[][] CoMentionSupport(Document doc, List<Toponym> toponyms)
    {
        var n = toponyms.Count;
        // Each distinct name supports once, through its first mention: number the names, keep the first mention of
        // each, and read that mention's point candidates once instead of once per candidate pair.
        var nameIds = new int[n];
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var firsts = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var key = NameKey.Of(doc.Slice(toponyms[i].Range));
            if (!byKey.TryGetValue(key, out nameIds[i])) { nameIds[i] = byKey[key] = byKey.Count; firsts.Add(i); }
        }
        var points = new GeoPoint[firsts.Count][];
        for (var f = 0; f < firsts.Count; f++) points[f] = PointCandidates(toponyms[firsts[f]].Candidates);
        var result = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var ci = toponyms[i].Candidates;
            var support = new double[ci.Count];
            result[i] = support;
            if (ci.Count < 2) continue; // nothing to choose
            for (var c = 0; c < ci.Count && c < MaxCoMentionCandidates; c++)
            {
                var p = gazetteer[ci[c] & int.MaxValue];
                if (!IsPoint(p)) continue;
                var seen = 0;
                for (var f = 0; f < points.Length && seen < MaxCoMentionSupport; f++)
                {
                    if (f == nameIds[i]) continue;
                    foreach (var q in points[f])
                        if (Within(p.Point, q, CoMentionKm)) { seen++; break; }
                }
                support[c] = seen * CoMentionBonus;
            }
        }
        return result;
    }

    /// <summary>The points among a toponym's first <see cref="MaxCoMentionCandidates"/> candidates.</summary>
    private GeoPoint[] PointCandidates(List<int> candidates)
    {
        var points = new List<GeoPoint>();
        for (var d = 0; d < candidates.Count && d < MaxCoMentionCandidates; d++)
        {
            var q = gazetteer[candidates[d] & int.MaxValue];
            if (IsPoint(q)) points.Add(q.Point);
        }
        return [.. points];
    }

    // Most candidate pairs are continents apart: a latitude difference rules them out before any trigonometry.
    private static bool Within(GeoPoint a, GeoPoint b, double km) =>
        Math.Abs(a.Latitude - b.Latitude) * KmPerDegreeLatitude < km && a.DistanceKm(b) < km;

    private const double KmPerDegreeLatitude = 111.0;

    private static bool IsPoint(Place p) => p.Kind is PlaceKind.PopulatedPlace or PlaceKind.Feature or PlaceKind.Admin1 && p.CountryCode.Length > 0;

    private double Score(int e, bool exact, Hints hint, Context context)
    {
        var p = gazetteer[e];
        var flags = gazetteer.Flags(e);
        var s = p.Kind switch
        {
            PlaceKind.Country => CountryPrior,
            PlaceKind.Admin1 => Admin1Prior,
            PlaceKind.Admin2 => Admin2Prior,
            PlaceKind.Feature => FeaturePrior,
            _ => Math.Log10(p.Population + 10),
        };
        if ((flags & Gazetteer.EntryFlags.NationalCapital) != 0) s += NationalCapitalBonus;
        if ((flags & Gazetteer.EntryFlags.Admin1Capital) != 0) s += Admin1CapitalBonus;
        if (exact) s += ExactKeyBonus;
        s += CountryContextWeight * context.CountryShare(p.CountryCode);
        if (p.Admin1 is not null && p.Kind != PlaceKind.Admin1) s += Admin1ContextWeight * context.Admin1Share(p.Admin1);
        if (hint.DemonymCountry is not null && hint.DemonymCountry == p.CountryCode) s += DemonymBonus;
        var isArea = p.Kind is PlaceKind.Admin1 or PlaceKind.Admin2 or PlaceKind.Country;
        if (hint.WantsArea && isArea) s += KindCueBonus;
        if (hint.WantsSettlement && p.Kind == PlaceKind.PopulatedPlace) s += KindCueBonus;
        return s;
    }

    private double ContainerBonus(int e, List<int> containerCandidates)
    {
        var p = gazetteer[e];
        foreach (var h in containerCandidates)
        {
            var c = gazetteer[h & int.MaxValue];
            if (c.Kind == PlaceKind.Country && c.CountryCode == p.CountryCode) return HierarchyBonus;
            if (c.Kind is PlaceKind.Admin1 or PlaceKind.PopulatedPlace && c.CountryCode == p.CountryCode
                && c.Admin1 is not null && c.Admin1 == p.Admin1 && p.Kind != PlaceKind.Admin1) return HierarchyBonus;
        }
        return 0;
    }

    /// <summary>True when area <paramref name="area"/> is the country or admin1 area that <paramref name="e"/> lies in.</summary>
    private bool Contains(int area, int e)
    {
        var a = gazetteer[area];
        var p = gazetteer[e];
        if (a.CountryCode != p.CountryCode || p.Kind == PlaceKind.Country) return false;
        return a.Kind == PlaceKind.Country || (a.Kind == PlaceKind.Admin1 && p.Kind != PlaceKind.Admin1 && a.Name == p.Admin1);
    }

    private int Precision(int e, Hints hint)
    {
        var p = gazetteer[e];
        if (p.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Admin2) return 3;
        if ((gazetteer.Flags(e) & Gazetteer.EntryFlags.Area) != 0) return 3; // regions, rivers, continents
        if (p.Kind == PlaceKind.Feature) return 2;
        return hint.Near ? 2 : 1;
    }

    private string Explain(Toponym t, int e, Hints hint, Context context)
    {
        var p = gazetteer[e];
        var parts = new List<string>(4)
        {
            t.Candidates.Count == 1 ? "only candidate" : $"best of {t.Candidates.Count} candidates",
            p.Kind == PlaceKind.PopulatedPlace ? $"population {p.Population}" : p.Kind.ToString().ToLowerInvariant(),
        };
        if (context.CountryShare(p.CountryCode) > 0) parts.Add($"country context {p.CountryCode}");
        if (hint.Container >= 0) parts.Add("admin hierarchy");
        if (hint.DemonymCountry == p.CountryCode) parts.Add("demonym");
        if (hint.Near) parts.Add("near/part-of cue");
        if (t.FromEntity) parts.Add("LOC entity");
        return string.Join("; ", parts);
    }

    /// <summary>What the words around toponym i say about it.</summary>
    private record struct Hints(bool Near, bool WantsArea, bool WantsSettlement, string? DemonymCountry, int Container);

    private bool HasCountryCandidate(List<int> candidates)
    {
        foreach (var h in candidates)
            if (h >= 0 && gazetteer[h].Kind == PlaceKind.Country) return true;
        return false;
    }

    private Hints ReadHints(Document doc, List<Toponym> toponyms, int i, List<DemonymCue> demonyms)
    {
        var t = toponyms[i];
        var sentence = doc.SentenceIndexOfToken(t.FirstToken);
        var sStart = sentence >= 0 ? doc.SentenceStarts[sentence] : 0;
        var sEnd = sentence >= 0 ? doc.Sentence(sentence).EndToken : doc.TokenCount;
        bool near = false, area = false, settlement = false;

        // Before: skip fillers and settlement words, look at up to three words.
        for (int k = t.FirstToken - 1, seen = 0; k >= sStart && seen < 3; k--)
        {
            var w = doc.Token(k).Chars;
            if (PlaceCues.Has(PlaceCues.Settlement, w)) { settlement = true; continue; }
            if (PlaceCues.Has(PlaceCues.Filler, w)) continue;
            seen++;
            if (PlaceCues.Has(PlaceCues.NearBefore, w)) { near = true; break; }
        }
        // After: the next word or two.
        for (int k = t.EndToken, seen = 0; k < sEnd && seen < 2; k++, seen++)
        {
            var w = doc.Token(k).Chars;
            if (PlaceCues.Has(PlaceCues.AreaAfter, w)) { area = true; break; }
            if (PlaceCues.Has(PlaceCues.NearAfter, w)) { near = true; break; }
            if (PlaceCues.Has(PlaceCues.Settlement, w)) { settlement = true; break; }
            if (!PlaceCues.Has(PlaceCues.Filler, w)) break;
        }
        string? demonym = null;
        foreach (var d in demonyms)
            if (d.Token < t.FirstToken && d.Token >= t.FirstToken - 4 && d.Token >= sStart) demonym = d.CountryCode;

        // "Hajin, in Deir Ezzor province" / "Mosul, Iraq": the next toponym, separated only by glue words.
        var container = -1;
        // A name that can be a country sits in no container: "Belgium, Denmark and the Netherlands" is a list,
        // and reading it as a hierarchy finds Belgium, Wisconsin beside Denmark, Wisconsin.
        if (i + 1 < toponyms.Count && !HasCountryCandidate(t.Candidates))
        {
            var next = toponyms[i + 1];
            var gap = next.FirstToken - t.EndToken;
            if (gap is >= 1 and <= 3 && next.FirstToken < sEnd)
            {
                var glue = true;
                for (var k = t.EndToken; k < next.FirstToken; k++)
                    if (!PlaceCues.Has(PlaceCues.HierarchyGlue, doc.Token(k).Chars)) { glue = false; break; }
                var firstGlue = doc.Token(t.EndToken).Chars;
                if (glue && (firstGlue is "," or "(" || firstGlue.Equals("in", StringComparison.OrdinalIgnoreCase))) container = i + 1;
            }
        }
        return new Hints(near, area, settlement, demonym, container);
    }

    /// <summary>Country and admin1 votes of a document.</summary>
    private sealed class Context
    {
        private readonly Dictionary<string, double> _countries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double> _admin1 = new(StringComparer.Ordinal);
        private double _maxCountry, _maxAdmin1;

        public void AddCountry(string cc, double w)
        {
            var v = _countries.GetValueOrDefault(cc) + w;
            _countries[cc] = v;
            _maxCountry = Math.Max(_maxCountry, v);
        }

        public void AddAdmin1(string name, double w)
        {
            var v = _admin1.GetValueOrDefault(name) + w;
            _admin1[name] = v;
            _maxAdmin1 = Math.Max(_maxAdmin1, v);
        }

        public double CountryShare(string cc) => _maxCountry > 0 ? _countries.GetValueOrDefault(cc) / _maxCountry : 0;
        public double Admin1Share(string name) => _maxAdmin1 > 0 ? _admin1.GetValueOrDefault(name) / _maxAdmin1 : 0;
    }
}
