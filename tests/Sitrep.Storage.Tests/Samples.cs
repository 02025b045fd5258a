using Sitrep.Core;
using Sitrep.Testing;

namespace Sitrep.Storage.Tests;

/// <summary>Hand-made documents, events and incidents for storage tests.</summary>
internal static class Samples
{
    public static readonly Place Hajin = new("Hajin", new GeoPoint(34.69, 40.83), "SY", "Deir ez-Zor", PlaceKind.PopulatedPlace, 37000, 170000);
    public static readonly Place Mosul = new("Mosul", new GeoPoint(36.34, 43.13), "IQ", "Nineveh", PlaceKind.PopulatedPlace, 1_700_000, 99072);
    public static readonly Place Gaza = new("Gaza", new GeoPoint(31.50, 34.47), "PS", "Gaza Strip", PlaceKind.PopulatedPlace, 410000, 281133);

    public static ConflictEvent Event(Place? place, string day, string subType = "Air/drone strike",
        string? actor1 = "Coalition (US-led)", string? actor2 = "Islamic State", int? killed = null) => new()
    {
        SubEventType = subType,
        Trigger = new TextRange(5, 15),
        Date = ResolvedDate.Day(DateOnly.ParseExact(day, "yyyy-MM-dd"), "\"on Thursday\" before publication"),
        Place = place,
        GeoPrecision = 1,
        Actor1 = actor1,
        Actor2 = actor2,
        FatalitiesMin = killed,
        FatalitiesMax = killed,
        Evidence = [new TextRange(0, 20)],
    };

    public static Document Doc(string id, string text, string? title = null, string hash = "", params ConflictEvent[] events)
    {
        var doc = new DocumentBuilder().WithText(text).PublishedOn("2018-08-31").From(id, "Outlet " + id).Build();
        return doc with
        {
            Meta = doc.Meta with { Title = title, ContentHash = hash.Length > 0 ? hash : "hash-" + id, Url = $"https://example.org/{id}" },
            Events = events,
        };
    }

    public static Incident Incident(string id, ConflictEvent e, int sources, IncidentGrade grade, params string[] documentIds) => new()
    {
        IncidentId = id,
        Event = e,
        Sources = [.. documentIds.Select(d => new IncidentSource(d, "Outlet " + d, $"https://example.org/{d}", "Title " + d))],
        SourceCount = sources,
        Grade = grade,
        GradeReason = "test",
        FatalitiesMin = e.FatalitiesMin,
        FatalitiesMax = e.FatalitiesMax is { } m ? m + 2 : null,
    };
}
