using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>One gold attribution for training: where its cue starts and where its source is named.</summary>
public sealed record AttributionSpan(TextRange Cue, IReadOnlyList<TextRange> Source);

/// <summary>An annotated article (tokens, sentences and entities set) with its gold attributions.</summary>
public sealed record AttributionExample(Document Document, IReadOnlyList<AttributionSpan> Attributions);

/// <summary>
/// Trains <see cref="AttributionModel"/>: a binary averaged perceptron over every word token (word of a gold cue or
/// not), and a latent ranking perceptron over each gold cue's source candidates (any token of the gold source
/// span is right; "none" is right when the source lies outside the sentence). Deterministic: documents in a
/// fixed-seed shuffle per epoch, so the same examples give a byte-identical model.
/// </summary>
public static class AttributionTrainer
{
    /// <summary>
    /// Trains for <paramref name="epochs"/> passes; <paramref name="afterEpoch"/> sees the averaged model after each
    /// pass (to choose the epoch on held-out data) and returns false to stop.
    /// </summary>
    public static AttributionModel Train(IReadOnlyList<AttributionExample> examples, int epochs, int bits = 19, int seed = 2018,
        Func<int, AttributionModel, bool>? afterEpoch = null)
    {
        if (examples.Count == 0) throw new ArgumentException("no training articles", nameof(examples));
        var size = 1 << bits;
        var cue = new Table(size);
        var source = new Table(size);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var rng = new Random(seed);
        Span<int> f = stackalloc int[AttributionFeatures.MaxFeatures];
        Span<int> g = stackalloc int[AttributionFeatures.MaxFeatures];
        AttributionModel model = null!;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            foreach (var e in order) TrainOne(examples[e], bits, cue, source, f, g);
            model = new AttributionModel(bits, cue.Averaged(), source.Averaged(), 0f);
            if (afterEpoch is not null && !afterEpoch(epoch, model)) break;
        }
        return model;
    }

    /// <summary>Cue precision and recall and source accuracy of <paramref name="model"/> on <paramref name="examples"/>.</summary>
    public static AttributionDiagnosis Diagnose(AttributionModel model, IReadOnlyList<AttributionExample> examples)
    {
        int predicted = 0, right = 0, gold = 0, sourceRight = 0;
        Span<int> f = stackalloc int[AttributionFeatures.MaxFeatures];
        foreach (var example in examples)
        {
            var doc = example.Document;
            if (doc.TokenCount == 0) continue;
            var sources = GoldSources(example);
            using var features = new AttributionFeatures(doc, model.Bits);
            for (var s = 0; s < doc.SentenceCount; s++)
            {
                var sentence = doc.Sentence(s);
                int first = sentence.FirstToken, end = sentence.EndToken;
                for (var c = first; c < end; c++)
                {
                    if (features.IsPunctuation(c)) continue;
                    var isCue = AttributionModel.Score(model.Cue, f[..features.Cue(c, first, end, f)]) > model.CueThreshold;
                    var goldCue = sources.TryGetValue(c, out var set);
                    if (isCue) predicted++;
                    if (goldCue) gold++;
                    if (isCue && goldCue) right++;
                    if (!goldCue) continue;
                    var j = AttributionFinder.ChooseSource(features, model, c, first, end, f);
                    if (set!.Count == 0 ? j < 0 : j >= 0 && set.Contains(j)) sourceRight++;
                }
            }
        }
        return new AttributionDiagnosis(predicted == 0 ? 0 : (double)right / predicted, gold == 0 ? 0 : (double)right / gold,
            gold == 0 ? 0 : (double)sourceRight / gold, gold);
    }

    /// <summary>Every token of each gold cue, with the source tokens of its sentence (shared by the cue's tokens).</summary>
    private static Dictionary<int, HashSet<int>> GoldSources(AttributionExample example)
    {
        var doc = example.Document;
        var sources = new Dictionary<int, HashSet<int>>();
        foreach (var a in example.Attributions)
        {
            if (a.Cue.IsEmpty || a.Cue.Start >= doc.Text.Length) continue;
            var first = doc.TokenIndexAt(a.Cue.Start);
            if (first >= doc.TokenCount) continue;
            var s = doc.Sentence(doc.SentenceIndexOfToken(first));
            var set = new HashSet<int>();
            for (var c = first; c < s.EndToken && doc.TokenStarts[c] < a.Cue.End; c++) sources.TryAdd(c, set);
            for (var t = s.FirstToken; t < s.EndToken; t++)
                foreach (var r in a.Source)
                    if (r.Overlaps(doc.Token(t).Range) && Math.Abs(t - first) <= AttributionFeatures.MaxSourceDistance && !a.Cue.Overlaps(doc.Token(t).Range)) set.Add(t);
        }
        return sources;
    }

    private static void TrainOne(AttributionExample example, int bits, Table cue, Table source, Span<int> f, Span<int> g)
    {
        var doc = example.Document;
        if (doc.TokenCount == 0) return;
        // Gold cue starts, and per cue the source tokens of its sentence.
        var sources = GoldSources(example);
        using var features = new AttributionFeatures(doc, bits);
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            int first = sentence.FirstToken, end = sentence.EndToken;
            for (var c = first; c < end; c++)
            {
                if (features.IsPunctuation(c)) continue;
                var n = features.Cue(c, first, end, f);
                var y = sources.TryGetValue(c, out var gold) ? 1f : -1f;
                if (y * AttributionModel.Score(cue.W, f[..n]) <= 0) cue.Update(f[..n], y);
                cue.Tick();
                if (gold is null) continue;
                TrainSource(features, source, c, first, end, gold, f, g);
            }
        }
    }

    private static void TrainSource(AttributionFeatures features, Table source, int c, int first, int end, HashSet<int> gold, Span<int> f, Span<int> g)
    {
        var model = source.W;
        int guess = -1, bestGold = -1;
        var guessScore = AttributionModel.Score(model, f[..features.Source(-1, c, first, end, f)]);
        var bestGoldScore = gold.Count == 0 ? guessScore : float.NegativeInfinity;
        var from = Math.Max(first, c - AttributionFeatures.MaxSourceDistance);
        var to = Math.Min(end, c + AttributionFeatures.MaxSourceDistance + 1);
        for (var j = from; j < to; j++)
        {
            if (j == c || features.IsPunctuation(j)) continue;
            var score = AttributionModel.Score(model, f[..features.Source(j, c, first, end, f)]);
            if (score > guessScore) { guessScore = score; guess = j; }
            if (gold.Contains(j) && score > bestGoldScore) { bestGoldScore = score; bestGold = j; }
        }
        // Every gold token was punctuation or out of reach: nothing to learn from this cue.
        if (gold.Count > 0 && bestGold < 0) { source.Tick(); return; }
        var right = gold.Count == 0 ? guess < 0 : guess >= 0 && gold.Contains(guess);
        if (!right)
        {
            var ng = features.Source(bestGold, c, first, end, g);
            source.Update(g[..ng], 1f);
            var nf = features.Source(guess, c, first, end, f);
            source.Update(f[..nf], -1f);
        }
        source.Tick();
    }

    /// <summary>A weight table with the running sums averaging needs (average = w - u / c).</summary>
    private sealed class Table(int size)
    {
        public readonly float[] W = new float[size];
        // Sums in double: a float counter stops counting past 2^24 updates.
        private readonly double[] _u = new double[size];
        private double _c = 1;

        public void Update(ReadOnlySpan<int> features, float delta)
        {
            foreach (var i in features)
            {
                W[i] += delta;
                _u[i] += _c * delta;
            }
        }

        public void Tick() => _c++;

        public float[] Averaged()
        {
            var a = new float[W.Length];
            for (var i = 0; i < a.Length; i++) a[i] = (float)(W[i] - _u[i] / _c);
            return a;
        }
    }
}

/// <summary>How the attribution model does on its two tasks, scored on gold cues.</summary>
/// <param name="CuePrecision">Tokens taken as cue words that are words of a gold cue.</param>
/// <param name="CueRecall">Words of gold cues taken as cue words.</param>
/// <param name="SourceAccuracy">Gold cues whose chosen source lies in the gold source (or "none" when it is outside the sentence).</param>
public sealed record AttributionDiagnosis(double CuePrecision, double CueRecall, double SourceAccuracy, int Cues);
