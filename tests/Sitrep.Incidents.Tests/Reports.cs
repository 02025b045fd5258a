using Sitrep.Core;
using Sitrep.Incidents;

namespace Sitrep.Incidents.Tests;

/// <summary>Hand-made reports with fictional-enough places for incident tests.</summary>
internal static class Reports
{
    public static readonly Place Hajin = new("Hajin", new GeoPoint(34.69, 40.83), "SY", "Deir ez-Zor", PlaceKind.PopulatedPlace, 37000, 170000);
    public static readonly Place Mayadin = new("Al Mayadin", new GeoPoint(35.02, 40.45), "SY", "Deir ez-Zor", PlaceKind.PopulatedPlace, 44000, 170001);
    public static readonly Place DeirEzZorRegion = new("Deir ez-Zor", new GeoPoint(35.33, 40.14), "SY", "Deir ez-Zor", PlaceKind.Admin1, 0, 170002);
    public static readonly Place Raqqa = new("Ar Raqqah", new GeoPoint(35.95, 39.01), "SY", "Ar Raqqah", PlaceKind.PopulatedPlace, 220000, 170003);

    public static SourcedEvent Strike(string docId, string? source, string day, Place? place, int? killedMin = null,
        int? killedMax = null, string? actor1 = "Coalition (US-led)", string? actor2 = "Islamic State",
        Modality modality = Modality.Asserted, string subType = "Air/drone strike", int precision = 1,
        IReadOnlyList<string>? claims = null, string? url = null, ResolvedDate? date = null) =>
        new(new DocumentMeta(docId, docId + ".txt") { Source = source, Url = url, Title = "Title of " + docId },
            new ConflictEvent
            {
                SubEventType = subType,
                Trigger = new TextRange(10, 20),
                Date = date ?? ResolvedDate.Day(DateOnly.ParseExact(day, "yyyy-MM-dd"), "test"),
                Place = place,
                GeoPrecision = precision,
                Actor1 = actor1,
                Actor2 = actor2,
                FatalitiesMin = killedMin,
                FatalitiesMax = killedMax,
                Modality = modality,
                Claims = claims ?? [],
                Evidence = [new TextRange(0, 30)],
            });
}
