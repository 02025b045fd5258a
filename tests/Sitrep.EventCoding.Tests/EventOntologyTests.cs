using Sitrep.Core;

namespace Sitrep.EventCoding.Tests;

public class EventOntologyTests
{
    [Fact]
    public void DefaultOntology_CoversAll25SubTypes_WithoutProblems()
    {
        var ontology = EventOntology.LoadDefault();
        Assert.Empty(ontology.Problems);
        foreach (var subType in AcledTaxonomy.EventTypeOf.Keys)
            Assert.Contains(ontology.Entries, e => e.SubEventType == subType);
    }

    [Fact]
    public void DefaultOntology_EveryRowHasPloverAndCameoColumns()
    {
        foreach (var e in EventOntology.LoadDefault().Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Plover));
            Assert.False(string.IsNullOrWhiteSpace(e.Cameo));
        }
    }

    [Fact]
    public void Load_BadRows_AreSkippedWithReasons_NotThrown()
    {
        var tsv = "sub_event_type\tpriority\tconstraint\tplover\tcameo\tpatterns\n" +
                  "Air/drone strike\t80\t-\tFIGHT\t195\tairstrike|air raid\n" +
                  "Air strike\t80\t-\tFIGHT\t195\tairstrike\n" +
                  "Grenade\thigh\t-\tASSAULT\t183\tgrenade\n" +
                  "Grenade\t80\tsometimes\tASSAULT\t183\tgrenade\n" +
                  "Grenade\t80\t-\tASSAULT\n";
        var ontology = EventOntology.Load(new StringReader(tsv));
        Assert.Single(ontology.Entries);
        Assert.Equal(4, ontology.Problems.Count);
        Assert.Contains(ontology.Problems, p => p.Contains("not an ACLED sub-event type"));
        Assert.Contains(ontology.Problems, p => p.Contains("priority"));
        Assert.Contains(ontology.Problems, p => p.Contains("constraint 'sometimes'"));
    }

    [Fact]
    public void Load_ParsesCombinedConstraints()
    {
        var tsv = "Excessive force against protesters\t80\tprotest+force\tPROTEST\t175\tshot\n";
        var e = Assert.Single(EventOntology.Load(new StringReader(tsv)).Entries);
        Assert.Equal(EventConstraint.Protest | EventConstraint.Force, e.Constraint);
    }

    [Theory]
    [InlineData("kidnap", "kidnapped")]
    [InlineData("shell", "shelled")]
    [InlineData("rally", "rallied")]
    [InlineData("seize", "seizing")]
    [InlineData("airstrike", "airstrikes")]
    public void Inflections_OfAPatternWord_AreMatched(string lemma, string inflected) =>
        Assert.Contains(inflected, TriggerMatcher.Forms(lemma));

    [Fact]
    public void ExactWordMarker_MatchesOnlyTheWord() =>
        Assert.Equal(["IED"], TriggerMatcher.Forms("IED="));
}
