using System.Globalization;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.WebLoad;

/// <summary>
/// A store of many made-up incidents for speed measurements of the web page and API: spread over twenty countries,
/// four years, every ACLED sub-type and a few dozen actors, each sourced from one of a few hundred short documents
/// (so text search has something to find). Deterministic for a given seed. Not realistic text: only its size matters.
/// </summary>
public static class SyntheticStore
{
    private static readonly (string Iso, double Lat, double Lon)[] Countries =
    [
        ("SY", 35.0, 38.5), ("IQ", 33.2, 43.7), ("YE", 15.5, 47.5), ("AF", 34.0, 66.0), ("SO", 5.2, 46.2), ("ML", 17.0, -4.0),
        ("NG", 9.1, 8.7), ("SD", 15.6, 30.2), ("UA", 48.4, 31.2), ("CD", -2.9, 23.7), ("MM", 21.9, 95.9), ("LY", 26.3, 17.2),
        ("BF", 12.2, -1.6), ("ET", 9.1, 40.5), ("PS", 31.9, 35.2), ("LB", 33.9, 35.9), ("MZ", -18.7, 35.5), ("CO", 4.6, -74.3),
        ("MX", 23.6, -102.5), ("PK", 30.4, 69.3),
    ];

    private static readonly string[] Actors =
    [
        "Islamic State", "Military Forces of Syria", "Military Forces of Iraq", "Houthis", "Taliban", "Al Shabaab", "JNIM",
        "Boko Haram", "RSF", "Military Forces of Sudan", "Military Forces of Russia", "Military Forces of Ukraine", "M23",
        "Tatmadaw", "LNA", "Civilians", "Protesters", "Police Forces", "Unidentified Armed Group", "Hamas",
        "Military Forces of Israel", "Hezbollah", "ADF", "Rioters", "Coalition (US-led)", "Wagner Group", "TTP", "ELN",
        "CJNG", "Al Qaeda",
    ];

    private static readonly string[] SubTypes = [.. AcledTaxonomy.EventTypeOf.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Creates (or replaces the incidents of) the store at <paramref name="path"/> with <paramref name="incidents"/> incidents.</summary>
    public static void Fill(string path, int incidents, int documents = 500, int seed = 7)
    {
        var random = new Random(seed);
        using var store = SqliteStore.Open(path);
        var docs = new List<DocumentToStore>(documents);
        for (var d = 0; d < documents; d++)
        {
            var (iso, _, _) = Countries[d % Countries.Length];
            var text = $"Report {d} from {iso}. Fighting was reported near the town, keyword{d % 50} said witnesses. " +
                       string.Join(' ', Enumerable.Range(0, 40).Select(k => "word" + random.Next(1000).ToString(CultureInfo.InvariantCulture)));
            docs.Add(new DocumentToStore(new Document
            {
                Meta = new DocumentMeta($"synthetic-{d}", $"synthetic/{d}.txt")
                {
                    Source = "Outlet " + (d % 40), Title = $"Synthetic report {d}", Url = $"https://news.example/{d}",
                    Published = new DateOnly(2019, 1, 1).AddDays(d % 1460), ContentHash = $"synthetic-hash-{d}",
                },
                Text = text,
            }));
        }
        store.SaveDocuments(docs);

        var list = new List<Incident>(incidents);
        var firstDay = new DateOnly(2019, 1, 1);
        for (var i = 0; i < incidents; i++)
        {
            var (iso, lat, lon) = Countries[random.Next(Countries.Length)];
            var day = firstDay.AddDays(random.Next(1460));
            var killed = random.NextDouble() < 0.5 ? 0 : (int)Math.Min(300, Math.Floor(Math.Exp(random.NextDouble() * 5)));
            var doc = random.Next(documents);
            var e = new ConflictEvent
            {
                SubEventType = SubTypes[random.Next(SubTypes.Length)],
                Trigger = new TextRange(0, 6),
                Date = ResolvedDate.Day(day, "synthetic"),
                Place = new Place($"Town {i % 5000}", new GeoPoint(lat + (random.NextDouble() - 0.5) * 6, lon + (random.NextDouble() - 0.5) * 8),
                    iso, "Region " + (i % 12), PlaceKind.PopulatedPlace, 10000, i),
                GeoPrecision = 1 + random.Next(3),
                Actor1 = Actors[random.Next(Actors.Length)],
                Actor2 = random.NextDouble() < 0.7 ? Actors[random.Next(Actors.Length)] : null,
                FatalitiesMin = killed,
                FatalitiesMax = killed,
                Evidence = [new TextRange(0, 20)],
            };
            list.Add(new Incident
            {
                IncidentId = $"inc-{i:x16}",
                Event = e,
                Sources = [new IncidentSource($"synthetic-{doc}", "Outlet " + (doc % 40), $"https://news.example/{doc}", $"Synthetic report {doc}")],
                SourceCount = 1 + random.Next(3),
                Grade = (IncidentGrade)random.Next(5),
                GradeReason = "synthetic",
                FatalitiesMin = killed,
                FatalitiesMax = killed,
            });
        }
        store.ReplaceIncidents(list);
    }
}
