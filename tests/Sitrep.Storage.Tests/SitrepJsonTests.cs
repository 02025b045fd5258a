using Sitrep.Core;

namespace Sitrep.Storage.Tests;

public class SitrepJsonTests
{
    private static readonly ConflictEvent Full = new()
    {
        SubEventType = "Shelling/artillery/missile attack",
        Trigger = new TextRange(12, 19),
        Date = ResolvedDate.Between(new DateOnly(2018, 8, 27), new DateOnly(2018, 9, 2), DateGranularity.Week, "\"last week\""),
        Actor1 = "Military Forces of Syria",
        Actor2 = null,
        Place = new Place("al-Azraq oil field", new GeoPoint(34.912345678901, 40.6543210987), "SY", "Deir ez-Zor",
            PlaceKind.Feature, 0, 12345678901L),
        GeoPrecision = 2,
        FatalitiesMin = 3,
        FatalitiesMax = 7,
        InjuredMin = null,
        InjuredMax = 12,
        CivilianTargeting = true,
        Modality = Modality.Claimed,
        Claims = ["SANA blames the coalition", "SOHR blames Russia"],
        Evidence = [new TextRange(0, 40), new TextRange(50, 75)],
    };

    [Fact]
    public void ConflictEvent_RoundTrip_IsLossless()
    {
        var back = SitrepJson.Deserialize<ConflictEvent>(SitrepJson.Serialize(Full));

        // Records compare lists by reference, so lists are compared apart and then set equal.
        Assert.Equal(Full.Claims, back.Claims);
        Assert.Equal(Full.Evidence, back.Evidence);
        Assert.Equal(Full, back with { Claims = Full.Claims, Evidence = Full.Evidence });
        Assert.Equal(SitrepJson.Serialize(Full), SitrepJson.Serialize(back));
    }

    [Fact]
    public void UnresolvedDate_AndMissingPlace_RoundTrip()
    {
        var e = new ConflictEvent { SubEventType = "Attack", Trigger = new TextRange(1, 2) };
        var back = SitrepJson.Deserialize<ConflictEvent>(SitrepJson.Serialize(e));
        Assert.False(back.Date.IsResolved);
        Assert.Equal(e.Date, back.Date);
        Assert.Null(back.Place);
        Assert.Equal(3, back.GeoPrecision);
    }

    [Fact]
    public void Json_UsesContractShapes_AndLeavesComputedFieldsOut()
    {
        var json = SitrepJson.Serialize(Full);
        Assert.Contains("\"start\":\"2018-08-27\"", json);
        Assert.Contains("{\"start\":0,\"end\":40}", json);
        Assert.Contains("\"modality\":\"Claimed\"", json);
        Assert.Contains("\"granularity\":\"Week\"", json);
        Assert.DoesNotContain("is_resolved", json);
        Assert.DoesNotContain("\"fatalities\"", json);
        Assert.DoesNotContain("event_type\"", json.Replace("sub_event_type\"", "", StringComparison.Ordinal));
    }

    [Fact]
    public void BadDate_IsRejected()
    {
        var json = SitrepJson.Serialize(Full).Replace("2018-08-27", "27/08/2018", StringComparison.Ordinal);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => SitrepJson.Deserialize<ConflictEvent>(json));
    }
}
