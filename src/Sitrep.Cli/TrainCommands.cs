using System.CommandLine;
using System.Diagnostics;
using Sitrep.Language;

namespace Sitrep.Cli;

/// <summary><c>sitrep train ner</c>: retrains the shipped NER model (data/models/ner.model) deterministically.</summary>
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
        foreach (var o in new Option[] { trainFile, devFile, outFile, epochs, bits }) ner.Options.Add(o);
        ner.SetAction(parse =>
        {
            var trainPath = parse.GetValue(trainFile)!;
            var devPath = parse.GetValue(devFile)!;
            foreach (var p in new[] { trainPath, devPath })
                if (!File.Exists(p)) throw new UsageException($"'{p}' does not exist");
            if (parse.GetValue(bits) is < 10 or > 26) throw new UsageException("--bits must be within 10..26");
            var clock = Stopwatch.StartNew();
            List<NerTrainer.LabeledDocument> trainSet, devSet;
            using (var r = File.OpenText(trainPath)) trainSet = NerTrainer.ReadConll(r);
            using (var r = File.OpenText(devPath)) devSet = NerTrainer.ReadConll(r);
            var features = new NerFeatures(parse.GetValue(bits), NerGazetteer.Default);
            var trainer = new NerTrainer(features) { Epochs = parse.GetValue(epochs), Log = io.Err };
            var model = trainer.Train(trainSet, devSet);
            using (var stream = File.Create(parse.GetValue(outFile)!)) model.Save(stream);
            io.Out.WriteLine(FormattableString.Invariant(
                $"trained on {trainSet.Sum(d => d.Sentences.Count)} sentences in {clock.Elapsed.TotalSeconds:F0} s; dev_f1={trainer.Score(model, devSet):F4}"));
            return 0;
        });
        train.Subcommands.Add(ner);
        return train;
    }
}
