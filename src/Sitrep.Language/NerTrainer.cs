namespace Sitrep.Language;

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged structured perceptron (Collins 2002): decode each training sentence
/// with Viterbi, move weights toward the gold tags and away from the predicted ones, and return the average of the
/// weights over all steps. Sentences are visited in an order shuffled with a fixed seed, so a run is deterministic.
/// After each epoch the averaged model is scored on the dev sentences; the best epoch is kept.
/// </summary>
public sealed class NerTrainer(NerFeatures features)
{
    /// <summary>One sentence of tokens with IOB2 gold tags.</summary>
    public sealed record LabeledSentence(string[] Words, string[] Tags);

    /// <summary>Epochs to run at most.</summary>
    public int Epochs { get; init; } = 12;
    /// <summary>Seed of the shuffle.</summary>
    public int Seed { get; init; } = 20030601;
    /// <summary>Progress lines (epoch, mistakes, dev F1).</summary>
    public TextWriter? Log { get; init; }

    private sealed record Encoded(int[] Ids, int[] Offsets, int[] Gold);

    /// <summary>Trains on <paramref name="train"/>, choosing the epoch by entity F1 on <paramref name="dev"/>.</summary>
    public NerModel Train(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence> dev)
    {
        const int T = NerModel.TagCount;
        var data = train.Where(s => s.Words.Length > 0).Select(Encode).ToArray();
        var size = (1 << features.Bits) * T;
        var w = new float[size];
        var u = new float[size]; // sum over steps of c * delta: the average is w - u / c
        var tw = new float[(T + 1) * T];
        var tu = new float[(T + 1) * T];
        var maxLen = data.Length == 0 ? 1 : data.Max(d => d.Gold.Length);
        var predicted = new int[maxLen];
        var work = new float[2 * maxLen * T];
        var order = Enumerable.Range(0, data.Length).ToArray();
        var random = new Random(Seed);
        float c = 1;
        NerModel? best = null;
        var bestF1 = -1.0;
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            random.Shuffle(order);
            var mistakes = 0;
            foreach (var index in order)
            {
                var d = data[index];
                var n = d.Gold.Length;
                NerModel.Decode(w, tw, d.Ids, d.Offsets, n, predicted, work);
                for (var k = 0; k < n; k++)
                {
                    var g = d.Gold[k];
                    var p = predicted[k];
                    var gPrev = k == 0 ? T : d.Gold[k - 1];
                    var pPrev = k == 0 ? T : predicted[k - 1];
                    if (g != p)
                    {
                        mistakes++;
                        for (var f = d.Offsets[k]; f < d.Offsets[k + 1]; f++)
                        {
                            var b = d.Ids[f] * T;
                            w[b + g] += 1; u[b + g] += c;
                            w[b + p] -= 1; u[b + p] -= c;
                        }
                    }
                    if (g != p || gPrev != pPrev)
                    {
                        tw[gPrev * T + g] += 1; tu[gPrev * T + g] += c;
                        tw[pPrev * T + p] -= 1; tu[pPrev * T + p] -= c;
                    }
                }
                c++;
            }
            var model = new NerModel(features.Bits, Average(w, u, c), Average(tw, tu, c));
            var f1 = dev.Count == 0 ? 0 : Score(model, dev);
            Log?.WriteLine($"epoch {epoch}: {mistakes} token mistakes; dev F1 {100 * f1:F2}");
            if (f1 > bestF1 || dev.Count == 0) { bestF1 = f1; best = model; }
        }
        return best ?? new NerModel(features.Bits, new float[size], new float[(T + 1) * T]);
    }

    /// <summary>Entity-level F1 (conlleval rules) of <paramref name="model"/> on <paramref name="sentences"/>.</summary>
    public double Score(NerModel model, IReadOnlyList<LabeledSentence> sentences)
    {
        var tagger = new NerTagger(model, features);
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>(sentences.Count);
        foreach (var s in sentences) pairs.Add((s.Tags, tagger.Tag(s.Words)));
        return ConllEvaluation.Score(pairs).Overall.F1;
    }

    private static float[] Average(float[] w, float[] u, float c)
    {
        var avg = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            var v = w[i] - u[i] / c;
            // Tiny averages are rounding left-overs; zero keeps the saved model sparse.
            avg[i] = Math.Abs(v) < 1e-4f ? 0 : v;
        }
        return avg;
    }

    private Encoded Encode(LabeledSentence s)
    {
        var (text, starts, ends) = NerTagger.Join(s.Words);
        var scratch = new NerFeatures.Scratch();
        features.Extract(text, starts, ends, 0, s.Words.Length, scratch);
        var n = s.Words.Length;
        var gold = new int[n];
        for (var k = 0; k < n; k++)
        {
            gold[k] = Array.IndexOf(NerModel.Tags, s.Tags[k]);
            if (gold[k] < 0) throw new FormatException($"LANG015: unknown NER tag '{s.Tags[k]}' (expected IOB2 PER/ORG/LOC/MISC).");
        }
        // IOB1 leftovers (I-X opening a chunk) become B-X so the gold sequence is one the decoder can produce.
        for (var k = 0; k < n; k++)
            if (gold[k] >= 2 && gold[k] % 2 == 0 && !NerModel.Allowed(k == 0 ? NerModel.TagCount : gold[k - 1], gold[k])) gold[k]--;
        return new Encoded(scratch.Ids[..scratch.Offsets[n]], scratch.Offsets[..(n + 1)], gold);
    }

    /// <summary>Reads the sentences of a CoNLL file (word first column, IOB tag last; -DOCSTART- lines skipped).</summary>
    public static List<LabeledSentence> ReadConll(TextReader reader)
    {
        var result = new List<LabeledSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        while (true)
        {
            var line = reader.ReadLine();
            var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (line is null || fields!.Length == 0 || fields[0] == "-DOCSTART-")
            {
                if (words.Count > 0) result.Add(new LabeledSentence([.. words], [.. tags]));
                words.Clear();
                tags.Clear();
                if (line is null) return result;
                continue;
            }
            if (fields.Length < 2) throw new FormatException($"LANG007: CoNLL line '{line}' has no tag column.");
            words.Add(fields[0]);
            tags.Add(fields[^1]);
        }
    }
}
