using Sitrep.Core;
using Sitrep.EventCoding;
using Sitrep.Testing;

namespace Sitrep.EventCoding.Tests;

/// <summary>Builds a tokenized document and places actor, time, place and entity mentions on substrings.</summary>
internal sealed class TestDoc
{
    private readonly Document _doc;
    private readonly List<ActorMention> _actors = [];
    private readonly List<TimeMention> _times = [];
    private readonly List<PlaceMention> _places = [];
    private readonly List<EntityMention> _entities = [];

    public TestDoc(string text, string published = "2018-08-31") => _doc = DocumentBuilder.Of(text, published);

    public static readonly Actor Coalition = new("Coalition (US-led)", ActorKind.ExternalForces);
    public static readonly Actor IslamicState = new("Islamic State", ActorKind.RebelGroup);
    public static readonly Actor Sdf = new("SDF", ActorKind.RebelGroup);
    public static readonly Actor SyrianArmy = new("Military Forces of Syria", ActorKind.StateForces, "SY");
    public static readonly Actor Civilians = new("Civilians", ActorKind.Civilians) { IsGeneric = true };
    public static readonly Actor Gunmen = new("Unidentified Armed Group", ActorKind.PoliticalMilitia) { IsGeneric = true };
    public static readonly Actor Protesters = new("Protesters", ActorKind.Protesters) { IsGeneric = true };
    public static readonly Actor Police = new("Police Forces", ActorKind.StateForces);

    public static Place Town(string name, string admin1 = "Ar-Raqqah") => new(name, new GeoPoint(35.95, 39.01), "SY", admin1, PlaceKind.PopulatedPlace);
    public static readonly Place SyriaCountry = new("Syria", new GeoPoint(35, 38), "SY", null, PlaceKind.Country);

    public static TextRange Find(string text, string sub, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(sub, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{sub}' (#{occurrence}) not in text");
        }
        return new TextRange(at, at + sub.Length);
    }

    public TestDoc Actor(string sub, Actor actor, int occurrence = 0)
    {
        _actors.Add(new ActorMention(Find(_doc.Text, sub, occurrence), sub, actor));
        return this;
    }

    public TestDoc Time(string sub, string isoDay, int occurrence = 0)
    {
        var d = DateOnly.ParseExact(isoDay, "yyyy-MM-dd");
        _times.Add(new TimeMention(Find(_doc.Text, sub, occurrence), sub, ResolvedDate.Day(d, "test")));
        return this;
    }

    public TestDoc UnresolvedTime(string sub)
    {
        _times.Add(new TimeMention(Find(_doc.Text, sub), sub, ResolvedDate.Unresolved("test: unresolvable")));
        return this;
    }

    public TestDoc Place(string sub, Place place, int precision = 1, int occurrence = 0)
    {
        _places.Add(new PlaceMention(Find(_doc.Text, sub, occurrence), sub, place, precision, "test"));
        return this;
    }

    public TestDoc Place(string sub, int precision = 1) => Place(sub, Town(sub), precision);

    public TestDoc Person(string sub, int occurrence = 0)
    {
        _entities.Add(new EntityMention(Find(_doc.Text, sub, occurrence), EntityType.PER, sub));
        return this;
    }

    public Document Build() => _doc with
    {
        Actors = [.. _actors.OrderBy(a => a.Range.Start)],
        Times = [.. _times.OrderBy(t => t.Range.Start)],
        Places = [.. _places.OrderBy(p => p.Range.Start)],
        Entities = [.. _entities.OrderBy(e => e.Range.Start)],
    };

    public Document Annotate() => EventAnnotator.CreateDefault().Annotate(Build());

    /// <summary>The single event coded from the document (fails when there is not exactly one).</summary>
    public ConflictEvent Single() => Assert.Single(Annotate().Events);
}
