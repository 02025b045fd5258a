using Sitrep.Core;
using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class NerModelTests
{
    private static readonly string[] Sentences =
    [
        "President Vladimir Putin met Angela Merkel in Berlin on Monday .",
        "The European Union said the talks in Geneva would resume .",
        "Islamic State fighters attacked Iraqi troops near Mosul .",
    ];

    [Fact]
    public void ShippedModel_SavedAndLoaded_GivesIdenticalWeightsAndPredictions()
    {
        using var buffer = new MemoryStream();
        NerModel.Default.Save(buffer);
        buffer.Position = 0;
        var loaded = NerModel.Load(buffer);
        Assert.Equal(NerModel.Default.Bits, loaded.Bits);
        Assert.Equal(NerModel.Default.Transition, loaded.Transition);
        Assert.True(NerModel.Default.DenseEmission().AsSpan().SequenceEqual(loaded.DenseEmission()));
        // The shipped model is stacked: its second stage comes back too.
        Assert.NotNull(loaded.Second);
        Assert.Equal(NerModel.Default.SecondGroups, loaded.SecondGroups);
        Assert.Equal(NerModel.Default.Second!.Transition, loaded.Second!.Transition);
        Assert.True(NerModel.Default.Second.DenseEmission().AsSpan().SequenceEqual(loaded.Second.DenseEmission()));
        // The first stage has dense word-embedding features (round 8); their weights and settings come back as well.
        Assert.Equal(NerModel.Default.Dense!.Weights, loaded.Dense!.Weights);
        Assert.Equal(NerModel.Default.Dense.Settings, loaded.Dense.Settings);
        Assert.Null(loaded.Second.Dense);
        var original = new NerTagger(NerModel.Default, NerFeatures.CreateDefault(NerModel.Default.Bits));
        var reloaded = new NerTagger(loaded, NerFeatures.CreateDefault(loaded.Bits));
        foreach (var s in Sentences) Assert.Equal(original.Tag(s.Split(' ')), reloaded.Tag(s.Split(' ')));
    }

    [Fact]
    public void Load_RefusesAStreamThatIsNotAModel()
    {
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var w = new BinaryWriter(gz)) w.Write("something else");
        buffer.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(buffer));
    }

    [Fact]
    public void ShippedModel_TagsPeoplePlacesAndOrganisations_InAHandWrittenSentence()
    {
        var tagger = NerTagger.CreateDefault();
        Assert.Equal(["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"], tagger.Tag(Sentences[0].Split(' ')));
        Assert.Equal(["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "B-LOC", "O", "O", "O"], tagger.Tag(Sentences[1].Split(' ')));
    }

    [Fact]
    public void Decoder_NeverOpensAnEntityWithAnInsideTag()
    {
        var tagger = NerTagger.CreateDefault();
        foreach (var s in Sentences.Append("of the Bank of England and New York Stock Exchange"))
        {
            var tags = tagger.Tag(s.Split(' '));
            for (var k = 0; k < tags.Length; k++)
                if (tags[k].StartsWith("I-", StringComparison.Ordinal))
                    Assert.True(k > 0 && tags[k - 1][2..] == tags[k][2..] && tags[k - 1] != "O", $"{s}: {string.Join(' ', tags)}");
        }
    }

    [Fact]
    public void Allowed_LetsInsideFollowOnlyItsOwnType()
    {
        Assert.True(NerModel.Allowed(1, 2));   // B-PER -> I-PER
        Assert.True(NerModel.Allowed(2, 2));   // I-PER -> I-PER
        Assert.False(NerModel.Allowed(0, 2));  // O -> I-PER
        Assert.False(NerModel.Allowed(3, 2));  // B-ORG -> I-PER
        Assert.False(NerModel.Allowed(NerModel.TagCount, 4)); // start -> I-ORG
        Assert.True(NerModel.Allowed(NerModel.TagCount, 3));  // start -> B-ORG
    }
}

public class NerFeatureTests
{
    private static readonly NerGazetteer Gazetteer = NerGazetteer.Load(new StringReader("category\tname\nLOC\tNew York\nLOC\tParis\nORG\tRed Cross\nACT\tIslamic State\n"));

    private static (int[] Ids, int[] Offsets) Extract(string sentence, int bits = 16, NerGazetteer? gazetteer = null)
    {
        var words = sentence.Split(' ');
        var text = sentence;
        var starts = new int[words.Length];
        var ends = new int[words.Length];
        for (int k = 0, p = 0; k < words.Length; p += words[k].Length + 1, k++) { starts[k] = p; ends[k] = p + words[k].Length; }
        var scratch = new NerFeatures.Scratch();
        new NerFeatures(bits, gazetteer ?? Gazetteer).Extract(text, starts, ends, 0, words.Length, scratch);
        return (scratch.Ids[..scratch.Offsets[words.Length]], scratch.Offsets[..(words.Length + 1)]);
    }

    private static int[] TokenIds((int[] Ids, int[] Offsets) f, int k) => f.Ids[f.Offsets[k]..f.Offsets[k + 1]];

    [Fact]
    public void SameWordInSameContext_GetsTheSameFeatures()
    {
        var a = Extract("troops entered Paris on Monday");
        var b = Extract("troops entered Paris on Monday");
        Assert.Equal(a.Ids, b.Ids);
    }

    [Fact]
    public void EveryFeatureId_IsABucketOfTheTable()
    {
        var f = Extract("Gunmen killed 12 people in the U.S.-backed town of al-Bab , officials said .", bits: 12);
        Assert.All(f.Ids, id => Assert.InRange(id, 0, (1 << 12) - 1));
    }

    [Fact]
    public void Capitalisation_ChangesTheFeatures()
    {
        var upper = TokenIds(Extract("he met Bush today"), 2);
        var lower = TokenIds(Extract("he met bush today"), 2);
        Assert.NotEqual(upper.ToHashSet(), lower.ToHashSet());
        // The lower-case word, its prefixes and suffixes are shared; shape and the written form are not.
        Assert.True(upper.Intersect(lower).Count() >= 8);
    }

    [Fact]
    public void RightContext_ReachesTheFeaturesOfTheWordBefore()
    {
        var said = TokenIds(Extract("Dillon said"), 0);
        var fell = TokenIds(Extract("Dillon fell"), 0);
        Assert.NotEqual(said.ToHashSet(), fell.ToHashSet());
    }

    [Fact]
    public void GazetteerName_AddsFeaturesToEachOfItsTokens()
    {
        var with = Extract("aid reached New York today");
        var without = Extract("aid reached New York today", gazetteer: NerGazetteer.Empty);
        Assert.True(TokenIds(with, 2).Length > TokenIds(without, 2).Length);
        Assert.True(TokenIds(with, 3).Length > TokenIds(without, 3).Length);
        Assert.Equal(TokenIds(with, 0).Length, TokenIds(without, 0).Length);
    }

    [Fact]
    public void Gazetteer_MarksFirstAndInsideTokens_CaseInsensitively()
    {
        var words = "NEW YORK and the Red Cross and Islamic State".Split(' ');
        var hashes = words.Select(w => NerGazetteer.LowerHash(w)).ToArray();
        var marks = new ushort[words.Length];
        Gazetteer.Mark(hashes, marks);
        Assert.Equal(1, marks[0]);        // B-LOC
        Assert.Equal(2, marks[1]);        // I-LOC
        Assert.Equal(0, marks[2]);
        Assert.Equal(4, marks[4]);        // B-ORG
        Assert.Equal(8, marks[5]);        // I-ORG
        Assert.Equal(64, marks[7]);       // B-ACT
        Assert.Equal(128, marks[8]);      // I-ACT
    }

    [Fact]
    public void Gazetteer_OfThousandsOfNames_MarksEveryListedNameAndNoUnlistedOne()
    {
        // Enough names that the phrase table's probe chains are long and wrap around its end.
        var rows = new System.Text.StringBuilder("category\tname\n");
        for (var k = 0; k < 5000; k++) rows.Append($"LOC\tTown{k} Hills\nPER\tName{k}\n");
        var gazetteer = NerGazetteer.Load(new StringReader(rows.ToString()));
        Assert.Equal(15000, gazetteer.KeyCount); // each two-word name and its one-word prefix, each first name
        for (var k = 0; k < 5000; k += 7)
        {
            var words = new[] { $"town{k}", "HILLS", $"Name{k}", $"Name{k + 5000}", $"Town{k}" };
            var marks = new ushort[words.Length];
            gazetteer.Mark(words.Select(w => NerGazetteer.LowerHash(w)).ToArray(), marks);
            Assert.Equal(new[] { 1, 2, 256, 0, 0 }, marks.Select(m => (int)m));
        }
    }

    [Fact]
    public void Gazetteer_MarksTeamCompanyAndSurnameCategories_InTheUpperBits()
    {
        var gazetteer = NerGazetteer.Load(new StringReader("category\tname\nTEAM\tAston Villa\nCO\tBoeing\nLAST\tSmith\nPER\tJohn\n"));
        var words = "John Smith of Boeing watched Aston Villa".Split(' ');
        var marks = new ushort[words.Length];
        gazetteer.Mark(words.Select(w => NerGazetteer.LowerHash(w)).ToArray(), marks);
        Assert.Equal(1 << 8, marks[0]);   // B-PER (first name)
        Assert.Equal(1 << 14, marks[1]);  // B-LAST
        Assert.Equal(1 << 12, marks[3]);  // B-CO
        Assert.Equal(1 << 10, marks[5]);  // B-TEAM
        Assert.Equal(1 << 11, marks[6]);  // I-TEAM
    }

    [Fact]
    public void Gazetteer_RefusesAnUnknownCategory_NamingTheLine()
    {
        var error = Assert.Throws<FormatException>(() => NerGazetteer.Load(new StringReader("category\tname\nCLUB\tAston Villa\n")));
        Assert.Contains("line", error.Message);
        Assert.Contains("TEAM", error.Message);
    }

    [Fact]
    public void CapitalisedRun_HeadWordReachesEveryTokenOfTheRun()
    {
        // The head ("United" / "City") is three tokens after "Leeds", beyond the ±2 window: only the run feature sees it.
        var united = TokenIds(Extract("fans of Leeds Rovers Athletic United cheered"), 2);
        var city = TokenIds(Extract("fans of Leeds Rovers Athletic City cheered"), 2);
        Assert.NotEqual(united.ToHashSet(), city.ToHashSet());
    }

    [Fact]
    public void CapitalisedRun_WordAfterTheRunReachesItsFirstToken()
    {
        // Three tokens on, "said" / "beat" is beyond the ±2 window of "Real": only the run feature can see it.
        var said = TokenIds(Extract("Real Madrid Club said"), 0);
        var beat = TokenIds(Extract("Real Madrid Club beat"), 0);
        Assert.NotEqual(said.ToHashSet(), beat.ToHashSet());
        var lower = TokenIds(Extract("real madrid club said"), 0).ToHashSet();
        Assert.True(TokenIds(Extract("real madrid club beat"), 0).ToHashSet().SetEquals(lower));
    }

    [Fact]
    public void DocumentMemory_AddsFeaturesForAWordSeenEarlier()
    {
        var memory = new NerMemory();
        const string text = "Bonn said so\nBonn agreed";
        int[] starts = [0, 5, 10, 13, 18], ends = [4, 9, 12, 17, 24];
        memory.Reset(text, starts, ends, [0, 3], 5);
        var features = new NerFeatures(16, Gazetteer);
        var scratch = new NerFeatures.Scratch();
        features.Extract(text, starts, ends, 3, 5, scratch, null);
        var alone = scratch.Offsets[1] - scratch.Offsets[0];
        features.Extract(text, starts, ends, 3, 5, scratch, memory);
        // Its earlier tags and written forms, its two contexts in the document (opens a sentence, lower-case word
        // after) and the two words seen after it ("said", "agreed").
        Assert.Equal(alone + 6, scratch.Offsets[1] - scratch.Offsets[0]);
    }

    [Fact]
    public void DocumentMemory_TellsAWordByItsNeighboursElsewhereInTheDocument()
    {
        // "Leeds" in the last sentence is read the same in both documents, except for what stood around it earlier.
        var table = SecondSentenceIds("Leeds 2 Chelsea 1\nLeeds won");
        var prose = SecondSentenceIds("Leeds drew with Chelsea\nLeeds won");
        Assert.NotEqual(table.ToHashSet(), prose.ToHashSet());
        Assert.Equal(prose.Length + 1, table.Length); // the number after it in the table is one more context
    }

    [Fact]
    public void DocumentMemory_RemembersTheWordsSeenNextToACapitalisedWord()
    {
        var united = SecondSentenceIds("Leeds United lost\nLeeds won");
        var rovers = SecondSentenceIds("Leeds Rovers lost\nLeeds won");
        Assert.Equal(united.Length, rovers.Length);
        Assert.Single(united.Except(rovers));
    }

    [Fact]
    public void DocumentMemory_ReadsADocumentWithoutSentenceStarts_FromItsFirstCapitalisedWord()
    {
        var memory = new NerMemory();
        memory.Reset("Bonn said", [0, 5], [4, 9], [], 2);
        var scratch = new NerFeatures.Scratch();
        new NerFeatures(16, Gazetteer).Extract("Bonn said", [0, 5], [4, 9], 0, 2, scratch, memory);
        Assert.True(scratch.Offsets[1] > scratch.Offsets[0]);
    }

    private static int[] SecondSentenceIds(string text)
    {
        var lines = text.Split('\n');
        var words = lines.SelectMany(l => l.Split(' ')).ToArray();
        int[] starts = new int[words.Length], ends = new int[words.Length];
        for (int k = 0, p = 0; k < words.Length; k++)
        {
            p = text.IndexOf(words[k], p, StringComparison.Ordinal);
            (starts[k], ends[k]) = (p, p + words[k].Length);
            p = ends[k];
        }
        var second = lines[0].Split(' ').Length;
        var memory = new NerMemory();
        memory.Reset(text, starts, ends, [0, second], words.Length);
        var scratch = new NerFeatures.Scratch();
        new NerFeatures(16, Gazetteer).Extract(text, starts, ends, second, words.Length, scratch, memory);
        return scratch.Ids[scratch.Offsets[0]..scratch.Offsets[1]];
    }
}

public class StatisticalEntityRecognizerTests
{
    private static (string Text, EntityType Type, string? Actor)[] Entities(string text) =>
        LanguageAnnotator.CreateDefault()
            .Annotate(new Document { Meta = new DocumentMeta("t", "t") { Published = new DateOnly(2019, 3, 12) }, Text = text })
            .Entities.Select(e => (e.Text, e.Type, e.ActorId)).ToArray();

    [Fact]
    public void GluedArabicArticle_ContinuesTheNameBeforeIt()
    {
        var e = Entities("Warplanes struck the market in Maarat al-Numan on Monday.");
        Assert.Contains(e, x => x.Text == "Maarat al-Numan");
        Assert.DoesNotContain(e, x => x.Text == "al-Numan");
    }

    [Fact]
    public void NameAfterTownOf_IsAPlace_EvenWhereItsUnlistedWordsReadLikeASurname()
    {
        // The shipped model tags both names B-PER I-PER (unlisted words read like surnames): "town of" decides.
        var e = Entities("Warplanes struck the market in the town of Maarat al-Numan on Monday.");
        Assert.Contains(("Maarat al-Numan", EntityType.LOC, (string?)null), e);
        Assert.Contains(Entities("Fighting reached the city of Jisr al-Shughour."), x => x.Text == "Jisr al-Shughour" && x.Type == EntityType.LOC);
    }

    [Fact]
    public void PlaceNamedSurname_StaysAPerson_WhenTheDocumentNamesThePersonInFull()
    {
        var e = Entities("President Bill Clinton met Boris Yeltsin in Moscow. Aides said Clinton flew home on Friday.");
        Assert.Equal(2, e.Count(x => x.Text.EndsWith("Clinton", StringComparison.Ordinal) && x.Type == EntityType.PER));
    }

    [Fact]
    public void PluralNounBeforeSaid_AtASentenceStart_IsNoPerson()
    {
        var e = Entities("Shares fell in Tokyo on Monday. Analysts said the yen would recover.");
        Assert.DoesNotContain(e, x => x.Text == "Analysts");
    }

    [Fact]
    public void ActorAlias_FoundByTheModel_CarriesTheActorId()
    {
        var e = Entities("Fighters of the Syrian Democratic Forces entered the town.");
        Assert.Contains(("Syrian Democratic Forces", EntityType.ORG, "SDF: Syrian Democratic Forces"), e);
    }

    [Fact]
    public void Default_IsTheStatisticalRecognizer_WithEntitiesInsideSentences()
    {
        var doc = LanguageAnnotator.CreateDefault().Annotate(new Document
        {
            Meta = new DocumentMeta("t", "t"),
            Text = "Angela Merkel spoke in Berlin. Emmanuel Macron answered from Paris.",
        });
        Assert.Equal(["Angela Merkel", "Berlin", "Emmanuel Macron", "Paris"], doc.Entities.Select(x => x.Text).ToArray());
        foreach (var x in doc.Entities)
            Assert.Equal(doc.SentenceIndexAt(x.Range.Start), doc.SentenceIndexAt(x.Range.End - 1));
    }
}
