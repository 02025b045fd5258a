using System.CommandLine;
using Sitrep.Pipeline;
using Sitrep.Pipeline.Evaluation;

namespace Sitrep.Cli;

/// <summary><c>sitrep eval STAGE ...</c>: accuracy on a benchmark file in its published format.</summary>
internal static class EvalCommands
{
    public static Command Eval(CliIo io)
    {
        var eval = new Command("eval", "Accuracy of a stage on a benchmark in its published format; the last line is metric=value ...");
        eval.Subcommands.Add(Build(io, "text", "ScrapingHub article extraction (token 4-gram shingle F1)",
            [("--truth", "ground-truth.json of the benchmark"), ("--html", "folder of the benchmark's HTML pages (.html or .html.gz)")],
            v => Evaluations.Text(v[0]!, v[1]!)));
        eval.Subcommands.Add(Build(io, "ner", "Entity-level NER precision/recall/F1 (conlleval rules) on a CoNLL file",
            [("--conll", "CoNLL-format file (token ... tag per line)"), ("--predictions", "optional: write predictions in conlleval input format here")],
            v => Evaluations.Ner(v[0]!, v[1]), required: 1));
        eval.Subcommands.Add(Build(io, "time", "TIMEX3 value accuracy and strict/relaxed F1 on TimeML files",
            [("--timeml", "folder of TimeML .tml files")], v => Evaluations.Time(v[0]!)));
        eval.Subcommands.Add(Build(io, "places", "Toponym resolution accuracy@161 km on LGL/GeoWebNews-format XML",
            [("--corpus", "corpus XML file")], v => Evaluations.Places(v[0]!)));
        eval.Subcommands.Add(Build(io, "events", "ACLED sub-type weighted F1 on CASE-2021 task 2 snippets",
            [("--case2021", "CASE-2021 task 2 TSV (id, EventSnippet, SubType)")], v => Evaluations.Events(v[0]!, SitrepEngine.Default)));
        eval.Subcommands.Add(Build(io, "incidents", "Agreement with Airwars incident pages: grade, civilian casualties, date, place, belligerent",
            [("--airwars", "folder with airwars_incidence.csv and html/ID.html.gz")], v => Evaluations.Incidents(v[0]!, SitrepEngine.Default)));
        eval.Subcommands.Add(Build(io, "quotes", "Quote speaker attribution F1 on a PolNeAR split folder",
            [("--polnear", "PolNeAR split folder with text/ and attributions/")], v => Evaluations.Quotes(v[0]!, SitrepEngine.Default)));
        return eval;
    }

    private static Command Build(CliIo io, string name, string description, (string Name, string Help)[] options,
        Func<string?[], IEnumerable<string>> run, int? required = null)
        // Required options are checked to exist before run is called, hence the ! at the call sites.
    {
        var command = new Command(name, description);
        var opts = options.Select((o, i) => new Option<string?>(o.Name) { Description = o.Help, Required = i < (required ?? options.Length) }).ToArray();
        foreach (var o in opts) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var values = opts.Select(o => parse.GetValue(o)).ToArray();
            for (var i = 0; i < (required ?? opts.Length); i++)
                if (!File.Exists(values[i]) && !Directory.Exists(values[i]))
                    throw new UsageException($"{opts[i].Name} '{values[i]}' does not exist");
            foreach (var line in run(values)) io.Out.WriteLine(line);
            io.Out.Flush();
            return 0;
        });
        return command;
    }
}
