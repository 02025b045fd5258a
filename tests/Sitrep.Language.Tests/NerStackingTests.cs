using System.IO.Compression;
using System.Text;
using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class NerStackingTests
{
    private const int Bits = 14;
    private static readonly NerGazetteer Gazetteer = NerGazetteer.Load(new StringReader("category\tname\nLOC\tParis\nLOC\tJordan\n"));
    private static readonly NerFeatures Features = new(Bits, Gazetteer);
    private static readonly NerModel Blank = new(Bits, new float[(1 << Bits) * NerModel.TagCount], new float[(NerModel.TagCount + 1) * NerModel.TagCount]);

    /// <summary>A document's first pass (through a blank model: every tag O), with the sentences' words.</summary>
    private sealed record Pass(int[] Ids, int[] Offsets, ulong[] Lower, byte[] Cap, int[] SentenceStarts);

    private static Pass Read(params string[] sentences)
    {
        var (text, starts, ends, sentenceStarts) = NerTagger.Join(sentences.Select(s => (IReadOnlyList<string>)s.Split(' ')).ToList());
        var tagger = new NerTagger(Blank, Features);
        tagger.Read(Blank, text, starts, ends, sentenceStarts, starts.Length);
        var offsets = tagger.FirstOffsets.ToArray();
        return new Pass(tagger.FirstIds[..offsets[^1]].ToArray(), offsets, tagger.LowerHashes.ToArray(), tagger.CapClasses.ToArray(), sentenceStarts);
    }

    private static int[] Tags(string bio) => bio.Split(' ').Select(t => Array.IndexOf(NerModel.Tags, t)).ToArray();

    /// <summary>The stacked ids of token <paramref name="k"/> beyond its first-pass ids, given first-stage tags.</summary>
    private static int[] Stacked(Pass pass, string tags, NerStacking.Groups groups, int k)
    {
        int[] ids = [], offsets = [];
        new NerStacking().Combine(Features, groups, pass.Ids, pass.Offsets, Tags(tags), pass.Lower, pass.Cap, pass.SentenceStarts, ref ids, ref offsets);
        var own = pass.Offsets[k + 1] - pass.Offsets[k];
        Assert.Equal(pass.Ids[pass.Offsets[k]..pass.Offsets[k + 1]], ids[offsets[k]..(offsets[k] + own)]);
        return ids[(offsets[k] + own)..offsets[k + 1]];
    }

    [Fact]
    public void LoneSurname_HearsOfTheLongerNameTheFirstStageFoundElsewhere()
    {
        var pass = Read("Bill Clinton arrived .", "Clinton said .");
        var named = Stacked(pass, "B-PER I-PER O O B-PER O O", NerStacking.Groups.Longer, 4);
        var unnamed = Stacked(pass, "O O O O B-PER O O", NerStacking.Groups.Longer, 4);
        Assert.Single(named);
        Assert.Empty(unnamed);
        // The full name itself has no longer name elsewhere.
        Assert.Empty(Stacked(pass, "B-PER I-PER O O B-PER O O", NerStacking.Groups.Longer, 1));
    }

    [Fact]
    public void OtherOccurrencesOfAWord_TellTheirFirstStageTypes()
    {
        var pass = Read("Jordan scored twice .", "Fans cheered Jordan .");
        var asPerson = Stacked(pass, "B-PER O O O O O B-LOC O", NerStacking.Groups.Word, 6);
        var asPlace = Stacked(pass, "B-LOC O O O O O B-LOC O", NerStacking.Groups.Word, 6);
        Assert.NotEmpty(asPerson);
        Assert.NotEqual(asPerson.ToHashSet(), asPlace.ToHashSet());
        // A word seen once has no other occurrences: one "alone" feature, whatever its own tag.
        var once = Read("Fans cheered Jordan .");
        Assert.Equal(Stacked(once, "O O B-LOC O", NerStacking.Groups.Word, 2), Stacked(once, "O O B-PER O", NerStacking.Groups.Word, 2));
    }

    [Fact]
    public void LocalFeatures_SeeTheNeighboursFirstStageTags_OnlyInsideTheSentence()
    {
        var pass = Read("He met Angela Merkel .", "Berlin was cold .");
        var merkel = Stacked(pass, "O O B-PER I-PER O B-LOC O O O", NerStacking.Groups.Local, 3);
        var merkelAsOrg = Stacked(pass, "O O B-ORG I-ORG O B-LOC O O O", NerStacking.Groups.Local, 3);
        Assert.Equal(8, merkel.Length); // tag, four neighbours, trigram, tag x capitalisation, place in the entity
        Assert.NotEqual(merkel.ToHashSet(), merkelAsOrg.ToHashSet());
        // "." ends the sentence: what the next sentence's "Berlin" got does not reach it.
        var period = Stacked(pass, "O O B-PER I-PER O B-LOC O O O", NerStacking.Groups.Local, 4);
        var periodOtherNext = Stacked(pass, "O O B-PER I-PER O O O O O", NerStacking.Groups.Local, 4);
        Assert.Equal(period, periodOtherNext);
    }

    [Fact]
    public void CapitalisedRun_ElsewhereInTheDocument_TellsItsFirstStageType()
    {
        var pass = Read("New Zealand won .", "New Zealand lost .");
        var place = Stacked(pass, "B-LOC I-LOC O O O O O O", NerStacking.Groups.Run, 4);
        var team = Stacked(pass, "B-ORG I-ORG O O O O O O", NerStacking.Groups.Run, 4);
        Assert.Single(place);
        Assert.NotEqual(place, team);
    }

    /// <summary>Four tiny CoNLL documents with repeated names, for training small models.</summary>
    internal const string Corpus = """
        -DOCSTART- O

        Bill NNP B-PER
        Clinton NNP I-PER
        visited VBD O
        Paris NNP B-LOC
        . . O

        Clinton NNP B-PER
        met VBD O
        Chirac NNP B-PER
        . . O

        -DOCSTART- O

        Reuters NNP B-ORG
        reported VBD O
        from IN O
        Jordan NNP B-LOC
        . . O

        Jordan NNP B-LOC
        closed VBD O
        its PRP O
        border NN O
        . . O

        -DOCSTART- O

        Manchester NNP B-ORG
        United NNP I-ORG
        beat VBD O
        Leeds NNP B-ORG
        2-0 CD O
        . . O

        Leeds NNP B-ORG
        fans NNS O
        left VBD O
        early RB O
        . . O

        -DOCSTART- O

        Angela NNP B-PER
        Merkel NNP I-PER
        flew VBD O
        to TO O
        Berlin NNP B-LOC
        . . O

        Merkel NNP B-PER
        spoke VBD O
        in IN O
        German JJ B-MISC
        . . O

        """;

    private static NerModel TrainTiny()
    {
        var docs = NerTrainer.ReadConll(new StringReader(Corpus));
        var trainer = new NerTrainer(Features) { Epochs = 3, Seed = 7 };
        return trainer.TrainStacked(docs, docs, folds: 2, [NerStacking.Groups.All])[0].Model;
    }

    /// <summary>The bytes <see cref="NerModel.Save"/> writes for <paramref name="model"/>.</summary>
    internal static byte[] Bytes(NerModel model)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void StackedModel_SavedAndLoaded_KeepsBothStages_AndTagsAsBefore()
    {
        var model = TrainTiny();
        Assert.NotNull(model.Second);
        var loaded = NerModel.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(NerStacking.Groups.All, loaded.SecondGroups);
        Assert.True(model.Second!.DenseEmission().AsSpan().SequenceEqual(loaded.Second!.DenseEmission()));
        Assert.Equal(Bytes(model), Bytes(loaded));
        var sentences = new List<IReadOnlyList<string>> { "Bill Clinton met Merkel in Jordan .".Split(' '), "Clinton left Leeds .".Split(' ') };
        Assert.Equal(new NerTagger(model, Features).TagDocument(sentences), new NerTagger(loaded, Features).TagDocument(sentences));
    }

    /// <summary>
    /// The stacked model's tags computed the long way: the first stage alone, then the second stage decoding each
    /// sentence from its own dense scores (when it has dense features) plus the first pass's ids and the stacked ones,
    /// each stage with its own weight table.
    /// </summary>
    internal static int[] TagTheLongWay(NerModel model, NerFeatures features, IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var (text, starts, ends, sentenceStarts) = NerTagger.Join(sentences);
        var tagger = new NerTagger(model.FirstStage, features);
        var first = model.FirstStage;
        tagger.Read(first, text, starts, ends, sentenceStarts, starts.Length);
        int[] ids = [], offsets = [];
        new NerStacking().Combine(features, model.SecondGroups, tagger.FirstIds, tagger.FirstOffsets, tagger.FirstTags,
            tagger.LowerHashes, tagger.CapClasses, sentenceStarts, ref ids, ref offsets);
        var codes = tagger.EmbeddingCodes.ToArray();
        var dense = model.Second!.Dense;
        var result = new int[starts.Length];
        var tags = new int[starts.Length];
        var work = new float[2 * starts.Length * NerModel.TagCount];
        for (var s = 0; s < sentenceStarts.Length; s++)
        {
            var n = sentences[s].Count;
            var initial = new float[n * NerModel.TagCount];
            dense?.AddScores(dense.Weights, features.Embeddings, codes.AsSpan(sentenceStarts[s], n), n, initial, dense.NewVector());
            model.Second.Decode(ids, offsets.AsSpan(sentenceStarts[s], n + 1), n, tags, work, dense is null ? [] : initial);
            tags.AsSpan(0, n).CopyTo(result.AsSpan(sentenceStarts[s]));
        }
        return result;
    }

    [Fact]
    public void StackedTagger_GivesTheTagsOfEachStageDecodedOnItsOwnTable()
    {
        var model = TrainTiny();
        var sentences = new List<IReadOnlyList<string>> { "Bill Clinton met Merkel in Jordan .".Split(' '), "Clinton left Leeds for Paris .".Split(' ') };
        var (text, starts, ends, sentenceStarts) = NerTagger.Join(sentences);
        var fast = new NerTagger(model, Features).TagDocument(text, starts, ends, sentenceStarts, starts.Length).ToArray();
        Assert.Equal(TagTheLongWay(model, Features, sentences), fast);
    }

    [Fact]
    public void StackedTraining_WithAFixedSeed_WritesTheSameBytesTwice()
    {
        Assert.Equal(Bytes(TrainTiny()), Bytes(TrainTiny()));
    }

    /// <summary>A gzip stream holding what <paramref name="write"/> writes: the head of a model file.</summary>
    private static MemoryStream Gzipped(Action<BinaryWriter> write)
    {
        var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionMode.Compress, leaveOpen: true))
        using (var w = new BinaryWriter(gz, Encoding.UTF8)) write(w);
        buffer.Position = 0;
        return buffer;
    }

    [Fact]
    public void Load_RefusesAModelOfTheEarlierFeatureSet_NamingBothVersions()
    {
        // The head of a feature-set-6 file (stacked, no dense features): magic, version, stage count, groups.
        using var stream = Gzipped(w => { w.Write("SITREP-NER"); w.Write(6); w.Write(2); w.Write((int)NerStacking.Groups.All); });
        var error = Assert.Throws<InvalidDataException>(() => NerModel.Load(stream));
        Assert.Contains("feature set 6", error.Message);
        Assert.Contains($"this build has {NerFeatures.Version}", error.Message);
        Assert.Contains("retrain", error.Message);
    }

    [Fact]
    public void Load_RefusesAStageCountOtherThanOneOrTwo()
    {
        using var stream = Gzipped(w => { w.Write("SITREP-NER"); w.Write(NerFeatures.Version); w.Write(3); w.Write((int)NerStacking.Groups.All); });
        Assert.Contains("3 stages", Assert.Throws<InvalidDataException>(() => NerModel.Load(stream)).Message);
    }
}
