using System.CommandLine;
using Sitrep.Pipeline;

namespace Sitrep.Cli;

/// <summary>Verbs that read documents and write JSONL without a store: <c>extract</c> and <c>text</c>.</summary>
internal static class DocumentCommands
{
    internal static Argument<string[]> InputsArgument() => new("inputs")
    {
        Description = "Files (.txt .html .htm .jsonl .warc, optionally .gz), directories (read recursively), or - for stdin",
        Arity = ArgumentArity.OneOrMore,
    };

    internal static Option<string?> PublishedOption() => new("--published")
    {
        Description = "Publication date (YYYY-MM-DD) for inputs that carry none and state none in their text",
    };

    public static Command Extract(CliIo io) => Build(io, "extract",
        "Full pipeline without storage: one JSON object per document on stdout (JSONL), in input order",
        (outcome, lines) => lines.Write(w => ContractJson.WriteExtractLine(w, outcome)), annotate: true);

    public static Command Text(CliIo io) => Build(io, "text",
        "Article text and metadata only (no language processing): JSONL with id, path, url, title, published, source, text",
        (outcome, lines) => lines.Write(w => ContractJson.WriteTextLine(w, outcome)), annotate: false);

    private static Command Build(CliIo io, string name, string description,
        Action<ProcessedDocument, JsonLines> write, bool annotate)
    {
        var inputs = InputsArgument();
        var published = PublishedOption();
        var command = new Command(name, description) { inputs, published };
        command.SetAction(parse =>
        {
            var defaultPublished = SitrepCommand.ParseDate(parse.GetValue(published), "--published");
            var engine = SitrepEngine.Default;
            var raws = engine.Read(parse.GetValue(inputs)!, defaultPublished, io.OpenStdin);
            var summary = new RunSummary();
            io.Out.Flush();
            var lines = io.OpenStdout is { } open ? new JsonLines(open()) : new JsonLines(io.Out);
            Func<Sitrep.Core.RawDocument, ProcessedDocument> step = annotate ? engine.Pipeline.Process : engine.TextOnly.ExtractText;
            foreach (var outcome in BatchRunner.Run(raws, step))
            {
                summary.Add(outcome);
                write(outcome, lines);
                ReportProblems(io, outcome);
            }
            io.Out.Flush();
            io.Err.WriteLine($"{name}: {summary}");
            return summary.Failed > 0 ? SitrepCommand.InputsFailed : 0;
        });
        return command;
    }

    /// <summary>Names the document and the reason for every failure or per-document error, on stderr.</summary>
    internal static void ReportProblems(CliIo io, ProcessedDocument outcome)
    {
        if (outcome.Errors.Count == 0) return;
        var label = outcome.Status == DocumentStatus.Failed ? "failed" : "warning";
        foreach (var e in outcome.Errors) io.Err.WriteLine($"{outcome.Path}: {label}: {e}");
    }
}
