using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class NerAveragingTests
{
    private const int Bits = 10;
    private const int T = NerModel.TagCount;
    private static readonly NerGazetteer Gazetteer = NerGazetteer.Load(new StringReader("category\tname\nLOC\tParis\nLOC\tJordan\n"));
    private static readonly NerFeatures Features = new(Bits, Gazetteer);

    /// <summary>The stacking tests' four tiny CoNLL documents.</summary>
    private static List<NerTrainer.LabeledDocument> Docs() => NerTrainer.ReadConll(new StringReader(NerStackingTests.Corpus));

    /// <summary>A one-stage model whose emission and transition weights are zero except the given (index, value) pairs.</summary>
    private static NerModel Tiny((int Index, float Value)[] emission, (int Index, float Value)[] transition)
    {
        var e = new float[(1 << Bits) * T];
        var t = new float[(T + 1) * T];
        foreach (var (i, v) in emission) e[i] = v;
        foreach (var (i, v) in transition) t[i] = v;
        return new NerModel(Bits, e, t);
    }

    private static byte[] Bytes(NerModel model)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void Average_OfTwoModels_IsTheMeanOfEveryEmissionAndTransitionWeight()
    {
        var a = Tiny([(5, 1f), (10, 2f)], [(0, 4f), (89, -1f)]);
        var b = Tiny([(5, 3f), (20, -1f)], [(0, 2f), (1, 0.5f)]);
        var mean = NerModel.Average([a, b]);
        var expected = new float[(1 << Bits) * T];
        expected[5] = 2f;
        expected[10] = 1f;
        expected[20] = -0.5f;
        Assert.Equal(expected, mean.DenseEmission());
        var transition = new float[(T + 1) * T];
        transition[0] = 3f;
        transition[1] = 0.25f;
        transition[89] = -0.5f;
        Assert.Equal(transition, mean.Transition);
        Assert.Equal(3, mean.NonZeroBuckets);
    }

    [Fact]
    public void Average_OfStackedModels_AlsoAveragesTheSecondStage_AndKeepsItsGroups()
    {
        var a = Tiny([(9, 2f)], [(3, 1f)]).WithSecondStage(Tiny([(18, 6f)], [(4, 2f)]), NerStacking.Groups.Local);
        var b = Tiny([(9, 4f)], [(3, 3f)]).WithSecondStage(Tiny([(27, 3f)], []), NerStacking.Groups.Local);
        var mean = NerModel.Average([a, b]);
        Assert.Equal(NerStacking.Groups.Local, mean.SecondGroups);
        Assert.Equal(3f, mean.DenseEmission()[9]);
        Assert.Equal(2f, mean.Transition[3]);
        Assert.Equal(3f, mean.Second!.DenseEmission()[18]);
        Assert.Equal(1.5f, mean.Second.DenseEmission()[27]);
        Assert.Equal(1f, mean.Second.Transition[4]);
        Assert.Equal(2, mean.Second.NonZeroBuckets);
    }

    [Fact]
    public void Average_AlsoAveragesTheDenseFeaturesWeights()
    {
        var settings = new NerDenseSettings(Window: 0, Words: 10, AllCapsWithout: 0, Scale: 0.1f);
        NerModel WithDense(float value, int at)
        {
            var weights = new float[1 * T * 8];
            weights[at] = value;
            return new NerModel(Bits, new float[(1 << Bits) * T], new float[(T + 1) * T], new NerDense(settings, 8, weights));
        }
        var mean = NerModel.Average([WithDense(2f, 3), WithDense(6f, 3), WithDense(3f, 70)]);
        Assert.Equal(settings, mean.Dense!.Settings);
        Assert.Equal(8f / 3, mean.Dense.Weights[3]);
        Assert.Equal(1f, mean.Dense.Weights[70]);
        Assert.Equal(2, mean.Dense.Weights.Count(w => w != 0));
        var other = new NerModel(Bits, new float[(1 << Bits) * T], new float[(T + 1) * T], new NerDense(settings with { Scale = 0.2f }, 8));
        Assert.Contains("differ in shape", Assert.Throws<ArgumentException>(() => NerModel.Average([WithDense(1f, 0), other])).Message);
        Assert.Contains("differ in shape", Assert.Throws<ArgumentException>(() => NerModel.Average([WithDense(1f, 0), Tiny([], [])])).Message);
    }

    [Fact]
    public void Average_OfOneModel_SavesTheSameBytes()
    {
        var model = new NerTrainer(Features) { Epochs = 3, Seed = 7 }.TrainStacked(Docs(), Docs(), folds: 2, [NerStacking.Groups.All])[0].Model;
        Assert.Equal(Bytes(model), Bytes(NerModel.Average([model])));
    }

    [Fact]
    public void Tables_GivenBackToTheModel_RebuildItByteForByte()
    {
        // Guards the pair every averaged table goes through: a table missing from either side changes the bytes.
        var model = new NerTrainer(Features) { Epochs = 3, Seed = 7 }.TrainStacked(Docs(), Docs(), folds: 2, [NerStacking.Groups.All])[0].Model;
        Assert.Equal(4, model.Tables().Count);
        Assert.Equal(Bytes(model), Bytes(model.WithTables(model.Tables())));
    }

    [Fact]
    public void Average_RefusesModelsOfDifferentShapes_SayingWhy()
    {
        var one = Tiny([(1, 1f)], []);
        var stacked = one.WithSecondStage(Tiny([], []), NerStacking.Groups.All);
        var wider = new NerModel(Bits + 1, new float[(2 << Bits) * T], new float[(T + 1) * T]);
        Assert.Contains("differ in shape", Assert.Throws<ArgumentException>(() => NerModel.Average([one, stacked])).Message);
        Assert.Contains("differ in shape", Assert.Throws<ArgumentException>(() => NerModel.Average([one, wider])).Message);
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => NerModel.Average([])).Message);
    }

    [Fact]
    public void Training_WithOneSeedInSeeds_WritesTheBytesOfThePlainTrainer()
    {
        var plain = new NerTrainer(Features) { Epochs = 3, Seed = 7 };
        var listed = new NerTrainer(Features) { Epochs = 3, Seeds = [7] };
        Assert.Equal(Bytes(plain.Train(Docs(), Docs())), Bytes(listed.Train(Docs(), Docs())));
        Assert.Equal(Bytes(plain.TrainStacked(Docs(), Docs(), 2, [NerStacking.Groups.All])[0].Model),
            Bytes(listed.TrainStacked(Docs(), Docs(), 2, [NerStacking.Groups.All])[0].Model));
    }

    [Fact]
    public void Training_WithTwoSeeds_GivesTheAverageOfEachSeedsModel()
    {
        var seven = new NerTrainer(Features) { Epochs = 3, Seed = 7 }.Train(Docs(), Docs());
        var eight = new NerTrainer(Features) { Epochs = 3, Seed = 8 }.Train(Docs(), Docs());
        Assert.NotEqual(Bytes(seven), Bytes(eight));
        var mixed = new NerTrainer(Features) { Epochs = 3, Seeds = [7, 8] }.Train(Docs(), Docs());
        Assert.Equal(Bytes(NerModel.Average([seven, eight])), Bytes(mixed));
    }

    [Fact]
    public void StackedTraining_WithTwoSeeds_IsByteIdenticalOnRerun_AndSurvivesSaveAndLoad()
    {
        NerModel Train() => new NerTrainer(Features) { Epochs = 3, Seeds = [7, 8] }.TrainStacked(Docs(), Docs(), 2, [NerStacking.Groups.All])[0].Model;
        var model = Train();
        Assert.Equal(Bytes(model), Bytes(Train()));
        var single = new NerTrainer(Features) { Epochs = 3, Seed = 7 }.TrainStacked(Docs(), Docs(), 2, [NerStacking.Groups.All])[0].Model;
        Assert.NotEqual(Bytes(single), Bytes(model));
        var loaded = NerModel.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(Bytes(model), Bytes(loaded));
        var sentences = new List<IReadOnlyList<string>> { "Bill Clinton met Merkel in Jordan .".Split(' '), "Clinton left Leeds .".Split(' ') };
        Assert.Equal(new NerTagger(model, Features).TagDocument(sentences), new NerTagger(loaded, Features).TagDocument(sentences));
    }
}
