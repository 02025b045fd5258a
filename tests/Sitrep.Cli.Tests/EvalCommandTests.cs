namespace Sitrep.Cli.Tests;

public class EvalCommandTests
{
    [Fact]
    public void EvalTime_OnATinyTimeMlFolder_EndsWithMetricLine()
    {
        using var dir = new TempDir();
        dir.Write("a.tml", """
            <?xml version="1.0" ?>
            <TimeML>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2014-09-28" functionInDocument="CREATION_TIME">09/28/2014</TIMEX3></DCT>
            <TEXT>
            Jets struck Raqqa on <TIMEX3 tid="t1" type="DATE" value="2014-09-27">Saturday</TIMEX3>, officials said.
            </TEXT>
            </TimeML>
            """);
        var r = CliRunner.Run("eval", "time", "--timeml", dir.Path);
        Assert.Equal(0, r.ExitCode);
        var last = r.OutLines[^1];
        Assert.StartsWith("value_accuracy=1.0000 strict_f1=1.0000", last);
        Assert.Contains("gold=1", last);
    }

    [Fact]
    public void EvalQuotes_OnATinyPolnearSplit_ScoresSpeaker()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("text"));
        Directory.CreateDirectory(dir.File("attributions"));
        const string text = "\"We will retake the city,\" Colonel John Smith said on Monday.";
        dir.Write("text/a.txt", text);
        var content = text.IndexOf("We will", StringComparison.Ordinal);
        var source = text.IndexOf("Colonel", StringComparison.Ordinal);
        dir.Write("attributions/a_x.ann",
            $"T1\tSource {source} {source + "Colonel John Smith".Length}\tColonel John Smith\n" +
            $"T2\tContent {content} {content + 24}\tWe will retake the city,\n" +
            "E1\tContent:T2 Source:T1\n");
        var r = CliRunner.Run("eval", "quotes", "--polnear", dir.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("speaker_f1=1.0000", r.OutLines[^1]);
    }

    [Fact]
    public void TrainQuotes_OnATinySplit_WritesAModel_ByteIdenticalOnRerun()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("train/text"));
        Directory.CreateDirectory(dir.File("train/attributions"));
        string[] names = ["Ahmed Saleh", "Maria Lopez", "Omar Khalil", "Lena Berg", "Sam Reed", "Noor Aziz", "Ivan Petrov", "Ana Silva", "Tom Hart", "Mei Chen", "Raj Patel"];
        for (var i = 0; i < names.Length; i++)
        {
            var text = $"{names[i]} said the bridge near the market was closed on day {i}. The weather stayed cold.";
            dir.Write($"train/text/a{i:00}.txt", text);
            int cue = text.IndexOf(" said", StringComparison.Ordinal) + 1, content = text.IndexOf("the bridge", StringComparison.Ordinal);
            dir.Write($"train/attributions/a{i:00}_x.ann",
                $"T1\tSource 0 {names[i].Length}\t{names[i]}\nT2\tCue {cue} {cue + 4}\tsaid\nT3\tContent {content} {content + 10}\tthe bridge\n" +
                "E1\tContent:T3 Cue:T2 Source:T1\n");
        }
        var first = CliRunner.Run("train", "quotes", "--polnear", dir.Path, "--out", dir.File("a.model"), "--epochs", "3", "--bits", "12");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("trained on 9 articles", first.OutLines[^1]);
        var second = CliRunner.Run("train", "quotes", "--polnear", dir.File("train"), "--out", dir.File("b.model"), "--epochs", "3", "--bits", "12");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("a.model")), File.ReadAllBytes(dir.File("b.model")));
    }

    [Fact]
    public void TrainQuotes_OnAFolderWithoutPolnearData_IsBadUsage()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("train", "quotes", "--polnear", dir.Path, "--out", dir.File("a.model"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("neither train/ nor text/ and attributions/", r.Err);
    }

    private static void WriteTinyConll(TempDir dir, string name)
    {
        string[][] docs =
        [
            ["Bill B-PER", "Clinton I-PER", "visited O", "Paris B-LOC", ". O", "", "Clinton B-PER", "left O", ". O"],
            ["Reuters B-ORG", "reported O", "from O", "Jordan B-LOC", ". O", "", "Jordan B-LOC", "closed O", "its O", "border O", ". O"],
            ["Leeds B-ORG", "beat O", "Chelsea B-ORG", ". O", "", "Leeds B-ORG", "fans O", "cheered O", ". O"],
            ["Angela B-PER", "Merkel I-PER", "flew O", "to O", "Berlin B-LOC", ". O", "", "Merkel B-PER", "spoke O", ". O"],
        ];
        dir.Write(name, string.Concat(docs.Select(d => "-DOCSTART- O\n\n" + string.Join("\n", d.Select(l => l.Length == 0 ? "" : l.Replace(" ", " NNP "))) + "\n\n")));
    }

    [Fact]
    public void TrainNer_Stacked_WritesATwoStageModel_ByteIdenticalOnRerun()
    {
        using var dir = new TempDir();
        WriteTinyConll(dir, "train.txt");
        string[] Args(string output) => ["train", "ner", "--train", dir.File("train.txt"), "--dev", dir.File("train.txt"), "--out", dir.File(output),
            "--epochs", "2", "--bits", "12", "--stacked", "--folds", "2", "--stacked-features", "all,local"];
        var first = CliRunner.Run(Args("a.model"));
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("stacked All: dev F1", first.Err);
        Assert.Contains("stacked Local: dev F1", first.Err);
        Assert.Equal(0, CliRunner.Run(Args("b.model")).ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("a.model")), File.ReadAllBytes(dir.File("b.model")));
        using var stream = File.OpenRead(dir.File("a.model"));
        var model = Sitrep.Language.NerModel.Load(stream);
        Assert.Equal(Sitrep.Language.NerStacking.Groups.All, model.SecondGroups);
    }

    [Fact]
    public void TrainNer_WithAnUnknownStackedGroup_IsBadUsage()
    {
        using var dir = new TempDir();
        WriteTinyConll(dir, "train.txt");
        var r = CliRunner.Run("train", "ner", "--train", dir.File("train.txt"), "--dev", dir.File("train.txt"), "--out", dir.File("a.model"),
            "--stacked", "--stacked-features", "local+nearby");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("unknown group 'nearby'", r.Err);
    }

    [Fact]
    public void TrainNer_WithOneSeedInSeeds_WritesTheSeedOptionsBytes_AndWithTwo_AnotherModel()
    {
        using var dir = new TempDir();
        WriteTinyConll(dir, "train.txt");
        string[] Args(string output, params string[] seeds) => ["train", "ner", "--train", dir.File("train.txt"), "--dev", dir.File("train.txt"),
            "--out", dir.File(output), "--epochs", "2", "--bits", "12", .. seeds];
        Assert.Equal(0, CliRunner.Run(Args("seed.model", "--seed", "7")).ExitCode);
        Assert.Equal(0, CliRunner.Run(Args("seeds.model", "--seeds", "7")).ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("seed.model")), File.ReadAllBytes(dir.File("seeds.model")));
        var mixed = CliRunner.Run(Args("mixed.model", "--seeds", "7, 8"));
        Assert.Equal(0, mixed.ExitCode);
        Assert.Contains("average of seeds 7,8: dev F1", mixed.Err);
        Assert.NotEqual(File.ReadAllBytes(dir.File("seed.model")), File.ReadAllBytes(dir.File("mixed.model")));
    }

    [Theory]
    [InlineData("--seeds", "7,x", "'x' is not a whole number")]
    [InlineData("--seeds", "7,7", "a seed is repeated")]
    public void TrainNer_WithBadSeeds_IsBadUsage(string option, string value, string message)
    {
        using var dir = new TempDir();
        WriteTinyConll(dir, "train.txt");
        var r = CliRunner.Run("train", "ner", "--train", dir.File("train.txt"), "--dev", dir.File("train.txt"), "--out", dir.File("a.model"), option, value);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Err);
    }

    [Fact]
    public void TrainNer_WithBothSeedAndSeeds_IsBadUsage()
    {
        using var dir = new TempDir();
        WriteTinyConll(dir, "train.txt");
        var r = CliRunner.Run("train", "ner", "--train", dir.File("train.txt"), "--dev", dir.File("train.txt"), "--out", dir.File("a.model"),
            "--seed", "7", "--seeds", "1,2");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not both", r.Err);
    }

    [Fact]
    public void Eval_WithMissingData_IsBadUsage()
    {
        var r = CliRunner.Run("eval", "places", "--corpus", "/nonexistent/lgl.xml");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("does not exist", r.Err);
    }
}
