using System.CommandLine;
using System.Diagnostics;
using Sitrep.Core;
using Sitrep.EventCoding;
using Sitrep.Language;
using Sitrep.Pipeline;
using Sitrep.Pipeline.Evaluation;

namespace Sitrep.Cli;

/// <summary>
/// <c>sitrep train ner</c>, <c>sitrep train events</c> and <c>sitrep train quotes</c>: retrain the shipped NER model
/// (data/models/ner.model), sub-type classifier (data/ontology/subtypes.model) and attribution model
/// (data/models/attribution.model) deterministically.
/// </summary>
internal static class TrainCommands
{
    /// <summary>The <c>train</c> verb with its <c>ner</c> subcommand.</summary>
    public static Command Train(CliIo io)
    {
        var train = new Command("train", "Retrain a model shipped in data/models from benchmark files");
        var ner = new Command("ner", "Averaged structured perceptron NER on CoNLL-2003-format files (fixed seed, deterministic)");
        var trainFile = new Option<string>("--train") { Description = "CoNLL training file (word ... IOB2 tag)", Required = true };
        var devFile = new Option<string>("--dev") { Description = "CoNLL dev file; the epoch with the best dev F1 is kept", Required = true };
        var outFile = new Option<string>("--out") { Description = "model file to write (data/models/ner.model)", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "epochs to run at most", DefaultValueFactory = _ => 20 };
        var bits = new Option<int>("--bits") { Description = "log2 of the number of hashed feature buckets", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "seed of the training-order shuffle", DefaultValueFactory = _ => 20030601 };
        var seeds = new Option<string?>("--seeds")
        {
            Description = "comma-separated shuffle seeds (instead of --seed): one model is trained per seed and their weights averaged (parameter mixing); for --stacked, each stage and each fold's model",
        };
        var stacked = new Option<bool>("--stacked") { Description = "add a second-stage tagger over the first stage's predictions for the whole document, trained on jackknifed predictions" };
        var folds = new Option<int>("--folds") { Description = "jackknife folds for --stacked (document i in fold i mod K)", DefaultValueFactory = _ => 10 };
        var stackedFeatures = new Option<string>("--stacked-features")
        {
            Description = "second-stage feature groups joined by '+' (local, word, longer, run, first, all); several variants separated by ',' are each trained and scored on dev, the first is written",
            DefaultValueFactory = _ => StackedDefault,
        };
        var denseWindow = new Option<int>("--dense-window")
        {
            Description = "dense word-embedding features of the words within this distance of the token (0: the word itself, as shipped); -1 for none",
            DefaultValueFactory = _ => 0,
        };
        var denseWords = new Option<int>("--dense-words") { Description = "use the vectors of this many most frequent words of the table", DefaultValueFactory = _ => 150000 };
        var denseScale = new Option<float>("--dense-scale") { Description = "factor on the vectors' values (the table has SD 1)", DefaultValueFactory = _ => 0.1f };
        var denseCaps = new Option<int>("--dense-caps-without")
        {
            Description = "a word in capitals outside a headline gets no vector when it is among this many most frequent words of the table",
            DefaultValueFactory = _ => 100,
        };
        var denseSecond = new Option<bool>("--dense-second-stage") { Description = "with --stacked, give the second stage dense features too (the shipped model gives them to the first stage only)" };
        foreach (var o in new Option[] { trainFile, devFile, outFile, epochs, bits, seed, seeds, stacked, folds, stackedFeatures, denseWindow, denseWords, denseScale, denseCaps, denseSecond })
            ner.Options.Add(o);
        ner.SetAction(parse =>
        {
            var trainPath = parse.GetValue(trainFile)!;
            var devPath = parse.GetValue(devFile)!;
            foreach (var p in new[] { trainPath, devPath })
                if (!File.Exists(p)) throw new UsageException($"'{p}' does not exist");
            if (parse.GetValue(bits) is < 10 or > 26) throw new UsageException("--bits must be within 10..26");
            if (parse.GetValue(folds) is < 2 or > 50) throw new UsageException("--folds must be within 2..50");
            if (parse.GetValue(denseWindow) is < -1 or > 2) throw new UsageException("--dense-window must be within -1..2");
            if (parse.GetValue(denseWords) < 1 || parse.GetValue(denseCaps) < 0 || !(parse.GetValue(denseScale) > 0))
                throw new UsageException("--dense-words and --dense-scale must be positive, --dense-caps-without not negative");
            var dense = parse.GetValue(denseWindow) < 0 ? null
                : new NerDenseSettings(parse.GetValue(denseWindow), parse.GetValue(denseWords), parse.GetValue(denseCaps), parse.GetValue(denseScale));
            // Checked before the data is read: a misspelt group should not cost a load.
            var variants = parse.GetValue(stacked) ? parse.GetValue(stackedFeatures)!.Split(',').Select(ParseGroups).ToList() : null;
            var seedList = ParseSeeds(parse.GetValue(seeds), parse.GetValue(seed), parse.GetResult(seed) is { Implicit: false });
            var clock = Stopwatch.StartNew();
            List<NerTrainer.LabeledDocument> trainSet, devSet;
            using (var r = File.OpenText(trainPath)) trainSet = NerTrainer.ReadConll(r);
            using (var r = File.OpenText(devPath)) devSet = NerTrainer.ReadConll(r);
            var features = NerFeatures.CreateDefault(parse.GetValue(bits));
            var trainer = new NerTrainer(features)
            {
                Epochs = parse.GetValue(epochs), Seeds = seedList, Log = io.Err, Dense = dense, DenseInSecondStage = parse.GetValue(denseSecond),
            };
            NerModel model;
            if (variants is not null)
            {
                var results = trainer.TrainStacked(trainSet, devSet, parse.GetValue(folds), variants);
                foreach (var r in results)
                    io.Err.WriteLine(FormattableString.Invariant($"stacked {r.Groups}: dev F1 {100 * r.DevF1:F2} (epoch {string.Join(",", r.Epochs)})"));
                model = results[0].Model;
            }
            else model = trainer.Train(trainSet, devSet);
            using (var stream = File.Create(parse.GetValue(outFile)!)) model.Save(stream);
            io.Out.WriteLine(FormattableString.Invariant(
                $"trained on {trainSet.Sum(d => d.Sentences.Count)} sentences in {clock.Elapsed.TotalSeconds:F0} s; dev_f1={trainer.Score(model, devSet):F4}"));
            return 0;
        });
        train.Subcommands.Add(ner);
        train.Subcommands.Add(Events(io));
        train.Subcommands.Add(Quotes(io));
        return train;
    }

    /// <summary>The second-stage feature groups <c>sitrep train ner --stacked</c> uses unless told otherwise.</summary>
    private const string StackedDefault = "all";

    /// <summary>The shuffle seeds: <paramref name="list"/> ("20030601,7,1,2") when given, else the one <paramref name="seed"/>.</summary>
    private static int[] ParseSeeds(string? list, int seed, bool seedGiven)
    {
        if (list is null) return [seed];
        if (seedGiven) throw new UsageException("give --seed or --seeds, not both");
        var parts = list.Split(',', StringSplitOptions.TrimEntries);
        var result = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out result[i]))
                throw new UsageException($"--seeds: '{parts[i]}' is not a whole number (expected e.g. 20030601,7,1,2)");
        if (result.Distinct().Count() != result.Length) throw new UsageException("--seeds: a seed is repeated (each would train the same model)");
        return result;
    }

    /// <summary>Feature groups from names joined by '+' ("local+word").</summary>
    private static NerStacking.Groups ParseGroups(string text)
    {
        var groups = NerStacking.Groups.None;
        foreach (var name in text.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!char.IsLetter(name[0]) || !Enum.TryParse<NerStacking.Groups>(name, ignoreCase: true, out var g) || g == NerStacking.Groups.None)
                throw new UsageException($"--stacked-features: unknown group '{name}' (local, word, longer, run, first, all)");
            groups |= g;
        }
        if (groups == NerStacking.Groups.None) throw new UsageException("--stacked-features: a variant names no group");
        return groups;
    }

    private static Command Quotes(CliIo io)
    {
        var quotes = new Command("quotes", "Attribution model (cue tagger + source ranker) on PolNeAR train (deterministic)");
        var polnear = new Option<string>("--polnear") { Description = "PolNeAR folder with train/ (or a split folder with text/ and attributions/)", Required = true };
        var outFile = new Option<string>("--out") { Description = "model file to write (data/models/attribution.model)", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "epochs to run at most; the best on the held-out articles is kept", DefaultValueFactory = _ => 6 };
        var bits = new Option<int>("--bits") { Description = "log2 of the number of hashed feature buckets per table", DefaultValueFactory = _ => 19 };
        foreach (var o in new Option[] { polnear, outFile, epochs, bits }) quotes.Options.Add(o);
        quotes.SetAction(parse =>
        {
            var root = parse.GetValue(polnear)!;
            var split = Directory.Exists(Path.Combine(root, "train")) ? Path.Combine(root, "train") : root;
            if (!Directory.Exists(Path.Combine(split, "text")) || !Directory.Exists(Path.Combine(split, "attributions")))
                throw new UsageException($"'{root}' has neither train/ nor text/ and attributions/");
            if (parse.GetValue(epochs) is < 1 or > 100) throw new UsageException("--epochs must be within 1..100");
            if (parse.GetValue(bits) is < 10 or > 26) throw new UsageException("--bits must be within 10..26");
            var clock = Stopwatch.StartNew();
            AttributionTrainingResult result;
            try
            {
                result = AttributionTraining.Run(split, parse.GetValue(epochs), parse.GetValue(bits), io.Err);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
            using (var stream = File.Create(parse.GetValue(outFile)!)) result.Model.Save(stream);
            io.Out.WriteLine(FormattableString.Invariant(
                $"trained on {result.TrainArticles} articles, epoch {result.Epoch}, cue threshold {result.Model.CueThreshold}, in {clock.Elapsed.TotalSeconds:F0} s; heldout {QuoteAttributionEvaluation.Report(result.HeldOut)}"));
            return 0;
        });
        return quotes;
    }

    private static Command Events(CliIo io)
    {
        var events = new Command("events", "Averaged perceptron sub-type classifier on data/ontology/subtypes.tsv (deterministic)");
        var dataFile = new Option<string>("--data") { Description = "snippet TSV (id, sub_event_type, split, snippet)", Required = true };
        var outFile = new Option<string>("--out") { Description = "model file to write (data/ontology/subtypes.model)", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "passes over the training rows", DefaultValueFactory = _ => 12 };
        var all = new Option<bool>("--all") { Description = "after scoring on the dev split, train the saved model on every row" };
        var extraDev = new Option<string?>("--dev") { Description = "a second held-out TSV of the same format, also scored (e.g. data/ontology/subtypes-freeform.tsv)" };
        var verbose = new Option<bool>("--per-label") { Description = "print dev precision and recall per sub-type to stderr" };
        foreach (var o in new Option[] { dataFile, outFile, epochs, all, extraDev, verbose }) events.Options.Add(o);
        events.SetAction(parse =>
        {
            var path = parse.GetValue(dataFile)!;
            if (!File.Exists(path)) throw new UsageException($"'{path}' does not exist");
            if (parse.GetValue(epochs) is < 1 or > 100) throw new UsageException("--epochs must be within 1..100");
            var clock = Stopwatch.StartNew();
            List<SubTypeSnippet> rows;
            using (var r = File.OpenText(path)) rows = SubTypeCorpus.Read(r, path);
            var extraPath = parse.GetValue(extraDev);
            if (extraPath is not null && !File.Exists(extraPath)) throw new UsageException($"'{extraPath}' does not exist");
            List<SubTypeSnippet> extra = [];
            if (extraPath is not null) using (var r = File.OpenText(extraPath)) extra = SubTypeCorpus.Read(r, extraPath);
            var engine = SitrepEngine.Default;
            var extraDocs = extra.Select(row => engine.AnnotatedText(row.Text)).ToList();
            var docs = rows.Select(row => engine.AnnotatedText(row.Text)).ToList();
            var features = docs.Select(d => engine.EventCoder.SubTypeFeaturesOf(d)).ToList();
            SubTypeModel Fit(Func<int, bool> take) => SubTypeTrainer.Train(
                [.. Enumerable.Range(0, rows.Count).Where(take).Select(i => new SubTypeExample(features[i], rows[i].SubType))],
                parse.GetValue(epochs));
            var model = Fit(i => !rows[i].IsDev);
            var scorer = new EventAnnotator(EventOntology.LoadDefault(), subTypeModel: model);
            foreach (var strategy in Enum.GetValues<SubTypeStrategy>())
            {
                var pairs = Enumerable.Range(0, rows.Count).Where(i => rows[i].IsDev)
                    .Select(i => (Case2021.CodeOf[rows[i].SubType], Code(scorer.ClassifySubType(docs[i], strategy)))).ToList();
                var score = Case2021.Score(pairs);
                if (parse.GetValue(verbose))
                    foreach (var l in score.Labels)
                        io.Err.WriteLine(FormattableString.Invariant($"  {strategy} {l.Label,-30} p={l.Precision:0.00} r={l.Recall:0.00} n={l.Support}"));
                io.Out.WriteLine($"dev {strategy}: {score.MetricLine()}");
                if (extra.Count == 0) continue;
                var extraPairs = extra.Select((row, i) => (Case2021.CodeOf[row.SubType], Code(scorer.ClassifySubType(extraDocs[i], strategy)))).ToList();
                io.Out.WriteLine($"{extraPath} {strategy}: {Case2021.Score(extraPairs).MetricLine()}");
            }
            if (parse.GetValue(all)) model = Fit(_ => true);
            using (var stream = File.Create(parse.GetValue(outFile)!)) model.Save(stream);
            io.Out.WriteLine(FormattableString.Invariant(
                $"trained on {(parse.GetValue(all) ? rows.Count : rows.Count(r => !r.IsDev))} snippets ({model.FeatureCount} features) in {clock.Elapsed.TotalSeconds:F0} s"));
            return 0;
        });
        return events;
    }

    private static string Code(string? subType) =>
        subType is not null && Case2021.CodeOf.TryGetValue(subType, out var code) ? code : Case2021.NoLabel;
}
