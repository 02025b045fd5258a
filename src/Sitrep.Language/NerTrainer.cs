namespace Sitrep.Language;

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged structured perceptron (Collins 2002): decode each training sentence
/// with Viterbi, move weights toward the gold tags and away from the predicted ones, and return the average of the
/// weights over all steps. Sentences are visited in an order shuffled with a fixed seed, so a run is deterministic.
/// After each epoch the averaged model is scored on the dev sentences; the best epoch is kept. <see cref="TrainStacked"/>
/// adds a second stage trained on jackknifed first-stage predictions. With several <see cref="Seeds"/> each model is
/// trained once per seed and the models' weights are averaged (<see cref="NerModel.Average"/>, parameter mixing).
/// </summary>
public sealed class NerTrainer(NerFeatures features)
{
    /// <summary>One sentence of tokens with IOB2 gold tags.</summary>
    public sealed record LabeledSentence(string[] Words, string[] Tags);

    /// <summary>The sentences of one document (between -DOCSTART- lines), in order.</summary>
    public sealed record LabeledDocument(IReadOnlyList<LabeledSentence> Sentences);

    /// <summary>Epochs to run at most.</summary>
    public int Epochs { get; init; } = 20;
    /// <summary>Seed of the shuffle: shorthand for <see cref="Seeds"/> holding this one seed.</summary>
    public int Seed { get => Seeds[0]; init => Seeds = [value]; }
    /// <summary>
    /// Seeds of the shuffle. One seed trains one model; several train one per seed, each with its epoch chosen on dev,
    /// and return the average of their weights.
    /// </summary>
    public IReadOnlyList<int> Seeds
    {
        get => _seeds;
        init => _seeds = value.Count > 0 ? [.. value] : throw new ArgumentException("LANG018: training needs at least one seed.", nameof(value));
    }
    private readonly int[] _seeds = [20030601];
    /// <summary>Progress lines (epoch, mistakes, dev F1).</summary>
    public TextWriter? Log { get; init; }
    /// <summary>Dense word-embedding features (<see cref="NerDense"/>) over the features' word vectors, or null for none.</summary>
    public NerDenseSettings? Dense { get; init; }
    /// <summary>
    /// Whether a stacked tagger's second stage also gets the dense features (when <see cref="Dense"/> is set); off by
    /// default: on dev it made no difference (4-seed means 94.26 with, 94.28 without) and costs tagging time.
    /// </summary>
    public bool DenseInSecondStage { get; init; }

    /// <summary>A zero dense block of the settings over the features' vectors (its word count capped at the table's), or null.</summary>
    private NerDense? DenseTemplate(bool use)
    {
        if (!use || Dense is null) return null;
        var table = features.Embeddings;
        if (table.Dims == 0) throw new InvalidOperationException("LANG019: dense features were asked for, but the features have no word vectors.");
        return new NerDense(Dense with { Words = Math.Min(Dense.Words, table.Count) }, table.Dims);
    }

    /// <summary>A document ready for tagging: joined text, token offsets, sentence starts and gold tag indexes.</summary>
    private sealed record Encoded(string Text, int[] Starts, int[] Ends, int[] SentenceStarts, int[] Gold);

    /// <summary>
    /// Trains on <paramref name="train"/>, choosing the epoch by entity F1 on <paramref name="dev"/>: one model per seed,
    /// averaged when there are several.
    /// </summary>
    public NerModel Train(IReadOnlyList<LabeledDocument> train, IReadOnlyList<LabeledDocument> dev)
    {
        var data = train.Select(Encode).Where(d => d.Gold.Length > 0).ToArray();
        var scoreDev = dev.Count == 0 ? null : (Func<NerModel, double>)(m => Score(m, dev));
        var runs = _seeds.Select(seed => TrainOne(data, scoreDev, seed)).ToArray();
        BestEpochs = runs.Select(r => r.Epoch).ToArray();
        if (runs.Length == 1) return runs[0].Model;
        var models = runs.Select(r => r.Model).ToArray();
        if (Log is not null && scoreDev is not null) LogMixing(models, runs.Select(r => r.F1).ToArray(), scoreDev);
        return NerModel.Average(models);
    }

    /// <summary>
    /// Logs each seed's dev F1 and that of the average of each disjoint block of 2, 4, 8... consecutive seeds, so one run
    /// shows how the number of seeds matters and how much one average varies.
    /// </summary>
    private void LogMixing(NerModel[] models, double[] f1, Func<NerModel, double> score)
    {
        var seeds = _seeds;
        Log!.WriteLine("seeds: " + string.Join(" ", seeds.Select((s, i) => FormattableString.Invariant($"{s}={100 * f1[i]:F2}"))) +
            FormattableString.Invariant($"; mean {100 * f1.Average():F2}"));
        for (var size = 2; size <= models.Length; size *= 2)
            for (var at = 0; at + size <= models.Length; at += size)
            {
                var block = models.AsSpan(at, size).ToArray();
                Log.WriteLine(FormattableString.Invariant(
                    $"average of seeds {string.Join(",", seeds.AsSpan(at, size).ToArray())}: dev F1 {100 * score(NerModel.Average(block)):F2}; their single mean {100 * f1.AsSpan(at, size).ToArray().Average():F2}"));
            }
    }

    /// <summary>One model trained with one seed, its dev F1 and the epoch chosen on dev.</summary>
    private (NerModel Model, double F1, int Epoch) TrainOne(Encoded[] data, Func<NerModel, double>? scoreDev, int seed)
    {
        var scratch = new NerFeatures.Scratch();
        var memory = new NerMemory();
        int TrainDocument(Perceptron perceptron, int index)
        {
            var d = data[index];
            var mistakes = 0;
            // Documents are read in order so the memory holds what this model predicted earlier, as at run time.
            memory.Reset(d.Text, d.Starts, d.Ends, d.SentenceStarts, d.Gold.Length);
            for (var si = 0; si < d.SentenceStarts.Length; si++)
            {
                var first = d.SentenceStarts[si];
                var end = si + 1 < d.SentenceStarts.Length ? d.SentenceStarts[si + 1] : d.Gold.Length;
                var n = end - first;
                features.Extract(d.Text, d.Starts, d.Ends, first, end, scratch, memory);
                mistakes += perceptron.Step(scratch.Ids, scratch.Offsets, d.Gold.AsSpan(first, n), NerFeatures.EmbeddingCodes(scratch, n));
                memory.Record(NerFeatures.LowerHashes(scratch, n), NerFeatures.CapClasses(scratch, n), perceptron.Predicted(n));
            }
            return mistakes;
        }
        return RunEpochs(data.Length, TrainDocument, scoreDev, seed, _seeds.Length == 1 ? "" : $"seed {seed} ", DenseTemplate(true));
    }

    /// <summary>
    /// The perceptron loop both stages share: each epoch visits the documents in an order shuffled with the seed and
    /// <paramref name="trainDocument"/> steps through one of them (returning its wrong tags); then the averaged model
    /// is scored with <paramref name="score"/> and the best epoch kept. Without a score only the last epoch's model is
    /// made, and kept.
    /// </summary>
    private (NerModel Model, double F1, int Epoch) RunEpochs(int documents, Func<Perceptron, int, int> trainDocument,
        Func<NerModel, double>? score, int seed, string label, NerDense? dense)
    {
        var perceptron = new Perceptron(features.Bits, dense, features.Embeddings);
        var order = Enumerable.Range(0, documents).ToArray();
        var random = new Random(seed);
        NerModel? best = null;
        var bestF1 = -1.0;
        var bestEpoch = 0;
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            random.Shuffle(order);
            var mistakes = 0;
            foreach (var index in order) mistakes += trainDocument(perceptron, index);
            if (score is null && epoch < Epochs) continue;
            var model = perceptron.Average();
            var f1 = score?.Invoke(model) ?? 0;
            Log?.WriteLine($"{label}epoch {epoch}: {mistakes} token mistakes; dev F1 {100 * f1:F2}");
            if (f1 > bestF1 || score is null) { bestF1 = f1; best = model; bestEpoch = epoch; }
        }
        return (best ?? perceptron.Average(), bestF1, bestEpoch);
    }

    /// <summary>For each seed, the epoch whose model the last <see cref="Train"/> returned (or averaged).</summary>
    public IReadOnlyList<int> BestEpochs { get; private set; } = [];

    /// <summary>
    /// The weights being learnt and the sums that give their average over all steps (the average is w - u / c, where u
    /// sums c times each change and c counts the steps). The dense block's weights, when there is one, are real-valued
    /// and averaged the same way.
    /// </summary>
    private sealed class Perceptron(int bits, NerDense? dense, NerWordEmbeddings embeddings)
    {
        private readonly float[] _dw = dense is null ? [] : new float[dense.Weights.Length], _du = dense is null ? [] : new float[dense.Weights.Length];
        private readonly float[] _vector = dense?.NewVector() ?? [];
        private float[] _initial = new float[16 * NerModel.TagCount];
        private const int T = NerModel.TagCount;
        private readonly float[] _w = new float[(1 << bits) * T], _u = new float[(1 << bits) * T];
        private readonly float[] _tw = new float[(T + 1) * T], _tu = new float[(T + 1) * T];
        private float _c = 1;
        private int[] _predicted = new int[16];
        private float[] _work = new float[2 * 16 * T];

        /// <summary>
        /// One step on a sentence of <paramref name="gold"/>.Length tokens: decodes with the current weights and, where a
        /// tag (or the tag pair before it) is wrong, moves the weights toward the gold tags. Returns the number of wrong tags.
        /// </summary>
        public int Step(ReadOnlySpan<int> ids, ReadOnlySpan<int> offsets, ReadOnlySpan<int> gold, ReadOnlySpan<int> codes)
        {
            var n = gold.Length;
            if (_predicted.Length < n) { _predicted = new int[2 * n]; _work = new float[4 * n * T]; _initial = new float[2 * n * T]; }
            ReadOnlySpan<float> initial = [];
            if (dense is not null)
            {
                var scores = _initial.AsSpan(0, n * T);
                scores.Clear();
                dense.AddScores(_dw, embeddings, codes, n, scores, _vector);
                initial = scores;
            }
            NerModel.Decode(_w, _tw, ids, offsets, n, _predicted, _work, initial);
            var mistakes = 0;
            for (var k = 0; k < n; k++)
            {
                var g = gold[k];
                var p = _predicted[k];
                var gPrev = k == 0 ? T : gold[k - 1];
                var pPrev = k == 0 ? T : _predicted[k - 1];
                if (g != p)
                {
                    mistakes++;
                    for (var f = offsets[k]; f < offsets[k + 1]; f++)
                    {
                        var b = ids[f] * T;
                        _w[b + g] += 1; _u[b + g] += _c;
                        _w[b + p] -= 1; _u[b + p] -= _c;
                    }
                    dense?.Update(_dw, _du, _c, embeddings, codes, k, n, g, p, _vector);
                }
                if (g != p || gPrev != pPrev)
                {
                    _tw[gPrev * T + g] += 1; _tu[gPrev * T + g] += _c;
                    _tw[pPrev * T + p] -= 1; _tu[pPrev * T + p] -= _c;
                }
            }
            _c++;
            return mistakes;
        }

        /// <summary>The tags the last <see cref="Step"/> decoded (before its update).</summary>
        public ReadOnlySpan<int> Predicted(int n) => _predicted.AsSpan(0, n);

        /// <summary>The model of the averaged weights.</summary>
        public NerModel Average() => new(bits, Average(_w, _u, _c, 1e-4f), Average(_tw, _tu, _c, 1e-4f),
            dense is null ? null : new NerDense(dense.Settings, dense.Dims, Average(_dw, _du, _c, 0)));

        private static float[] Average(float[] w, float[] u, float c, float floor)
        {
            var avg = new float[w.Length];
            for (var i = 0; i < w.Length; i++)
            {
                var v = w[i] - u[i] / c;
                // Tiny averages of the hashed weights are rounding left-overs; zero keeps the saved model sparse.
                avg[i] = Math.Abs(v) < floor ? 0 : v;
            }
            return avg;
        }
    }

    /// <summary>A trained stacked tagger: the second stage's feature groups, the model holding both stages, its dev F1 and the second stage's epoch per seed.</summary>
    public sealed record StackedResult(NerStacking.Groups Groups, NerModel Model, double DevF1, IReadOnlyList<int> Epochs);

    /// <summary>The first stage's reading of one document: its feature ids and tags, as the second stage sees them.</summary>
    private sealed record FirstPass(LabeledDocument Document, int[] Ids, int[] Offsets, int[] Tags, ulong[] Lower, byte[] Cap,
        int[] SentenceStarts, int[] Gold, int[] Codes);

    /// <summary>
    /// Trains a stacked tagger (Ratinov and Roth 2009) for each of <paramref name="variants"/>: the first stage is
    /// <see cref="Train"/> on all of <paramref name="train"/> (epoch chosen on dev). The second stage must learn from
    /// first-stage tags as wrong as they are on unseen text, so its training text is tagged by jackknifing: the
    /// documents are split into <paramref name="folds"/> folds by index (document i in fold i mod folds), and each
    /// fold is read by a first stage trained, with the same seed and the full model's epoch count, on the other folds.
    /// Dev is read by the full first stage, as at run time; the second stage's epoch is chosen on dev. With several
    /// <see cref="Seeds"/> every model is averaged over them: the first stage, each fold's model (the fold's models of
    /// every seed, each trained for its seed's epoch count), and the second stage, trained per seed on the averaged folds' predictions.
    /// </summary>
    public IReadOnlyList<StackedResult> TrainStacked(IReadOnlyList<LabeledDocument> train, IReadOnlyList<LabeledDocument> dev,
        int folds, IReadOnlyList<NerStacking.Groups> variants)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "LANG016: jackknifing needs at least 2 folds.");
        if (variants.Any(g => g == NerStacking.Groups.None || (g & ~NerStacking.Groups.All) != 0))
            throw new ArgumentException("LANG016: a stacked variant needs at least one known feature group.", nameof(variants));
        var first = Train(train, dev);
        var epochs = BestEpochs;
        Log?.WriteLine($"stage 1: epoch {string.Join(",", epochs)}; jackknifing {folds} folds at {string.Join(",", epochs)} epochs each");
        if (_seeds.Length > 1) Log?.WriteLine(FormattableString.Invariant($"stage 1 averaged over {_seeds.Length} seeds: dev F1 {100 * Score(first, dev):F2}"));
        var passes = new FirstPass?[train.Count];
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var others = train.Where((_, i) => i % folds != fold).ToList();
            var foldModel = NerModel.Average(_seeds.Select((seed, j) =>
                new NerTrainer(features) { Epochs = epochs[j], Seed = seed, Dense = Dense }.Train(others, [])).ToList());
            var tagger = new NerTagger(foldModel, features);
            for (var i = f; i < train.Count; i += folds) passes[i] = Read(tagger, foldModel, train[i]);
            Log?.WriteLine($"fold {f + 1}/{folds} read");
        }
        var devTagger = new NerTagger(first, features);
        var devPasses = dev.Select(d => Read(devTagger, first, d)).OfType<FirstPass>().ToArray();
        var trainPasses = passes.OfType<FirstPass>().ToArray();
        return variants.Select(g => TrainSecond(first, trainPasses, devPasses, g)).ToList();
    }

    /// <summary>The first pass of <paramref name="stage"/> over a document, copied out of the tagger (null when empty).</summary>
    private static FirstPass? Read(NerTagger tagger, NerModel stage, LabeledDocument doc)
    {
        var d = Encode(doc);
        var n = d.Gold.Length;
        if (n == 0) return null;
        tagger.Read(stage, d.Text, d.Starts, d.Ends, d.SentenceStarts, n);
        var offsets = tagger.FirstOffsets.ToArray();
        return new FirstPass(doc, tagger.FirstIds[..offsets[n]].ToArray(), offsets, tagger.FirstTags.ToArray(),
            tagger.LowerHashes.ToArray(), tagger.CapClasses.ToArray(), d.SentenceStarts, d.Gold, tagger.EmbeddingCodes.ToArray());
    }

    /// <summary>Each token's first-pass ids followed by its stacked features, as exact-size arrays.</summary>
    private (int[] Ids, int[] Offsets) Stack(NerStacking stacking, FirstPass pass, NerStacking.Groups groups)
    {
        int[] ids = [], offsets = [];
        stacking.Combine(features, groups, pass.Ids, pass.Offsets, pass.Tags, pass.Lower, pass.Cap, pass.SentenceStarts, ref ids, ref offsets);
        var n = pass.Tags.Length;
        return (ids[..offsets[n]], offsets[..(n + 1)]);
    }

    /// <summary>Trains the second stage of <paramref name="groups"/> on jackknifed first passes, epoch chosen on dev.</summary>
    private StackedResult TrainSecond(NerModel first, FirstPass[] train, FirstPass[] dev, NerStacking.Groups groups)
    {
        var stacking = new NerStacking();
        // The stacked features depend only on the first pass, so they are computed once, not at every epoch.
        var data = train.Select(p => Stack(stacking, p, groups)).ToArray();
        var devData = dev.Select(p => Stack(stacking, p, groups)).ToArray();
        int TrainDocument(Perceptron perceptron, int index)
        {
            var (ids, offsets) = data[index];
            var starts = train[index].SentenceStarts;
            var gold = train[index].Gold;
            var mistakes = 0;
            for (var si = 0; si < starts.Length; si++)
            {
                var n = (si + 1 < starts.Length ? starts[si + 1] : gold.Length) - starts[si];
                if (n > 0) mistakes += perceptron.Step(ids, offsets.AsSpan(starts[si], n + 1), gold.AsSpan(starts[si], n), train[index].Codes.AsSpan(starts[si], n));
            }
            return mistakes;
        }
        double ScoreDev(NerModel m) => ScoreSecond(m, features.Embeddings, dev, devData);
        var runs = _seeds.Select(seed => RunEpochs(data.Length, TrainDocument, ScoreDev, seed,
            _seeds.Length == 1 ? $"stage 2 [{groups}] " : $"stage 2 [{groups}] seed {seed} ", DenseTemplate(DenseInSecondStage))).ToArray();
        if (runs.Length == 1) return new StackedResult(groups, first.WithSecondStage(runs[0].Model, groups), runs[0].F1, [runs[0].Epoch]);
        var second = NerModel.Average(runs.Select(r => r.Model).ToList());
        var f1 = ScoreDev(second);
        Log?.WriteLine(FormattableString.Invariant(
            $"stage 2 [{groups}] per seed: {string.Join(" ", runs.Select(r => $"{100 * r.F1:F2}"))} (mean {100 * runs.Average(r => r.F1):F2}); averaged: {100 * f1:F2}"));
        return new StackedResult(groups, first.WithSecondStage(second, groups), f1, runs.Select(r => r.Epoch).ToList());
    }

    /// <summary>Entity F1 of a second stage decoding the stacked ids of dev's first passes.</summary>
    private static double ScoreSecond(NerModel second, NerWordEmbeddings embeddings, FirstPass[] dev, (int[] Ids, int[] Offsets)[] devData)
    {
        var dense = new float[16 * NerModel.TagCount];
        var vector = second.Dense?.NewVector() ?? [];
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        var tags = new int[16];
        var work = new float[2 * 16 * NerModel.TagCount];
        for (var i = 0; i < dev.Length; i++)
        {
            var starts = dev[i].SentenceStarts;
            var (ids, offsets) = devData[i];
            for (var si = 0; si < starts.Length; si++)
            {
                var sentence = dev[i].Document.Sentences[si];
                var n = sentence.Words.Length;
                if (tags.Length < n) { tags = new int[2 * n]; work = new float[4 * n * NerModel.TagCount]; dense = new float[2 * n * NerModel.TagCount]; }
                ReadOnlySpan<float> initial = [];
                if (second.Dense is { } d)
                {
                    var scores = dense.AsSpan(0, n * NerModel.TagCount);
                    scores.Clear();
                    d.AddScores(d.Weights, embeddings, dev[i].Codes.AsSpan(starts[si], n), n, scores, vector);
                    initial = scores;
                }
                second.Decode(ids, offsets.AsSpan(starts[si], n + 1), n, tags, work, initial);
                pairs.Add((sentence.Tags, tags.AsSpan(0, n).ToArray().Select(t => NerModel.Tags[t]).ToArray()));
            }
        }
        return ConllEvaluation.Score(pairs).Overall.F1;
    }

    /// <summary>Entity-level F1 (conlleval rules) of <paramref name="model"/> on <paramref name="documents"/>.</summary>
    public double Score(NerModel model, IReadOnlyList<LabeledDocument> documents)
    {
        var tagger = new NerTagger(model, features);
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var doc in documents)
        {
            var tags = tagger.TagDocument(doc.Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList());
            for (var k = 0; k < tags.Count; k++) pairs.Add((doc.Sentences[k].Tags, tags[k]));
        }
        return ConllEvaluation.Score(pairs).Overall.F1;
    }

    private static Encoded Encode(LabeledDocument doc)
    {
        var (text, starts, ends, sentenceStarts) = NerTagger.Join(doc.Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList());
        var gold = new int[starts.Length];
        var k = 0;
        foreach (var s in doc.Sentences)
            for (var j = 0; j < s.Tags.Length; j++, k++)
            {
                gold[k] = Array.IndexOf(NerModel.Tags, s.Tags[j]);
                if (gold[k] < 0) throw new FormatException($"LANG015: unknown NER tag '{s.Tags[j]}' (expected IOB2 PER/ORG/LOC/MISC).");
                // IOB1 leftovers (I-X opening a chunk) become B-X so the gold sequence is one the decoder can produce.
                if (gold[k] >= 2 && gold[k] % 2 == 0 && !NerModel.Allowed(j == 0 ? NerModel.TagCount : gold[k - 1], gold[k])) gold[k]--;
            }
        return new Encoded(text, starts, ends, sentenceStarts, gold);
    }

    /// <summary>Reads the documents of a CoNLL file (word first column, IOB tag last; -DOCSTART- starts a document).</summary>
    public static List<LabeledDocument> ReadConll(TextReader reader)
    {
        var result = new List<LabeledDocument>();
        var sentences = new List<LabeledSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        while (true)
        {
            var line = reader.ReadLine();
            var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (line is null || fields!.Length == 0 || fields[0] == "-DOCSTART-")
            {
                if (words.Count > 0) sentences.Add(new LabeledSentence([.. words], [.. tags]));
                words.Clear();
                tags.Clear();
                if ((line is null || (fields!.Length > 0 && fields[0] == "-DOCSTART-")) && sentences.Count > 0)
                {
                    result.Add(new LabeledDocument([.. sentences]));
                    sentences.Clear();
                }
                if (line is null) return result;
                continue;
            }
            if (fields.Length < 2) throw new FormatException($"LANG007: CoNLL line '{line}' has no tag column.");
            words.Add(fields[0]);
            tags.Add(fields[^1]);
        }
    }
}
