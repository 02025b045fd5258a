using Sitrep.Core;
using Sitrep.Testing;

namespace Sitrep.EventCoding.Tests;

public class Case2021Tests
{
    [Fact]
    public void EverySubType_HasACase2021Code()
    {
        foreach (var subType in AcledTaxonomy.EventTypeOf.Keys) Assert.True(Case2021.CodeOf.ContainsKey(subType), subType);
        Assert.Equal(25, Case2021.CodeOf.Values.Distinct().Count());
    }

    [Fact]
    public void Score_WeightsF1BySupport()
    {
        // A: 3 gold, 2 right, predicted 2 times -> P=1, R=2/3, F1=0.8. B: 1 gold, predicted once wrongly -> F1=0.
        var r = Case2021.Score([("A", "A"), ("A", "A"), ("A", "B"), ("B", "NONE")]);
        Assert.Equal(0.5, r.Accuracy, 6);
        Assert.Equal(0.8 * 3 / 4, r.WeightedF1, 6);
        Assert.Equal(0.4, r.MacroF1, 6);
    }

    [Fact]
    public void Evaluate_ReadsTheTsvFormat_AndSkipsUnseenLabelsInSubtask1()
    {
        const string tsv = "id\tEventSnippet\tSubType\n" +
                           "1\tUS warplanes pounded the village, killing 6 civilians.\tAIR_STRIKE\n" +
                           "3\tA flood swept away houses.\tNATURAL_DISASTER\n" +
                           "5\tPolice arrested five men in the capital.\tARREST\n";
        var r = Case2021.Evaluate(new StringReader(tsv), t => DocumentBuilder.Of(t), EventAnnotator.CreateDefault());
        Assert.Equal(2, r.Rows);
        Assert.Equal(1.0, r.Accuracy, 6);
        var all = Case2021.Evaluate(new StringReader(tsv), t => DocumentBuilder.Of(t), EventAnnotator.CreateDefault(), seenOnly: false);
        Assert.Equal(3, all.Rows);
    }

    /// <summary>Measures, does not tune: the floor only guards against the coder breaking.</summary>
    [SharedDataFact("bench/case2021-task2-event-snippets/case2021_dev_odd_ids.tsv")]
    public void Case2021Subtask1_WeightedF1_StaysAboveFloor()
    {
        var path = SharedData.Require("bench/case2021-task2-event-snippets/case2021_dev_odd_ids.tsv");
        using var reader = new StreamReader(path);
        var r = Case2021.Evaluate(reader, t => DocumentBuilder.Of(t), EventAnnotator.CreateDefault());
        Console.WriteLine(r.MetricLine());
        Assert.True(r.Rows > 300);
        Assert.True(r.WeightedF1 > 0.4, r.MetricLine());
    }
}
