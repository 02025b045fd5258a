using System.IO.Compression;
using Sitrep.Core;
using Sitrep.Testing;
using static Sitrep.EventCoding.Tests.TestDoc;

namespace Sitrep.EventCoding.Tests;

public class AttributionModelTests
{
    private static List<Quote> Reported(TestDoc doc) => doc.Annotate().Quotes.Where(q => !q.IsDirect).ToList();

    private static string SpeakerText(string text, Quote q) => q.SpeakerRange!.Value.Slice(text);

    [Fact]
    public void SaveThenLoad_GivesTheSameWeightsAndThreshold_AndTheSameBytes()
    {
        var model = AttributionModel.LoadDefault();
        using var first = new MemoryStream();
        model.Save(first);
        var loaded = AttributionModel.Load(new MemoryStream(first.ToArray()));
        Assert.Equal(model.Bits, loaded.Bits);
        Assert.Equal(model.CueThreshold, loaded.CueThreshold);
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        // The loaded model finds what the shipped one finds.
        var annotator = new EventAnnotator(EventOntology.LoadDefault(), attributionModel: loaded);
        const string text = "Officials said the bridge was closed.";
        Assert.Equal(Reported(new TestDoc(text)), annotator.Annotate(new TestDoc(text).Build()).Quotes.Where(q => !q.IsDirect).ToList());
    }

    [Fact]
    public void Load_RefusesAFileThatIsNoModel_SayingSo()
    {
        var e = Assert.Throws<InvalidDataException>(() => AttributionModel.Load(new MemoryStream("not a model"u8.ToArray())));
        Assert.Contains("attribution model", e.Message + e.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
        using var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) z.Write("\u0003abc"u8);
        e = Assert.Throws<InvalidDataException>(() => AttributionModel.Load(new MemoryStream(gz.ToArray())));
        Assert.Contains("not a sitrep attribution model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_IsDeterministic_AndLearnsATinyCorpus()
    {
        var examples = new List<AttributionExample>();
        foreach (var (speaker, content) in new[] { ("Ahmed", "the road was closed"), ("Maria", "the shop was open"), ("Omar", "the bridge fell down") })
        {
            var text = $"{speaker} said {content}. The weather was cold.";
            var doc = new TestDoc(text).Person(speaker).Build();
            examples.Add(new AttributionExample(doc, [new AttributionSpan(Find(text, "said"), [Find(text, speaker)])]));
        }
        var a = AttributionTrainer.Train(examples, epochs: 5, bits: 12);
        var b = AttributionTrainer.Train(examples, epochs: 5, bits: 12);
        using MemoryStream sa = new(), sb = new();
        a.Save(sa);
        b.Save(sb);
        Assert.Equal(sa.ToArray(), sb.ToArray());
        const string unseen = "Layla said the market was busy. The night was quiet.";
        var annotator = new EventAnnotator(EventOntology.LoadDefault(), attributionModel: a);
        var q = Assert.Single(annotator.Annotate(new TestDoc(unseen).Person("Layla").Build()).Quotes);
        Assert.Equal("Layla", q.Speaker);
        Assert.Equal("the market was busy", q.Text);
        var d = AttributionTrainer.Diagnose(a, examples);
        Assert.Equal(1.0, d.CueRecall, 6);
        Assert.Equal(1.0, d.SourceAccuracy, 6);
    }

    [Fact]
    public void NameSaid_TheClauseIsTheContent()
    {
        const string text = "Ryan Dillon said the coalition had struck twelve targets near the river.";
        var q = Assert.Single(Reported(new TestDoc(text).Person("Ryan Dillon")));
        Assert.Equal("Ryan Dillon", q.Speaker);
        Assert.Equal("the coalition had struck twelve targets near the river", q.Text);
    }

    [Fact]
    public void AccordingTo_NamesTheSource()
    {
        const string text = "The convoy was hit twice before dawn, according to the Syrian Observatory.";
        var q = Assert.Single(Reported(new TestDoc(text).Person("Syrian Observatory")));
        Assert.Equal("Syrian Observatory", q.Speaker);
        Assert.Equal("The convoy was hit twice before dawn", q.Text);
    }

    [Fact]
    public void AccordingToAPoll_TheWholePhraseIsTheSource_AndTheContentIsWhatPrecedesIt()
    {
        const string text = "Support for the plan has fallen sharply since June, according to a New York Times/CBS News poll.";
        var q = Assert.Single(Reported(new TestDoc(text)), q => q.Text.StartsWith("Support", StringComparison.Ordinal));
        Assert.Equal("Support for the plan has fallen sharply since June", q.Text);
        Assert.True(q.SpeakerRange!.Value.Start > text.IndexOf("according", StringComparison.Ordinal));
    }

    [Fact]
    public void CueThenAQuotation_TheQuotationIsWhatWasSaid_NotTheCircumstanceBeforeTheSpeaker()
    {
        const string text = "On Tuesday in Berea, Kasich said, “I am getting ready to rent a covered wagon.”";
        var quotes = new TestDoc(text).Person("Kasich").Annotate().Quotes;
        var q = Assert.Single(quotes);
        Assert.True(q.IsDirect);
        Assert.Equal("Kasich", q.Speaker);
    }

    [Fact]
    public void QuoteClosedByAComma_ThenTheSpeakersPhrase_TheAttributionIsTheQuotes()
    {
        const string text = "“These are the darkest days for people like me,” former speechwriter Noam Neusner wrote in a column this month in the Forward.";
        var quotes = new TestDoc(text).Person("Noam Neusner").Annotate().Quotes;
        var q = Assert.Single(quotes);
        Assert.True(q.IsDirect);
        Assert.Equal("Noam Neusner", q.Speaker);
    }

    [Fact]
    public void QuoteClosedByAComma_ThenSpeakerAndAClause_TheClauseIsReportedSpeech()
    {
        const string text = "Asked about the “CBS This Morning,” Sanders said he had not heard her say the things that need to be said.";
        var q = Assert.Single(Reported(new TestDoc(text).Person("Sanders")), q => !q.Text.Contains("CBS", StringComparison.Ordinal));
        Assert.Equal("Sanders", q.Speaker);
        Assert.Equal("he had not heard her say the things that need to be said", q.Text);
    }

    [Fact]
    public void FragmentQuotedInsideAReportedClause_TakesTheClausesSpeaker()
    {
        const string text = "Ms. Lee said the suit was filed on Monday. The complaint argued that the party “failed to protect the voter data” it held for years.";
        var quotes = new TestDoc(text).Person("Lee").Annotate().Quotes;
        var fragment = Assert.Single(quotes, q => q.IsDirect);
        Assert.Equal("failed to protect the voter data", fragment.Text);
        Assert.Equal("The complaint", SpeakerText(text, fragment));
    }

    [Fact]
    public void CueSetOffByCommasAfterAShortOpener_GovernsWhatFollows()
    {
        const string text = "Six months ago, the senator said, the media considered him a fringe candidate.";
        var q = Assert.Single(Reported(new TestDoc(text)), q => q.Text.StartsWith("the media", StringComparison.Ordinal));
        Assert.Equal("the senator", SpeakerText(text, q));
        Assert.Equal("the media considered him a fringe candidate", q.Text);
    }

    [Fact]
    public void SaidThenAddingThat_SaidKeepsTheClauseBeforeIt()
    {
        const string text = "Five people were killed in the raid, police said, adding that the attackers fled.";
        var quotes = Reported(new TestDoc(text));
        Assert.Contains(quotes, q => q.Text == "Five people were killed in the raid" && SpeakerText(text, q) == "police");
    }

    [Fact]
    public void ToldReportersThat_SkipsTheAddressee()
    {
        const string text = "Governor Ali Hassan told reporters on Monday that the curfew would be lifted.";
        var q = Assert.Single(Reported(new TestDoc(text).Person("Ali Hassan")));
        Assert.Equal("Ali Hassan", q.Speaker);
        Assert.Equal("the curfew would be lifted", q.Text);
    }

    [Fact]
    public void ArguedAndBelieves_AreAttributionsToo()
    {
        const string text = "Sanders argued that the deal hurt workers. Clinton believes the plan will pass.";
        var quotes = Reported(new TestDoc(text).Person("Sanders").Person("Clinton"));
        Assert.Equal(["Sanders", "Clinton"], quotes.Select(q => q.Speaker));
        Assert.Equal(["the deal hurt workers", "the plan will pass"], quotes.Select(q => q.Text));
    }

    [Fact]
    public void NounCue_ClaimThat_IsAttributedToItsOwner()
    {
        const string text = "Trump repeated his claim that the election was rigged.";
        var q = Assert.Single(Reported(new TestDoc(text).Person("Trump")));
        Assert.Contains(SpeakerText(text, q), new[] { "Trump", "his" });
        Assert.Contains("the election was rigged", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DescriptionSpeaker_IsKeptAsWritten()
    {
        const string text = "Local officials said the water supply was cut.";
        var q = Assert.Single(Reported(new TestDoc(text)));
        Assert.Equal("Local officials", q.Speaker);
        Assert.Equal("the water supply was cut", q.Text);
    }

    [Fact]
    public void QuoteWithoutNamedSpeaker_ContinuesTheSpeakerBeforeIt()
    {
        const string text = "Abu Omar said the group had left.\n\"We were told to go north and never come back,\" he added later.\n\"Nobody asked us what we wanted to do next.\"";
        var quotes = new TestDoc(text).Person("Abu Omar").Annotate().Quotes;
        var last = quotes[^1];
        Assert.True(last.IsDirect);
        Assert.Equal("Abu Omar", last.Speaker);
    }

    [Fact]
    public void NonAttributions_GiveNothing()
    {
        Assert.Empty(Reported(new TestDoc("The convoy reached the town before dawn and the road was closed.")));
        Assert.Empty(Reported(new TestDoc("Prices rose sharply in the capital last week.")));
    }
}
