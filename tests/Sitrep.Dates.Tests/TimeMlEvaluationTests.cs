namespace Sitrep.Dates.Tests;

public sealed class TimeMlEvaluationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitrep-timeml-" + Guid.NewGuid().ToString("N"));

    public TimeMlEvaluationTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // DCT 2014-09-28 (a Sunday). Gold: "Saturday" right; "last week" with a value we do not produce (WXX);
    // "the time" is not recognised (a miss); "28-year-old" is not gold and not predicted; "yesterday" is not
    // annotated, so our mention of it is a false positive; the DURATION is not scored as gold.
    private const string Tiny = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>tiny</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2014-09-28" functionInDocument="CREATION_TIME">09/28/2014</TIMEX3></DCT>
        <TEXT>
        Jets struck on <TIMEX3 tid="t1" type="DATE" value="2014-09-27">Saturday</TIMEX3> and <TIMEX3 tid="t2" type="DATE" value="2014-WXX">last week</TIMEX3>, and at <TIMEX3 tid="t3" type="DATE" value="PAST_REF">the time</TIMEX3> a 28-year-old fought for <TIMEX3 tid="t4" type="DURATION" value="P3Y">three years</TIMEX3>. He left yesterday.
        </TEXT>
        </TimeML>
        """;

    [Fact]
    public void ReadTexts_GivesEachFilesTextAndCreationDate_AndSkipsFilesWithout()
    {
        File.WriteAllText(Path.Combine(_dir, "tiny.tml"), Tiny);
        File.WriteAllText(Path.Combine(_dir, "undated.tml"), "<TimeML><TEXT>On Saturday.</TEXT></TimeML>");
        File.WriteAllText(Path.Combine(_dir, "broken.tml"), "<TimeML><TEXT>");
        var (text, dct) = Assert.Single(TimeMlEvaluation.ReadTexts(_dir));
        Assert.Equal(new DateOnly(2014, 9, 28), dct);
        Assert.Contains("Jets struck on Saturday and last week", text);
        Assert.DoesNotContain("<TIMEX3", text);
    }

    [Fact]
    public void Evaluate_TinyFile_CountsExtentsAndValues()
    {
        File.WriteAllText(Path.Combine(_dir, "tiny.tml"), Tiny);
        var s = TimeMlEvaluation.Evaluate(_dir, new TimeExpressionRecognizer());
        Assert.Equal(1, s.Documents);
        Assert.Equal(3, s.Gold);
        Assert.Equal(3, s.Predicted);       // Saturday, last week, yesterday
        Assert.Equal(2, s.StrictMatches);
        Assert.Equal(2, s.RelaxedMatches);
        Assert.Equal(1, s.ValueCorrect);    // Saturday right; last week is 2014-W38, gold says WXX
        Assert.Equal(2.0 / 3, s.RelaxedPrecision, 6);
        Assert.Equal(0.5, s.ValueAccuracy, 6);
        Assert.Contains(s.Details, d => d.Contains("MISS") && d.Contains("the time"));
        Assert.Contains(s.Details, d => d.Contains("FALSE") && d.Contains("yesterday"));
        Assert.EndsWith("value_accuracy=0.500", s.ToString());
    }

    [Fact]
    public void Evaluate_BrokenFile_IsCountedAsFailed_NotThrown()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.tml"), "<TimeML><TEXT>unclosed");
        var s = TimeMlEvaluation.Evaluate(_dir, new TimeExpressionRecognizer());
        Assert.Equal(1, s.Failed);
        Assert.Equal(0, s.Documents);
    }
}
