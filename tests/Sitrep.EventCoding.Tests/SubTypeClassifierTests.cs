using System.Text;
using Sitrep.Testing;

namespace Sitrep.EventCoding.Tests;

public class SubTypeClassifierTests
{
    private static readonly EventAnnotator Default = EventAnnotator.CreateDefault();

    private static readonly (string Text, string SubType)[] Tiny =
    [
        ("Troops defused a roadside bomb near the market.", "Disrupted weapons use"),
        ("Police seized a cache of rifles and explosives.", "Disrupted weapons use"),
        ("Rebels set up a new base in the hills.", "Headquarters or base established"),
        ("The army established a camp outside the town.", "Headquarters or base established"),
        ("Students marched peacefully through the capital.", "Peaceful protest"),
        ("Teachers held a sit-in outside the ministry.", "Peaceful protest"),
    ];

    private static List<SubTypeExample> Examples() =>
        [.. Tiny.Select(t => new SubTypeExample(Default.SubTypeFeaturesOf(DocumentBuilder.Of(t.Text)), t.SubType))];

    private static byte[] Saved(SubTypeModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Training_OnTheSameExamples_GivesTheSameModelFile() =>
        Assert.Equal(Saved(SubTypeTrainer.Train(Examples())), Saved(SubTypeTrainer.Train(Examples())));

    [Fact]
    public void Training_FitsItsOwnExamples()
    {
        var annotator = new EventAnnotator(EventOntology.LoadDefault(), subTypeModel: SubTypeTrainer.Train(Examples()))
            { SubTypeStrategy = SubTypeStrategy.Classifier };
        foreach (var (text, subType) in Tiny) Assert.Equal(subType, annotator.ClassifySubType(DocumentBuilder.Of(text)));
    }

    [Fact]
    public void SaveThenLoad_KeepsLabelsAndScores()
    {
        var model = SubTypeTrainer.Train(Examples());
        var loaded = SubTypeModel.Load(new MemoryStream(Saved(model)));
        Assert.Equal(model.Labels, loaded.Labels);
        var features = Examples()[0].Features;
        var expected = model.Scores(features);
        var actual = loaded.Scores(features);
        // Weights are saved to 4 decimals, so a sum over a snippet's features may move in the third.
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], 0.01f);
        Assert.Equal(Saved(model), Saved(loaded));
    }

    [Fact]
    public void Load_ARowWithTooFewWeights_ThrowsNamingTheLine()
    {
        var text = "# sitrep sub-type model v1\nlabels\tA\tB\nw=bomb\t1\t2\nw=march\t0.5\n";
        var e = Assert.Throws<InvalidDataException>(() => SubTypeModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        Assert.Contains("line 4", e.Message);
    }

    [Fact]
    public void Corpus_AnUnknownSubType_ThrowsNamingFileAndLine()
    {
        var tsv = "id\tsub_event_type\tsplit\tsnippet\n1\tArrests\ttrain\tPolice arrested two men.\n2\tRiot\ttrain\tA riot.\n";
        var e = Assert.Throws<InvalidDataException>(() => SubTypeCorpus.Read(new StringReader(tsv), "mine.tsv"));
        Assert.StartsWith("mine.tsv:3:", e.Message);
    }

    [Fact]
    public void Corpus_ReadsTheSplitColumn()
    {
        var tsv = "id\tsub_event_type\tsplit\tsnippet\n1\tArrests\ttrain\tPolice arrested two men.\n2\tAgreement\tdev\tThe sides signed a truce.\n";
        var rows = SubTypeCorpus.Read(new StringReader(tsv), "mine.tsv");
        Assert.Equal([false, true], rows.Select(r => r.IsDev));
        Assert.Equal("Agreement", rows[1].SubType);
    }

    [Fact]
    public void RulesStrategy_IgnoresTheModel() =>
        Assert.Equal("Air/drone strike", Default.ClassifySubType(
            DocumentBuilder.Of("Warplanes struck a market in the town."), SubTypeStrategy.Rules));

    // Hand-written for the classes the rules confuse; none is taken from the training file or the CASE data.
    [Theory]
    [InlineData("On 2 March 2020, the army's bomb squad defused an explosive device found under a bridge near Gao.", "Disrupted weapons use")]
    [InlineData("Air defence systems intercepted two rockets launched towards the airport.", "Disrupted weapons use")]
    [InlineData("The insurgents set up a new base in a forest outside the town of Mueda.", "Headquarters or base established")]
    [InlineData("Government troops withdrew from the town, and the militia took it over without any fighting.", "Non-violent transfer of territory")]
    [InlineData("The two armed groups announced their merger under a single command.", "Change to group/activity")]
    [InlineData("Security forces fired live bullets at peaceful demonstrators, killing three of them.", "Excessive force against protesters")]
    [InlineData("Angry youths burnt tyres and threw stones at the police during a protest over fuel prices.", "Violent demonstration")]
    [InlineData("Hundreds of nurses marched to the health ministry to demand unpaid wages.", "Peaceful protest")]
    [InlineData("The army recaptured the village from the jihadists after two days of fighting.", "Government regains territory")]
    [InlineData("Rebel fighters captured the town after government soldiers fled.", "Non-state actor overtakes territory")]
    [InlineData("Soldiers and militants exchanged fire for hours near the border post; four militants died.", "Armed clash")]
    [InlineData("Gunmen stormed a village and shot dead seven farmers.", "Attack")]
    public void HardSnippet_IsClassified(string text, string expected) =>
        Assert.Equal(expected, Default.ClassifySubType(DocumentBuilder.Of(text)));

    /// <summary>
    /// Measures, does not tune: the CASE file is never trained on or read for rules. The floor is the figure in
    /// docs/RESULTS.md (snippets tokenised by the test builder) minus 0.02.
    /// </summary>
    [SharedDataFact("bench/case2021-task2-event-snippets")]
    public void Case2021Subtask1_WithClassifier_StaysAboveReportedFigure()
    {
        var path = SharedData.Require("bench/case2021-task2-event-snippets/case2021_dev_odd_ids.tsv");
        using var reader = new StreamReader(path);
        var r = Case2021.Evaluate(reader, t => DocumentBuilder.Of(t), Default);
        Console.WriteLine(r.MetricLine());
        Assert.True(r.WeightedF1 >= CaseFloor, r.MetricLine());
    }

    private const double CaseFloor = 0.63;
}
