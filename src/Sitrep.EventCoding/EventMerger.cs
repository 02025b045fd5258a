using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>
/// Merges repeated reports of one event within a document ("US jets struck Raqqa on Saturday... The strikes on
/// Raqqa..."): same sub-type, dates that do not disagree, places that do not disagree, and at least one of date or
/// place positively agreeing. The merged event keeps the earliest trigger and fills gaps from the later ones.
/// </summary>
internal static class EventMerger
{
    public static List<ConflictEvent> Merge(List<ConflictEvent> events, string text)
    {
        var merged = new List<ConflictEvent>(events.Count);
        foreach (var e in events)
        {
            var target = -1;
            for (var k = 0; k < merged.Count; k++)
                if (Agree(merged[k], e) || SameSentence(merged[k], e, text)) { target = k; break; }
            if (target < 0) merged.Add(e);
            else merged[target] = Combine(merged[target], e);
        }
        return merged;
    }

    // A headline printed twice, a paragraph syndicated twice on the page: same words, same event.
    private static bool SameSentence(ConflictEvent a, ConflictEvent b, string text) =>
        string.Equals(a.SubEventType, b.SubEventType, StringComparison.Ordinal) && a.Evidence.Count > 0 && b.Evidence.Count > 0
        && a.Evidence[0].Length == b.Evidence[0].Length
        && text.AsSpan(a.Evidence[0].Start, a.Evidence[0].Length).SequenceEqual(text.AsSpan(b.Evidence[0].Start, b.Evidence[0].Length));

    internal static bool Agree(ConflictEvent a, ConflictEvent b)
    {
        if (!string.Equals(a.SubEventType, b.SubEventType, StringComparison.Ordinal)) return false;
        if (a.Modality.IsCounted() != b.Modality.IsCounted()) return false;
        var bothDated = a.Date.IsResolved && b.Date.IsResolved;
        if (bothDated && !a.Date.Overlaps(b.Date)) return false;
        var placeMatch = PlaceRelation(a.Place, b.Place);
        if (placeMatch < 0) return false;
        return (bothDated && a.Date.Overlaps(b.Date)) || placeMatch > 0;
    }

    /// <summary>1 same or containing place, 0 unknown on either side, -1 different places.</summary>
    internal static int PlaceRelation(Place? a, Place? b)
    {
        if (a is null || b is null) return 0;
        if (!string.Equals(a.CountryCode, b.CountryCode, StringComparison.OrdinalIgnoreCase)) return -1;
        if (string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase)) return 1;
        if (a.Kind == PlaceKind.Country || b.Kind == PlaceKind.Country) return 1;
        if (a.Kind == PlaceKind.Admin1 && string.Equals(a.Name, b.Admin1, StringComparison.OrdinalIgnoreCase)) return 1;
        if (b.Kind == PlaceKind.Admin1 && string.Equals(b.Name, a.Admin1, StringComparison.OrdinalIgnoreCase)) return 1;
        return -1;
    }

    private static ConflictEvent Combine(ConflictEvent a, ConflictEvent b)
    {
        var preferB = b.Place is not null && (a.Place is null || b.GeoPrecision < a.GeoPrecision);
        var evidence = new List<TextRange>(a.Evidence.Count + b.Evidence.Count);
        evidence.AddRange(a.Evidence);
        foreach (var r in b.Evidence) if (!evidence.Contains(r)) evidence.Add(r);
        var claims = new List<string>(a.Claims);
        foreach (var c in b.Claims) if (!claims.Contains(c)) claims.Add(c);
        return a with
        {
            Date = a.Date.IsResolved ? a.Date : b.Date,
            Actor1 = claims.Count > 0 && (a.Actor1 is null || b.Actor1 is null) ? null : a.Actor1 ?? b.Actor1,
            Actor2 = a.Actor2 ?? b.Actor2,
            Place = preferB ? b.Place : a.Place,
            GeoPrecision = preferB ? b.GeoPrecision : a.GeoPrecision,
            FatalitiesMin = MaxOf(a.FatalitiesMin, b.FatalitiesMin),
            FatalitiesMax = MaxOf(a.FatalitiesMax, b.FatalitiesMax),
            InjuredMin = MaxOf(a.InjuredMin, b.InjuredMin),
            InjuredMax = MaxOf(a.InjuredMax, b.InjuredMax),
            CivilianTargeting = a.CivilianTargeting || b.CivilianTargeting,
            // An independent report of the same event outweighs a party's claim.
            Modality = a.Modality == Modality.Asserted || b.Modality == Modality.Asserted ? Modality.Asserted : a.Modality,
            Claims = claims,
            Evidence = evidence,
        };
    }

    /// <summary>
    /// Adds a definite mention ("the strikes were carried out by Russian jets") to the event it refers to: its
    /// agent fills an open actor1 and its figures and evidence are added; a mention that is not itself asserted or
    /// claimed ("no group claimed the attack") adds evidence only. The target's victims, date and place stay.
    /// </summary>
    public static ConflictEvent AddAnaphor(ConflictEvent e, ConflictEvent mention)
    {
        var evidence = new List<TextRange>(e.Evidence);
        foreach (var r in mention.Evidence) if (!evidence.Contains(r)) evidence.Add(r);
        if (!mention.Modality.IsCounted()) return e with { Evidence = evidence };
        var claims = new List<string>(e.Claims);
        foreach (var c in mention.Claims) if (!claims.Contains(c)) claims.Add(c);
        var actor1 = e.Actor1 ?? (mention.Actor1 != e.Actor2 ? mention.Actor1 : null);
        return e with
        {
            Actor1 = claims.Count > e.Claims.Count ? e.Actor1 : actor1,
            Date = e.Date.IsResolved ? e.Date : mention.Date,
            Place = e.Place ?? mention.Place,
            GeoPrecision = e.Place is null ? mention.GeoPrecision : e.GeoPrecision,
            FatalitiesMin = MaxOf(e.FatalitiesMin, mention.FatalitiesMin),
            FatalitiesMax = MaxOf(e.FatalitiesMax, mention.FatalitiesMax),
            InjuredMin = MaxOf(e.InjuredMin, mention.InjuredMin),
            InjuredMax = MaxOf(e.InjuredMax, mention.InjuredMax),
            Claims = claims,
            Evidence = evidence,
        };
    }

    /// <summary>Adds a follow-up sentence's casualty figures (and civilian victims) to <paramref name="e"/>.</summary>
    public static ConflictEvent AddCasualties(ConflictEvent e, ConflictEvent report)
    {
        var evidence = new List<TextRange>(e.Evidence);
        foreach (var r in report.Evidence) if (!evidence.Contains(r)) evidence.Add(r);
        var civilians = report.FatalitiesMax != 0 && report.CivilianTargeting && report.Actor2 == "Civilians";
        return e with
        {
            FatalitiesMin = MaxOf(e.FatalitiesMin, report.FatalitiesMin),
            FatalitiesMax = MaxOf(e.FatalitiesMax, report.FatalitiesMax),
            InjuredMin = MaxOf(e.InjuredMin, report.InjuredMin),
            InjuredMax = MaxOf(e.InjuredMax, report.InjuredMax),
            CivilianTargeting = e.CivilianTargeting || civilians,
            Actor2 = e.Actor2 ?? (civilians ? report.Actor2 : null),
            Evidence = evidence,
        };
    }

    // Later sentences update tolls ("rose to 37"): keep the larger figure.
    private static int? MaxOf(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
