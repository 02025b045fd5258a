using System.Text;
using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class NerDenseTests
{
    private const int Bits = 16;
    private const int T = NerModel.TagCount;
    private static readonly int BLoc = Array.IndexOf(NerModel.Tags, "B-LOC");
    private static readonly NerGazetteer NoNames = NerGazetteer.Empty;

    /// <summary>A table in build_word_embeddings.mjs's format: 4 dimensions, 32 steps per unit.</summary>
    private static byte[] TableBytes(params (string Word, sbyte[] Values)[] rows)
    {
        var b = new MemoryStream();
        using (var w = new BinaryWriter(b, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Encoding.ASCII.GetBytes("SREMB1"));
            w.Write(4);
            w.Write(rows.Length);
            w.Write(32);
            foreach (var (word, _) in rows)
            {
                var bytes = Encoding.UTF8.GetBytes(word);
                w.Write((byte)bytes.Length);
                w.Write(bytes);
            }
            foreach (var (_, values) in rows) foreach (var v in values) w.Write(v);
        }
        return b.ToArray();
    }

    // "paris" and "lyon" point the same way (two places), "is" elsewhere.
    private static readonly NerWordEmbeddings Table = NerWordEmbeddings.Parse(TableBytes(
        ("is", [0, 0, 32, 0]), ("paris", [32, 16, 0, 0]), ("lyon", [30, 18, 0, 0]), ("rain", [0, 0, 0, -32])), "test table");

    private static readonly NerFeatures Features = new(Bits, NoNames, null, Table);

    private static int[] Codes(string sentence)
    {
        var words = sentence.Split(' ');
        var (text, starts, ends, _) = NerTagger.Join([words]);
        var scratch = new NerFeatures.Scratch();
        Features.Extract(text, starts, ends, 0, words.Length, scratch);
        return scratch.Embedding[..words.Length];
    }

    private static NerDense Dense(int window, int capsWithout = 0, int words = 4) => new(new NerDenseSettings(window, words, capsWithout, 1f), Table.Dims);

    [Fact]
    public void Lookup_IgnoresCase_AndGivesMinusOneForAnUnlistedWord()
    {
        Assert.Equal(1, Table.Row(NerGazetteer.LowerHash("paris")));
        Assert.Equal(1, Table.Row(NerGazetteer.LowerHash("Paris")));
        Assert.Equal(1, Table.Row(NerGazetteer.LowerHash("PARIS")));
        Assert.Equal(-1, Table.Row(NerGazetteer.LowerHash("Leeds")));
        Assert.Equal(-1, NerWordEmbeddings.Empty.Row(NerGazetteer.LowerHash("paris")));
        var v = new float[8];
        Table.Vector(1, 0.5f, v);
        Assert.Equal([0.5f, 0.25f, 0, 0, 0, 0, 0, 0], v);
    }

    [Fact]
    public void EmbeddedTable_Loads_WithTheShippedSize()
    {
        var table = NerWordEmbeddings.Default;
        Assert.Equal(150000, table.Count);
        Assert.Equal(100, table.Dims);
        Assert.Equal(0, table.Row(NerGazetteer.LowerHash("The")));
        Assert.True(table.Row(NerGazetteer.LowerHash("Reuters")) > 0);
    }

    [Fact]
    public void AllCapsWord_OutsideAHeadline_IsFlagged_SoAModelMayDropItsLowerCaseVector()
    {
        var codes = Codes("IS militants said it is over");
        Assert.Equal(0 | NerDense.AllCapsFlag, codes[0]);
        Assert.Equal(0, codes[4]);
        Assert.Equal(-1, codes[1]);
        Assert.Equal(-1, Dense(0, capsWithout: 1).RowOf(codes[0]));
        Assert.Equal(0, Dense(0).RowOf(codes[0]));
        // Only the most frequent words lose their vector in capitals: "PARIS" keeps that of "paris" (row 1).
        Assert.Equal(1, Dense(0, capsWithout: 1).RowOf(Codes("they reached PARIS")[2]));
        Assert.Equal(-1, Dense(0, capsWithout: 2).RowOf(Codes("they reached PARIS")[2]));
        // In a line of capitals the word's capitals say nothing: no flag.
        Assert.Equal(0, Codes("IS MILITANTS ATTACK PARIS")[0]);
    }

    [Fact]
    public void WordsBeyondTheChosenVocabulary_HaveNoVector()
    {
        Assert.Equal(1, Dense(0, words: 2).RowOf(1));
        Assert.Equal(-1, Dense(0, words: 2).RowOf(2));
    }

    [Theory]
    [InlineData("not a table", "not a Sitrep word-embedding table")]
    [InlineData("truncated", "ends inside word")]
    [InlineData("values", "bytes of values")]
    public void Parse_MalformedTable_IsRefusedNamingTheFileAndTheReason(string kind, string reason)
    {
        var bytes = TableBytes(("paris", [1, 2, 3, 4]));
        bytes = kind switch
        {
            "not a table" => Encoding.ASCII.GetBytes("word\tpath\nparis\t0101\n"),
            "truncated" => bytes[..20],
            _ => bytes[..^1],
        };
        var e = Assert.Throws<InvalidDataException>(() => NerWordEmbeddings.Parse(bytes, "emb.bin"));
        Assert.Contains("emb.bin", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void DenseWeights_ScoreTheWordsVector_AndNothingForAnUnlistedWord()
    {
        var dense = Dense(0);
        // W[p = 0, B-LOC] = (1, 0, 0, 0): the score is the vector's first value.
        dense.Weights[BLoc * dense.Padded] = 1;
        var score = new float[3 * T];
        dense.AddScores(dense.Weights, Table, Codes("Lyon Leeds Paris"), 3, score, dense.NewVector());
        Assert.Equal(30f / 32, score[BLoc]);
        Assert.Equal(0f, score[T + BLoc]);
        Assert.Equal(1f, score[2 * T + BLoc]);
        Assert.Equal(1f, score.Sum(Math.Abs) - 30f / 32);
    }

    [Fact]
    public void WindowWeights_ScoreTheNeighboursVectors_OnlyInsideTheSentence()
    {
        var dense = Dense(1);
        // W[p = +1, O] = (1, 0, 0, 0): a token is scored by the word after it.
        dense.Weights[(2 * T + 0) * dense.Padded] = 1;
        var score = new float[3 * T];
        dense.AddScores(dense.Weights, Table, Codes("in Paris Lyon"), 3, score, dense.NewVector());
        Assert.Equal([1f, 30f / 32, 0f], [score[0], score[T], score[2 * T]]);
    }

    [Fact]
    public void PrecomputedDotProducts_OfTheFrequentWords_GiveExactlyTheComputedScores()
    {
        var dense = Dense(1);
        for (var i = 0; i < dense.Weights.Length; i++) dense.Weights[i] = (i % 13 - 6) * 0.37f;
        var codes = Codes("rain is over Paris and Lyon");
        var computed = new float[6 * T];
        var read = new float[6 * T];
        dense.AddScores(dense.Weights, Table, codes, 6, computed, dense.NewVector());
        // Rows 0 and 1 ("is", "paris") from the table of dot products, the others multiplied out.
        var projected = dense.Project(Table, 2);
        Assert.Equal(2 * dense.Positions * T, projected.Length);
        dense.AddScores(dense.Weights, Table, codes, 6, read, dense.NewVector(), projected);
        Assert.Equal(computed, read);
        Assert.Contains(computed, v => v != 0);
    }

    private static NerModel Blank(NerDense? dense) =>
        new(Bits, new float[(1 << Bits) * T], new float[(T + 1) * T], dense);

    [Fact]
    public void DenseFeature_ChangesTheTag_OfAWordTheHashedWeightsKnowNothingAbout()
    {
        var dense = Dense(0);
        dense.Weights[BLoc * dense.Padded] = 1;
        string[] words = ["They", "reached", "Lyon"];
        Assert.Equal(["O", "O", "O"], new NerTagger(Blank(null), Features).Tag(words));
        Assert.Equal(["O", "O", "B-LOC"], new NerTagger(Blank(dense), Features).Tag(words));
    }

    [Fact]
    public void Tagger_RefusesAModelWhoseDenseFeaturesNeedOtherVectors()
    {
        var dense = new NerDense(new NerDenseSettings(0, 4, 0, 1f), 100);
        var e = Assert.Throws<ArgumentException>(() => new NerTagger(Blank(dense), Features));
        Assert.Contains("100-dimension", e.Message);
    }

    private const string Corpus = """
        -DOCSTART- O

        Troops NNS O
        entered VBD O
        Paris NNP B-LOC
        on IN O
        Monday NNP O
        . . O

        Rain NN O
        fell VBD O
        in IN O
        Paris NNP B-LOC
        . . O

        -DOCSTART- O

        Angela NNP B-PER
        Merkel NNP I-PER
        flew VBD O
        to TO O
        Paris NNP B-LOC
        . . O

        Merkel NNP B-PER
        said VBD O
        it PRP O
        is VBZ O
        over RB O
        . . O

        -DOCSTART- O

        Reuters NNP B-ORG
        said VBD O
        rain NN O
        is VBZ O
        likely JJ O
        . . O
        """;

    private static NerTrainer Trainer(int window, bool second = true) =>
        new(Features) { Epochs = 3, Seed = 7, Dense = new NerDenseSettings(window, 100, 1, 0.1f), DenseInSecondStage = second };

    private static byte[] Bytes(NerModel model) => NerStackingTests.Bytes(model);

    [Fact]
    public void Training_LearnsDenseWeights_AndTheModelSavedAndLoaded_TagsAsBefore()
    {
        var docs = NerTrainer.ReadConll(new StringReader(Corpus));
        var model = Trainer(1).Train(docs, docs);
        Assert.NotNull(model.Dense);
        Assert.Contains(model.Dense!.Weights, w => w != 0);
        var loaded = NerModel.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(model.Dense.Weights, loaded.Dense!.Weights);
        Assert.Equal(model.Dense.Settings, loaded.Dense.Settings);
        Assert.Equal(Bytes(model), Bytes(loaded));
        var sentences = new List<IReadOnlyList<string>> { "Merkel reached Lyon .".Split(' '), "Rain is over in Lyon .".Split(' ') };
        Assert.Equal(new NerTagger(model, Features).TagDocument(sentences), new NerTagger(loaded, Features).TagDocument(sentences));
    }

    [Fact]
    public void StackedTraining_GivesBothStagesDenseWeights_ThatSurviveSaveAndLoad_ByteForByte()
    {
        var docs = NerTrainer.ReadConll(new StringReader(Corpus));
        var model = Trainer(0).TrainStacked(docs, docs, folds: 2, [NerStacking.Groups.All])[0].Model;
        Assert.NotNull(model.Dense);
        Assert.NotNull(model.Second!.Dense);
        var bytes = Bytes(model);
        var loaded = NerModel.Load(new MemoryStream(bytes));
        Assert.Equal(model.Second.Dense!.Weights, loaded.Second!.Dense!.Weights);
        Assert.Equal(bytes, Bytes(loaded));
        Assert.Equal(bytes, Bytes(Trainer(0).TrainStacked(docs, docs, folds: 2, [NerStacking.Groups.All])[0].Model));
    }

    [Fact]
    public void StackedTraining_ByDefault_GivesOnlyTheFirstStageDenseWeights()
    {
        var docs = NerTrainer.ReadConll(new StringReader(Corpus));
        var trainer = new NerTrainer(Features) { Epochs = 2, Seed = 7, Dense = new NerDenseSettings(0, 100, 1, 0.1f) };
        var model = trainer.TrainStacked(docs, docs, folds: 2, [NerStacking.Groups.All])[0].Model;
        Assert.NotNull(model.Dense);
        Assert.Null(model.Second!.Dense);
        var loaded = NerModel.Load(new MemoryStream(Bytes(model)));
        Assert.Null(loaded.Second!.Dense);
        var sentences = new List<IReadOnlyList<string>> { "Merkel reached Lyon .".Split(' ') };
        Assert.Equal(new NerTagger(model, Features).TagDocument(sentences), new NerTagger(loaded, Features).TagDocument(sentences));
    }

    [Fact]
    public void StackedTagger_WithDenseFeatures_GivesTheTagsOfEachStageDecodedOnItsOwnTable()
    {
        var docs = NerTrainer.ReadConll(new StringReader(Corpus));
        var model = Trainer(1).TrainStacked(docs, docs, folds: 2, [NerStacking.Groups.All])[0].Model;
        var sentences = new List<IReadOnlyList<string>> { "Merkel reached Lyon .".Split(' '), "Rain fell in Lyon and Paris .".Split(' ') };
        var (text, starts, ends, sentenceStarts) = NerTagger.Join(sentences);
        var fast = new NerTagger(model, Features).TagDocument(text, starts, ends, sentenceStarts, starts.Length).ToArray();
        Assert.NotNull(model.Second!.Dense);
        Assert.Equal(NerStackingTests.TagTheLongWay(model, Features, sentences), fast);
    }
}
