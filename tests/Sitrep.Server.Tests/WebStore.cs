using Sitrep.Core;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Testing;

namespace Sitrep.Server.Tests;

/// <summary>
/// A store built from four small hand-written articles (two outlets on one air strike in Syria, a clash in Iraq,
/// a strike in Gaza) with their events and evidence set by hand, merged into incidents by the real incident builder.
/// One article carries a &lt;script&gt; element in its text, as scraped pages sometimes do.
/// </summary>
internal sealed class WebStore : IDisposable
{
    public const string ScriptInText = "<script>document.body.dataset.pwned = 'yes'</script>";
    public const string HajinEvidence = "Coalition jets struck a market in Hajin on Thursday, killing 12 people.";
    public const string MosulEvidence = "Islamic State fighters clashed with Iraqi soldiers in Mosul on Sunday.";
    public const string GazaEvidence = "An air strike hit a house in Gaza on Friday, killing 3.";

    private static readonly Place Hajin = new("Hajin", new GeoPoint(34.69, 40.83), "SY", "Deir ez-Zor", PlaceKind.PopulatedPlace, 37000, 170000);
    private static readonly Place Mosul = new("Mosul", new GeoPoint(36.34, 43.13), "IQ", "Nineveh", PlaceKind.PopulatedPlace, 1_700_000, 99072);
    private static readonly Place Gaza = new("Gaza", new GeoPoint(31.50, 34.47), "PS", "Gaza Strip", PlaceKind.PopulatedPlace, 410000, 281133);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sitrep-web-{Guid.NewGuid():N}.db");

    public WebStore()
    {
        using var store = SqliteStore.Open(Path);
        store.SaveDocuments(
        [
            new(Article("hajin-wire", "Wire", "2018-08-31", "Jets hit Hajin market",
                $"Local reporters said the town was quiet before dawn. {HajinEvidence} Residents shared a page reading {ScriptInText} on forums.",
                HajinEvidence, Hajin, "Air/drone strike", "2018-08-30", 12, "Coalition (US-led)", "Civilians")),
            new(Article("hajin-local", "Deir ez-Zor 24", "2018-08-31", "Market strike in Hajin",
                $"{HajinEvidence} Medics said more bodies were under the rubble.", HajinEvidence, Hajin, "Air/drone strike",
                "2018-08-30", 12, "Coalition (US-led)", "Civilians")),
            new(Article("mosul", "Iraqi News", "2018-07-16", "Clash in Mosul",
                $"{MosulEvidence} No casualties were reported.", MosulEvidence, Mosul, "Armed clash", "2018-07-15", null,
                "Islamic State", "Military Forces of Iraq")),
            new(Article("gaza", "Gaza Now", "2023-10-21", "House hit in Gaza",
                $"{GazaEvidence} Neighbours searched the ruins.", GazaEvidence, Gaza, "Air/drone strike", "2023-10-20", 3,
                "Military Forces of Israel", "Civilians")),
        ]);
        Incidents = SitrepEngine.Default.BuildIncidents(store.LoadEvents(), store.LoadDuplicateLinks());
        store.ReplaceIncidents(Incidents);
    }

    /// <summary>The incidents stored.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>The incident placed in <paramref name="country"/>.</summary>
    public Incident In(string country) => Incidents.Single(i => i.Event.Place?.CountryCode == country);

    private static Document Article(string id, string outlet, string published, string title, string text, string evidence,
        Place place, string subType, string day, int? killed, string actor1, string actor2)
    {
        var doc = new DocumentBuilder().WithText(text).PublishedOn(published).From(id, outlet).Build();
        var at = text.IndexOf(evidence, StringComparison.Ordinal);
        return doc with
        {
            Meta = doc.Meta with { Title = title, ContentHash = "hash-" + id, Url = $"https://news.example/{id}" },
            Events =
            [
                new ConflictEvent
                {
                    SubEventType = subType,
                    Trigger = new TextRange(at, at + 10),
                    Date = ResolvedDate.Day(DateOnly.ParseExact(day, "yyyy-MM-dd"), "weekday before publication"),
                    Place = place,
                    GeoPrecision = 1,
                    Actor1 = actor1,
                    Actor2 = actor2,
                    FatalitiesMin = killed,
                    FatalitiesMax = killed,
                    CivilianTargeting = actor2 == "Civilians",
                    Evidence = [new TextRange(at, at + evidence.Length)],
                },
            ],
        };
    }

    public void Dispose()
    {
        foreach (var suffix in (string[])["", "-wal", "-shm"])
            if (File.Exists(Path + suffix)) File.Delete(Path + suffix);
    }
}
