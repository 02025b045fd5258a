using Sitrep.Core;
using Sitrep.Language;

namespace Sitrep.Language.Tests;

public class ConllEvaluationTests
{
    private sealed class FixedRecognizer(Func<Document, IReadOnlyList<EntityMention>> f) : IEntityRecognizer
    {
        public IReadOnlyList<EntityMention> Recognize(Document document) => f(document);
    }

    /// <summary>Tags every token written exactly "X" as a one-token entity of type PER.</summary>
    private static readonly IEntityRecognizer MarksX = new FixedRecognizer(doc =>
        Enumerable.Range(0, doc.TokenCount).Where(i => doc.Token(i).Text == "X")
            .Select(i => new EntityMention(doc.Token(i).Range, EntityType.PER, "X")).ToList());

    [Fact]
    public void Chunks_Iob2() =>
        Assert.Equal([new ConllEvaluation.Chunk(0, 2, "PER"), new ConllEvaluation.Chunk(3, 4, "LOC")],
            ConllEvaluation.Chunks(["B-PER", "I-PER", "O", "B-LOC"]));

    [Fact]
    public void Chunks_Iob1_IStartsAChunk_AndBSplitsAdjacentOnes() =>
        Assert.Equal([new ConllEvaluation.Chunk(0, 2, "LOC"), new ConllEvaluation.Chunk(2, 3, "LOC")],
            ConllEvaluation.Chunks(["I-LOC", "I-LOC", "B-LOC"]));

    [Fact]
    public void Chunks_TypeChangeInsideIStartsANewChunk() =>
        Assert.Equal([new ConllEvaluation.Chunk(0, 1, "PER"), new ConllEvaluation.Chunk(1, 2, "ORG")],
            ConllEvaluation.Chunks(["B-PER", "I-ORG"]));

    [Fact]
    public void ScoreConllevalFile_GivesKnownPrecisionRecallF1()
    {
        // Gold: PER(0-2) LOC(3) ORG(5) ; predicted: PER(0-2) correct, LOC(3) typed MISC wrong, ORG(5-7) wrong span, LOC(8) spurious.
        const string file = """
            -DOCSTART- -X- -X- O O

            John NNP B-NP B-PER B-PER
            Smith NNP I-NP I-PER I-PER
            in IN B-PP O O
            Paris NNP B-NP B-LOC B-MISC
            and CC O O O
            Acme NNP B-NP B-ORG B-ORG
            Corp NNP I-NP O I-ORG

            went VBD B-VP O O
            Rome NNP B-NP O B-LOC
            """;
        var score = ConllEvaluation.ScoreConllevalFile(new StringReader(file));
        Assert.Equal(3, score.Overall.Gold);
        Assert.Equal(4, score.Overall.Predicted);
        Assert.Equal(1, score.Overall.Correct);
        Assert.Equal(0.25, score.Overall.Precision, 10);
        Assert.Equal(1.0 / 3, score.Overall.Recall, 10);
        Assert.Equal(2 * 0.25 * (1.0 / 3) / (0.25 + 1.0 / 3), score.Overall.F1, 10);
        Assert.Equal(new TypeScore(1, 1, 1), score.PerType["PER"]);
        Assert.Equal(new TypeScore(1, 1, 0), score.PerType["LOC"]);
        Assert.Equal(new TypeScore(0, 1, 0), score.PerType["MISC"]);
        Assert.Equal(9, score.Tokens);
        Assert.Equal(6, score.CorrectTags);
    }

    [Fact]
    public void Iob1GoldAgainstIob2Predictions_ScoresByChunksNotTags()
    {
        var score = ConllEvaluation.Score([(["I-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"])]);
        Assert.Equal(1.0, score.Overall.F1);
        Assert.Equal(2, score.CorrectTags);
    }

    [Fact]
    public void Evaluate_RunsTheRecognizer_AndWritesConllevalInput()
    {
        const string conll = """
            -DOCSTART- -X- -X- O

            X NNP B-NP B-PER
            met VBD B-VP O
            Y NNP B-NP B-PER

            X NNP B-NP I-ORG
            """;
        var output = new StringWriter();
        var score = ConllEvaluation.Evaluate(new StringReader(conll.Replace("\r", "")), MarksX, output);
        Assert.Equal(3, score.Overall.Gold);
        Assert.Equal(2, score.Overall.Predicted);
        Assert.Equal(1, score.Overall.Correct);
        Assert.Equal(0.5, score.Overall.Precision, 10);
        Assert.Equal(1.0 / 3, score.Overall.Recall, 10);
        Assert.Equal(0.4, score.Overall.F1, 10);
        Assert.Equal(new TypeScore(1, 0, 0), score.PerType["ORG"]);
        var lines = output.ToString().Replace("\r", "").Split('\n');
        Assert.Equal("-DOCSTART- -X- -X- O O", lines[0]);
        Assert.Equal("X NNP B-NP B-PER B-PER", lines[2]);
        Assert.Equal("Y NNP B-NP B-PER O", lines[4]);
        Assert.Equal("X NNP B-NP I-ORG B-PER", lines[6]);
        // What was written scores the same when read back.
        Assert.Equal(score.Overall, ConllEvaluation.ScoreConllevalFile(new StringReader(output.ToString())).Overall);
    }

    [Fact]
    public void TwoColumnFiles_AreRead() =>
        Assert.Equal(1, ConllEvaluation.Evaluate(new StringReader("X B-PER\nsaid O\n"), MarksX).Overall.Correct);

    [Fact]
    public void Report_EndsWithMetricLine() =>
        Assert.StartsWith("precision=0.5000 recall=1.0000 f1=0.6667",
            ConllEvaluation.Score([(["B-PER", "O"], ["B-PER", "B-LOC"])]).ToReport().Split('\n')[^1]);
}
