using Sitrep.Core;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class PlaceAttachmentTests
{
    [Fact]
    public void InPlaceAfterTrigger_IsChosen_AtItsPrecision()
    {
        var e = new TestDoc("Speaking in Damascus, the minister said jets struck a market in Douma.")
            .Place("Damascus").Place("Douma").Single();
        Assert.Equal("Douma", e.Place?.Name);
        Assert.Equal(1, e.GeoPrecision);
    }

    [Fact]
    public void VillageOfX_IsTheObjectsLocation()
    {
        var e = new TestDoc("US warplanes pounded the village of Kashkash in Hasaka province.")
            .Place("Kashkash").Place("Hasaka", new Place("Al-Hasakah", new GeoPoint(36.5, 40.7), "SY", "Al-Hasakah", PlaceKind.Admin1), 3).Single();
        Assert.Equal("Kashkash", e.Place?.Name);
    }

    [Fact]
    public void NearX_IsPrecisionTwo()
    {
        var e = new TestDoc("Jets destroyed two vehicles in airstrikes near the Kurdish town of Kobane.").Place("Kobane").Single();
        Assert.Equal("Kobane", e.Place?.Name);
        Assert.Equal(2, e.GeoPrecision);
    }

    [Fact]
    public void PlaceBeforeTrigger_IsUsedWhenNoneFollows()
    {
        var e = new TestDoc("In Raqqa, coalition jets carried out airstrikes overnight.").Place("Raqqa").Single();
        Assert.Equal("Raqqa", e.Place?.Name);
        Assert.Equal(1, e.GeoPrecision);
    }

    [Fact]
    public void PlaceFromParagraph_IsAtLeastPrecisionTwo()
    {
        var doc = new TestDoc("Residents of Hajin are gripped by fear. Airstrikes shook the city.").Place("Hajin").Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Hajin", e.Place?.Name);
        Assert.Equal(2, e.GeoPrecision);
    }

    [Fact]
    public void PlaceInAnotherParagraph_IsNotUsed()
    {
        var doc = new TestDoc("Residents of Hajin are gripped by fear.\nAirstrikes shook the city.").Place("Hajin").Annotate();
        var e = Assert.Single(doc.Events);
        Assert.Null(e.Place);
        Assert.Equal(3, e.GeoPrecision);
    }

    [Fact]
    public void ToponymInsideAnActorName_IsNotAPlace()
    {
        var e = new TestDoc("Fighters of the Raqqa Revolutionaries Brigade ambushed a convoy.")
            .Actor("Raqqa Revolutionaries Brigade", Sdf).Place("Raqqa").Single();
        Assert.Null(e.Place);
    }
}
