using Sitrep.Core;
using Sitrep.Incidents;
using static Sitrep.Incidents.Tests.Reports;

namespace Sitrep.Incidents.Tests;

public class IncidentBuilderTests
{
    private readonly IncidentBuilder _builder = new();

    [Fact]
    public void ThreeOutlets_ReportingOneStrike_WithDifferentTolls_AreOneFairIncidentWithTheTollRange()
    {
        var incidents = _builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin, killedMin: 5, killedMax: 5),
            Strike("b", "SOHR", "2018-08-30", Hajin, killedMin: 7, killedMax: 9),
            Strike("c", "AFP", "2018-08-30", Hajin, killedMin: 6),
        ]);

        var incident = Assert.Single(incidents);
        Assert.Equal(3, incident.SourceCount);
        Assert.Equal(3, incident.Sources.Count);
        Assert.Equal(5, incident.FatalitiesMin);
        Assert.Equal(9, incident.FatalitiesMax);
        Assert.Equal(IncidentGrade.Fair, incident.Grade);
        Assert.Contains("3 independent", incident.GradeReason);
    }

    [Fact]
    public void SyndicatedCopy_UnderAnotherOutlet_DoesNotRaiseSourceCount()
    {
        const string story = "Coalition warplanes struck Islamic State positions near Hajin on Thursday, killing at " +
                             "least five fighters, the Syrian Observatory for Human Rights said in a statement.";
        var detector = new NearDuplicateDetector();
        Assert.Null(detector.FindDuplicateOf("wire", story));
        var copyOf = detector.FindDuplicateOf("copy", "Reposted: " + story + " Read more.");
        Assert.Equal("wire", copyOf);

        var incident = Assert.Single(_builder.Build(
            [Strike("wire", "AP", "2018-08-30", Hajin), Strike("copy", "Daily Star", "2018-08-30", Hajin)],
            new Dictionary<string, string> { ["copy"] = copyOf! }));

        Assert.Equal(2, incident.Sources.Count);
        Assert.Equal(1, incident.SourceCount);
        Assert.Equal(IncidentGrade.Weak, incident.Grade);
    }

    [Fact]
    public void TwoArticles_FromOneOutlet_CountAsOneSource()
    {
        var incident = Assert.Single(_builder.Build(
        [
            Strike("a", null, "2018-08-30", Hajin, url: "https://www.example.org/a"),
            Strike("b", null, "2018-08-30", Hajin, url: "https://example.org/b"),
        ]));
        Assert.Equal(1, incident.SourceCount);
    }

    [Fact]
    public void TwoStrikes_OnTheSameDay_InDifferentTowns_AreTwoIncidents()
    {
        var incidents = _builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin),
            Strike("b", "AFP", "2018-08-30", Mayadin),
        ]);
        Assert.Equal(2, incidents.Count);
        Assert.NotEqual(incidents[0].IncidentId, incidents[1].IncidentId);
    }

    [Fact]
    public void StrikesNearTwoTowns_FarApart_InOneProvince_AreTwoIncidents()
    {
        Assert.Equal(2, _builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin, precision: 2),
            Strike("b", "AFP", "2018-08-30", Mayadin, precision: 2),
        ]).Count);
    }

    [Fact]
    public void StrikeNearATown_AndInThatTown_AreOneIncident()
    {
        var nearHajin = Hajin with { Name = "Hajin outskirts", GeoNameId = null, Point = new GeoPoint(34.75, 40.90) };
        Assert.Single(_builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin),
            Strike("b", "AFP", "2018-08-30", nearHajin, precision: 2),
        ]));
    }

    [Fact]
    public void StrikesOnDifferentDays_InOneTown_AreTwoIncidents()
    {
        Assert.Equal(2, _builder.Build(
            [Strike("a", "Reuters", "2018-08-30", Hajin), Strike("b", "AFP", "2018-08-31", Hajin)]).Count);
    }

    [Fact]
    public void RegionLevelReport_MergesWithTownReport_InTheSameProvince_AndTheTownReportLeads()
    {
        var incident = Assert.Single(_builder.Build(
        [
            Strike("vague", "AFP", "2018-08-30", DeirEzZorRegion, precision: 3, actor1: null,
                date: ResolvedDate.Month(2018, 8, "test")),
            Strike("precise", "Reuters", "2018-08-30", Hajin),
        ]));
        Assert.Equal("Hajin", incident.Event.Place!.Name);
        Assert.Equal(DateGranularity.Day, incident.Event.Date.Granularity);
        Assert.Equal("Coalition (US-led)", incident.Event.Actor1);
        Assert.Equal(2, incident.SourceCount);
    }

    [Fact]
    public void ReportThatLacksAnActor_TakesItFromAnotherReport()
    {
        var incident = Assert.Single(_builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin, actor1: null, actor2: null),
            Strike("b", "AFP", "2018-08-30", Hajin, actor1: "Russia", actor2: null),
        ]));
        Assert.Equal("Russia", incident.Event.Actor1);
    }

    [Fact]
    public void ConflictingPerpetrators_AreNotMerged()
    {
        Assert.Equal(2, _builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin, actor1: "Coalition (US-led)"),
            Strike("b", "AFP", "2018-08-30", Hajin, actor1: "Russia"),
        ]).Count);
    }

    [Fact]
    public void UnidentifiedActor_DoesNotConflictWithANamedOne()
    {
        Assert.Single(_builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin, actor1: "Unidentified Military Forces"),
            Strike("b", "AFP", "2018-08-30", Hajin, actor1: "Russia"),
        ]));
    }

    [Fact]
    public void ClashReports_NamingTheSidesInEitherOrder_AreOneIncident()
    {
        Assert.Single(_builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin, subType: "Armed clash", actor1: "SDF", actor2: "Islamic State"),
            Strike("b", "AFP", "2018-08-30", Hajin, subType: "Armed clash", actor1: "Islamic State", actor2: "SDF"),
        ]));
    }

    [Fact]
    public void AirStrike_AndMissileAttack_AtOnePlaceAndDay_AreOneIncident_ButAProtestIsNot()
    {
        var incidents = _builder.Build(
        [
            Strike("a", "Reuters", "2018-08-30", Hajin),
            Strike("b", "AFP", "2018-08-30", Hajin, subType: "Shelling/artillery/missile attack"),
            Strike("c", "AP", "2018-08-30", Hajin, subType: "Peaceful protest"),
        ]);
        Assert.Equal(2, incidents.Count);
    }

    [Fact]
    public void UndatedReports_AreNeverMergedAcrossDocuments()
    {
        var undated = ResolvedDate.Unresolved("no time expression attached");
        var incidents = _builder.Build(
        [
            Strike("a", "Reuters", "", Hajin, date: undated),
            Strike("b", "AFP", "", Hajin, date: undated),
            Strike("c", "AP", "2018-08-30", null),
        ]);
        Assert.Equal(3, incidents.Count);
        Assert.All(incidents, i => Assert.Equal(1, i.SourceCount));
        Assert.Equal(3, incidents.Select(i => i.IncidentId).Distinct().Count());
    }

    [Fact]
    public void IncidentIds_AndOrder_AreStable_UnderInputReordering()
    {
        SourcedEvent[] events =
        [
            Strike("a", "Reuters", "2018-08-30", Hajin, killedMin: 5),
            Strike("b", "AFP", "2018-08-30", Hajin, killedMin: 7),
            Strike("c", "AP", "2018-08-30", Mayadin),
            Strike("d", "AP", "2018-08-29", Raqqa),
            Strike("e", "SOHR", "2018-08-30", Hajin, actor1: "Russia"),
        ];
        var forward = _builder.Build(events);
        var backward = new IncidentBuilder().Build(events.Reverse());
        var shuffled = _builder.Build([events[2], events[4], events[0], events[3], events[1]]);

        Assert.Equal(4, forward.Count);
        Assert.Equal(forward.Select(i => i.IncidentId), backward.Select(i => i.IncidentId));
        Assert.Equal(forward.Select(i => i.IncidentId), shuffled.Select(i => i.IncidentId));
        Assert.Equal(forward.Select(i => i.Event.Place!.Name), backward.Select(i => i.Event.Place!.Name));
        Assert.Equal("Ar Raqqah", forward[0].Event.Place!.Name);
        Assert.Matches("^inc-[0-9a-f]{16}$", forward[0].IncidentId);
    }

    [Fact]
    public void ClaimedStrike_IsConfirmed()
    {
        var incident = Assert.Single(_builder.Build(
            [Strike("a", "Coalition press release", "2018-08-30", Hajin, modality: Modality.Claimed)]));
        Assert.Equal(IncidentGrade.Confirmed, incident.Grade);
        Assert.NotEmpty(incident.GradeReason);
    }

    [Fact]
    public void ClaimOfResponsibility_InClaims_IsConfirmed()
    {
        var incident = Assert.Single(_builder.Build(
            [Strike("a", "AFP", "2018-08-30", Hajin, claims: ["Islamic State claimed responsibility"])]));
        Assert.Equal(IncidentGrade.Confirmed, incident.Grade);
    }

    [Fact]
    public void CompetingAttributions_AreContested()
    {
        var incident = Assert.Single(_builder.Build(
        [
            Strike("a", "AFP", "2018-08-30", Hajin, actor1: null, claims: ["rebels blame the army"]),
            Strike("b", "SANA", "2018-08-30", Hajin, actor1: null, claims: ["the army blames the rebels"]),
        ]));
        Assert.Equal(IncidentGrade.Contested, incident.Grade);
        Assert.Equal(2, incident.Event.Claims.Count);
    }

    [Fact]
    public void SingleSource_IsWeak()
    {
        Assert.Equal(IncidentGrade.Weak, Assert.Single(_builder.Build([Strike("a", "AFP", "2018-08-30", Hajin)])).Grade);
    }

    [Fact]
    public void PlannedDeniedAndHypotheticalReports_AreNotIncidents()
    {
        Assert.Empty(_builder.Build(
        [
            Strike("a", "AFP", "2018-08-30", Hajin, modality: Modality.Planned),
            Strike("b", "AFP", "2018-08-30", Hajin, modality: Modality.Denied),
            Strike("c", "AFP", "2018-08-30", Hajin, modality: Modality.Hypothetical),
        ]));
    }

    private static readonly ResolvedDate NoDate = ResolvedDate.Unresolved("no time expression");

    [Fact]
    public void UndatedFollowUpSentence_InTheSameDocument_JoinsItsIncident()
    {
        var incidents = _builder.Build(
        [
            Strike("a", "Levant Post", "2018-05-20", Hajin, killedMin: 7, subType: "Shelling/artillery/missile attack"),
            Strike("a", "Levant Post", "", null, date: NoDate, subType: "Shelling/artillery/missile attack"),
        ]);
        var incident = Assert.Single(incidents);
        Assert.Equal("Hajin", incident.Event.Place?.Name);
        Assert.Single(incident.Sources);
        Assert.Equal(7, incident.FatalitiesMin);
    }

    [Fact]
    public void DatedEventWithoutPlace_InTheSameDocument_JoinsTheEventOfThatDay()
    {
        var incident = Assert.Single(_builder.Build(
        [
            Strike("a", "AP", "2018-08-30", Hajin),
            Strike("a", "AP", "2018-08-30", null),
        ]));
        Assert.Equal(1, incident.SourceCount);
    }

    [Fact]
    public void IncompleteEvent_WithTwoPossibleHostsInItsDocument_StaysApart()
    {
        var incidents = _builder.Build(
        [
            Strike("a", "AP", "2018-08-30", Hajin),
            Strike("a", "AP", "2018-08-30", Raqqa),
            Strike("a", "AP", "", null, date: NoDate),
        ]);
        Assert.Equal(3, incidents.Count);
    }

    [Fact]
    public void IncompleteEvent_NeverJoinsAnotherDocumentsIncident()
    {
        var incidents = _builder.Build(
        [
            Strike("a", "AP", "2018-08-30", Hajin),
            Strike("b", "AFP", "", null, date: NoDate),
        ]);
        Assert.Equal(2, incidents.Count);
        Assert.All(incidents, i => Assert.Equal(1, i.SourceCount));
    }

    [Fact]
    public void IncompleteEvent_OfAnotherKind_OrOnAnotherDay_StaysApart()
    {
        var incidents = _builder.Build(
        [
            Strike("a", "AP", "2018-08-30", Hajin),
            Strike("a", "AP", "", null, date: NoDate, subType: "Armed clash"),
            Strike("a", "AP", "2018-08-20", null),
        ]);
        Assert.Equal(3, incidents.Count);
    }
}
