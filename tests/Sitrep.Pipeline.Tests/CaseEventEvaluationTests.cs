using Sitrep.Pipeline.Evaluation;

namespace Sitrep.Pipeline.Tests;

public class CaseEventEvaluationTests
{
    [Fact]
    public void Score_WeightsPerClassF1BySupport()
    {
        // Air strike: 2 gold, predicted right once, and once predicted for a clash → P .5 R .5 F1 .5.
        // Armed clash: 1 gold, missed (predicted air strike) → F1 0. Weighted = (.5*2 + 0*1) / 3.
        var s = CaseEventEvaluation.Score(
        [
            ("Air/drone strike", "Air/drone strike"),
            ("Air/drone strike", null),
            ("Armed clash", "Air/drone strike"),
        ]);
        Assert.Equal(1.0 / 3, s.WeightedF1, 6);
        Assert.Equal(0.25, s.MacroF1, 6);
        Assert.Equal(1.0 / 3, s.Accuracy, 6);
        Assert.Equal(1, s.NoPrediction);
    }

    [Fact]
    public void ReadRows_KeepsOnlyAcled25Rows_MappedToAcledNames()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "id\tEventSnippet\tSubType\n1\tJets struck.\tAIR_STRIKE\n3\tA flood.\tNATURAL_DISASTER\n5\tThey met.\tDIPLO\n7\tPolice fired on marchers.\tFORCE_AGAINST_PROTEST\n");
        try
        {
            var rows = CaseEventEvaluation.ReadRows(path).ToList();
            Assert.Equal(["Air/drone strike", "Excessive force against protesters"], rows.Select(r => r.SubType));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void EveryCaseLabel_MapsToAnAcledSubType()
    {
        Assert.Equal(25, CaseEventEvaluation.AcledNameOf.Count);
        Assert.All(CaseEventEvaluation.AcledNameOf.Values, v => Assert.True(Sitrep.Core.AcledTaxonomy.IsSubEventType(v), v));
    }
}
