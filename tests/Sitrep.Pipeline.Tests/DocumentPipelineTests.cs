using Sitrep.Core;

namespace Sitrep.Pipeline.Tests;

public class DocumentPipelineTests
{
    [Fact]
    public void Construction_RejectsStageThatReadsALayerNoEarlierStageWrites()
    {
        var places = new RecordingAnnotator("places", [Layers.Tokens], [Layers.Places]);
        var tokens = new RecordingAnnotator("tokens", [Layers.Text], [Layers.Tokens]);
        var ex = Assert.Throws<ArgumentException>(() => new DocumentPipeline(new PassThroughExtractor(), [places, tokens]));
        Assert.Contains("places", ex.Message);
        Assert.Contains("tokens", ex.Message);
        _ = new DocumentPipeline(new PassThroughExtractor(), [tokens, places]); // the right order is accepted
    }

    [Fact]
    public void Process_StageThatThrows_IsRecordedAndLaterStagesStillRun()
    {
        var pipeline = new DocumentPipeline(new PassThroughExtractor(),
        [
            new RecordingAnnotator("a", [], [Layers.Tokens], throws: true),
            new RecordingAnnotator("b", [Layers.Tokens], [Layers.Events]),
        ]);
        var outcome = pipeline.Process(Raw.Text("d1", "Jets struck."));
        Assert.Equal(DocumentStatus.Processed, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Contains("stage 'a' failed") && e.Contains("a broke"));
        Assert.Contains("ran b", outcome.Document!.Errors);
    }

    [Fact]
    public void Process_FailedRawDocument_IsReportedFailedWithItsReason()
    {
        var pipeline = new DocumentPipeline(new PassThroughExtractor(), []);
        var raw = new RawDocument("bad", "bad.txt.gz", ContentKind.Text, []) { Errors = ["truncated gzip stream"] };
        var outcome = pipeline.Process(raw);
        Assert.Equal(DocumentStatus.Failed, outcome.Status);
        Assert.Equal(["truncated gzip stream"], outcome.Errors);
    }

    [Fact]
    public void Process_ExtractorThatThrows_FailsTheDocumentWithReason()
    {
        var outcome = new DocumentPipeline(new PassThroughExtractor(), []).Process(Raw.Text("x", "EXPLODE"));
        Assert.Equal(DocumentStatus.Failed, outcome.Status);
        Assert.Contains("extractor broke", outcome.Errors.Single());
    }

    [Fact]
    public void PublishedDate_InputWinsOverPage_PageWinsOverDefault()
    {
        var pipeline = new DocumentPipeline(new PassThroughExtractor(), []);
        var fallback = new DateOnly(2000, 1, 1);
        var pageOnly = Raw.Text("p", "DATE:2018-08-31 Jets struck.") with { DefaultPublished = fallback };
        Assert.Equal(new DateOnly(2018, 8, 31), pipeline.Process(pageOnly).Document!.Meta.Published);
        Assert.Equal("page", pipeline.Process(pageOnly).Document!.Meta.PublishedSource);

        var inputToo = pageOnly with { Published = new DateOnly(2018, 9, 1) };
        Assert.Equal(new DateOnly(2018, 9, 1), pipeline.Process(inputToo).Document!.Meta.Published);

        var neither = Raw.Text("n", "Jets struck.") with { DefaultPublished = fallback };
        Assert.Equal(fallback, pipeline.Process(neither).Document!.Meta.Published);
        Assert.Null(pipeline.Process(Raw.Text("n", "Jets struck.")).Document!.Meta.Published);
    }

    [Fact]
    public void ContentHash_SameInputSameHash_SyndicatedCopyElsewhereDiffers()
    {
        var a = Raw.Text("a", "Same wire text.") with { Url = "https://one.example/a" };
        Assert.Equal(ContentHash.Of(a), ContentHash.Of(a with { Id = "renamed" }));
        Assert.NotEqual(ContentHash.Of(a), ContentHash.Of(a with { Url = "https://two.example/b" }));
    }

    [Fact]
    public void BatchRunner_KeepsInputOrder_AndPreCheckSettlesDocuments()
    {
        var pipeline = new DocumentPipeline(new PassThroughExtractor(), []);
        var raws = Enumerable.Range(0, 300).Select(i => Raw.Text($"d{i}", $"text {i}")).ToList();
        var outcomes = BatchRunner.Run(raws, pipeline.Process,
            raw => raw.Id.EndsWith('7') ? new ProcessedDocument(raw.Id, raw.Path, DocumentStatus.Skipped, null, []) : null,
            batchSize: 16, degreeOfParallelism: 4).ToList();
        Assert.Equal(raws.Select(r => r.Id), outcomes.Select(o => o.Id));
        Assert.Equal(30, outcomes.Count(o => o.Status == DocumentStatus.Skipped));
        var summary = new RunSummary();
        outcomes.ForEach(summary.Add);
        Assert.Equal("300 documents: 270 processed, 30 skipped, 0 failed; 0 events", summary.ToString());
    }
}
