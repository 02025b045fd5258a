using System.Text.Json;
using Sitrep.Core;
using Sitrep.Incidents;
using static Sitrep.Incidents.Tests.Reports;

namespace Sitrep.Incidents.Tests;

public class StreamingBuildTests
{
    private static readonly Place HajinSuburb = new("Hajin East", new GeoPoint(34.70, 40.86), "SY", "Deir ez-Zor", PlaceKind.PopulatedPlace, 0, 170010);
    private static readonly Place Mosul = new("Mosul", new GeoPoint(36.34, 43.13), "IQ", "Nineveh", PlaceKind.PopulatedPlace, 0, 99001);
    private static readonly Place?[] Places = [Hajin, Hajin, HajinSuburb, Mayadin, DeirEzZorRegion, Raqqa, Mosul, null];
    private static readonly string[] SubTypes =
        ["Air/drone strike", "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Suicide bomb", "Peaceful protest"];
    private static readonly string?[] Actors = ["Coalition (US-led)", "Islamic State", "Military Forces of Syria", "Unidentified armed group", null];
    private static readonly string[] Outlets = ["Reuters", "AFP", "AP", "SOHR", "BBC", "Al Jazeera", "Anadolu"];

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 400)]
    public void StreamingBuild_GivesTheIncidentsOfTheInMemoryBuild_ForRandomReports(int seed, int documents)
    {
        var (events, duplicateOf) = RandomReports(seed, documents);
        var builder = new IncidentBuilder();
        var expected = builder.Build(events, duplicateOf);

        var streamed = new IncidentBuilder().BuildStreaming(
            ByDocument(events, documentsPerChunk: 3), ByDate(events, new Random(seed)), duplicateOf).ToList();

        Assert.True(expected.Count > documents / 2, "the reports should make many incidents");
        Assert.Contains(expected, i => i.Sources.Count > 1);
        Assert.Equal(Canonical(expected), Canonical(streamed));
    }

    [Fact]
    public void StreamingBuild_OfShuffledReports_GivesTheSameIncidents()
    {
        var (events, duplicateOf) = RandomReports(5, 300);
        var expected = new IncidentBuilder().Build(events, duplicateOf);
        var shuffled = events.ToArray();
        new Random(99).Shuffle(shuffled);

        var streamed = new IncidentBuilder().BuildStreaming(
            ByDocument(shuffled, documentsPerChunk: 7), ByDate(shuffled, new Random(7)), duplicateOf).ToList();

        Assert.Equal(Canonical(expected), Canonical(streamed));
    }

    [Fact]
    public void TwoStrikes_WithOneKey_AndConflictingActors_GetTheSameTwoIdsBothWays()
    {
        SourcedEvent[] events =
        [
            Strike("a", "Reuters", "2018-08-30", Hajin),
            Strike("b", "AFP", "2018-08-30", Hajin, actor1: "Russia"),
            Strike("c", "AP", "2018-08-30", Hajin, actor1: "Military Forces of Syria"),
        ];
        var expected = new IncidentBuilder().Build(events);
        var streamed = new IncidentBuilder().BuildStreaming(ByDocument(events, 1), ByDate(events, new Random(1)),
            new Dictionary<string, string>()).ToList();

        Assert.Equal(3, expected.Count);
        Assert.Equal(Canonical(expected), Canonical(streamed));
    }

    [Fact]
    public void UndatedPart_WhoseHostStartsLater_KeepsTheEarlierIdentityDate()
    {
        var week = ResolvedDate.Between(new DateOnly(2018, 8, 27), new DateOnly(2018, 9, 2), DateGranularity.Week, "test");
        SourcedEvent[] events =
        [
            Strike("a", "Reuters", "2018-08-30", Hajin),
            Strike("a", "Reuters", "2018-08-30", null, date: week),
            Strike("b", "AFP", "2018-08-28", Mayadin),
            Strike("c", "AP", "2018-08-27", Hajin, actor1: "Russia"),
        ];
        var expected = new IncidentBuilder().Build(events);
        var streamed = new IncidentBuilder().BuildStreaming(ByDocument(events, 1), ByDate(events, new Random(3)),
            new Dictionary<string, string>()).ToList();

        Assert.Equal(Canonical(expected), Canonical(streamed));
    }

    [Fact]
    public void StreamingBuild_FailsLoudly_WhenTheDateReaderMissesAnEventOthersJoin()
    {
        SourcedEvent[] events =
        [
            Strike("a", "Reuters", "2018-08-30", Hajin),
            Strike("a", "Reuters", "2018-08-30", null, date: ResolvedDate.Unresolved("test")),
        ];
        var noDates = new IncidentBuilder().BuildStreaming(ByDocument(events, 1), _ => [], new Dictionary<string, string>());

        var error = Assert.Throws<InvalidOperationException>(() => noDates.ToList());
        Assert.Contains("document a", error.Message);
    }

    // ---- in-memory readers shaped like the store's ----

    private static Func<string?, IReadOnlyList<(DocumentMeta, int, ConflictEvent)>> ByDocument(IReadOnlyList<SourcedEvent> events,
        int documentsPerChunk)
    {
        var numbered = Numbered(events);
        var ids = numbered.Select(n => n.Document.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        return after =>
        {
            var next = ids.Where(id => after is null || string.CompareOrdinal(id, after) > 0).Take(documentsPerChunk).ToHashSet();
            return [.. numbered.Where(n => next.Contains(n.Document.Id))
                .OrderBy(n => n.Document.Id, StringComparer.Ordinal).ThenBy(n => n.Ordinal)];
        };
    }

    private static Func<DateOnly?, IReadOnlyList<(DocumentMeta, int, ConflictEvent)>> ByDate(IReadOnlyList<SourcedEvent> events, Random random)
    {
        var numbered = Numbered(events);
        return after =>
        {
            var later = numbered.Where(n => n.Event.Date.Start is { } s && (after is null || s > after)).ToList();
            if (later.Count == 0) return [];
            var first = later.Min(n => n.Event.Date.Start!.Value);
            var day = later.Where(n => n.Event.Date.Start == first).ToArray();
            // The store gives one day's events in no promised order.
            random.Shuffle(day);
            return day;
        };
    }

    // Each event's ordinal is its place among its document's events in the input.
    private static List<(DocumentMeta Document, int Ordinal, ConflictEvent Event)> Numbered(IReadOnlyList<SourcedEvent> events)
    {
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbered = new List<(DocumentMeta, int, ConflictEvent)>();
        foreach (var e in events)
        {
            var ordinal = next.GetValueOrDefault(e.Document.Id);
            next[e.Document.Id] = ordinal + 1;
            numbered.Add((e.Document, ordinal, e.Event));
        }
        return numbered;
    }

    private static List<string> Canonical(IEnumerable<Incident> incidents) =>
        [.. incidents.Select(i => JsonSerializer.Serialize(i)).Order(StringComparer.Ordinal)];

    private static (List<SourcedEvent> Events, Dictionary<string, string> DuplicateOf) RandomReports(int seed, int documents)
    {
        var random = new Random(seed);
        var events = new List<SourcedEvent>();
        var duplicateOf = new Dictionary<string, string>();
        var start = new DateOnly(2018, 8, 1);
        for (var d = 0; d < documents; d++)
        {
            var id = $"doc-{d:D4}";
            if (d > 0 && random.Next(10) == 0) duplicateOf[id] = $"doc-{random.Next(d):D4}";
            var meta = new DocumentMeta(id, id + ".txt") { Source = Outlets[random.Next(Outlets.Length)], Title = "Title of " + id };
            var count = 1 + random.Next(4);
            for (var k = 0; k < count; k++)
            {
                var day = start.AddDays(random.Next(40));
                var date = random.Next(20) switch
                {
                    < 14 => ResolvedDate.Day(day, "test"),
                    < 17 => ResolvedDate.Between(day, day.AddDays(6), DateGranularity.Week, "test"),
                    < 18 => ResolvedDate.Month(day.Year, day.Month, "test"),
                    _ => ResolvedDate.Unresolved("test"),
                };
                var place = Places[random.Next(Places.Length)];
                events.Add(new SourcedEvent(meta, new ConflictEvent
                {
                    SubEventType = SubTypes[random.Next(SubTypes.Length)],
                    Trigger = new TextRange(10 * k, 10 * k + 6),
                    Date = date,
                    Place = place,
                    GeoPrecision = place?.Kind == PlaceKind.Admin1 ? 3 : 1 + random.Next(2),
                    Actor1 = Actors[random.Next(Actors.Length)],
                    Actor2 = Actors[random.Next(Actors.Length)],
                    FatalitiesMin = random.Next(3) == 0 ? null : random.Next(30),
                    FatalitiesMax = random.Next(3) == 0 ? null : 30 + random.Next(30),
                    InjuredMin = random.Next(2) == 0 ? null : random.Next(20),
                    Modality = random.Next(12) switch { 0 => Modality.Claimed, 1 => Modality.Planned, 2 => Modality.Denied, _ => Modality.Asserted },
                    Claims = random.Next(8) switch
                    {
                        0 => ["Islamic State claimed responsibility"],
                        1 => ["activists blamed the coalition", "the army blamed rebels"],
                        _ => [],
                    },
                    Evidence = [new TextRange(0, 5 + random.Next(3))],
                }));
            }
        }
        return (events, duplicateOf);
    }
}
