using Sitrep.Core;
using Sitrep.Testing;

namespace Sitrep.Server.Tests;

public sealed class IncidentEvidenceTests
{
    private static readonly Place Hajin = new("Hajin", new GeoPoint(34.69, 40.83), "SY", "Deir ez-Zor", PlaceKind.PopulatedPlace, 37000, 170000);

    private static ConflictEvent Strike(string text, string phrase, string day, string subType = "Air/drone strike",
        Modality modality = Modality.Asserted)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        return new ConflictEvent
        {
            SubEventType = subType,
            Trigger = new TextRange(at, at + 4),
            Date = ResolvedDate.Day(DateOnly.Parse(day), "test"),
            Place = Hajin,
            Modality = modality,
            Evidence = [new TextRange(at, at + phrase.Length)],
        };
    }

    private const string Text = "Jets struck Hajin on Thursday. Shells fell on Hajin in May. Officials threatened new strikes on Hajin.";

    [Fact]
    public void Evidence_IsFromTheDocumentsEventsOfTheIncidentsTypeAndDates_WithWholeSentences()
    {
        var strike = Strike(Text, "Jets struck Hajin", "2018-08-30");
        var doc = DocumentBuilder.Of(Text) with
        {
            Events =
            [
                strike,
                Strike(Text, "Shells fell on Hajin", "2018-05-10", "Shelling/artillery/missile attack"),
                Strike(Text, "threatened new strikes", "2018-08-30", modality: Modality.Threatened),
            ],
        };
        var incident = new Incident { IncidentId = "i", Event = strike, Sources = [new IncidentSource("d", null, null)] };

        var (evidence, sentences) = IncidentEvidence.In(incident, doc);

        Assert.Equal("Jets struck Hajin", doc.Slice(Assert.Single(evidence)));
        Assert.Equal("Jets struck Hajin on Thursday.", doc.Slice(Assert.Single(sentences)));
    }

    [Fact]
    public void Evidence_WhenNoEventAgreesOnTheDate_FallsBackToEventsOfTheSameType()
    {
        var reported = Strike(Text, "Jets struck Hajin", "2018-08-30");
        var doc = DocumentBuilder.Of(Text) with { Events = [reported with { Date = ResolvedDate.Day(new DateOnly(2018, 9, 20), "test") }] };
        var incident = new Incident { IncidentId = "i", Event = reported, Sources = [] };
        Assert.Equal("Jets struck Hajin", doc.Slice(Assert.Single(IncidentEvidence.In(incident, doc).Evidence)));
    }

    [Fact]
    public void Evidence_OutsideTheText_IsDropped()
    {
        var strike = Strike(Text, "Jets struck Hajin", "2018-08-30") with { Evidence = [new TextRange(5, 5000)] };
        var doc = DocumentBuilder.Of(Text) with { Events = [strike] };
        var incident = new Incident { IncidentId = "i", Event = strike, Sources = [] };
        Assert.Empty(IncidentEvidence.In(incident, doc).Evidence);
    }
}
