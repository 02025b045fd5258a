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

    /// <summary>The sentences of one document (between -DOCSTART- lines), in order.</summary>
    public sealed record LabeledDocument(IReadOnlyList<LabeledSentence> Sentences);

    /// <summary>Epochs to run at most.</summary>
    public int Epochs { get; init; } = 20;
    /// <summary>Seed of the shuffle.</summary>
    public int Seed { get; init; } = 20030601;
    /// <summary>Progress lines (epoch, mistakes, dev F1).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>A document ready for tagging: joined text, token offsets, sentence starts and gold tag indexes.</summary>
    private sealed record Encoded(string Text, int[] Starts, int[] Ends, int[] SentenceStarts, int[] Gold);

    /// <summary>Trains on <paramref name="train"/>, choosing the epoch by entity F1 on <paramref name="dev"/>.</summary>
    public NerModel Train(IReadOnlyList<LabeledDocument> train, IReadOnlyList<LabeledDocument> dev)
    {
        const int T = NerModel.TagCount;
        var data = train.Select(Encode).Where(d => d.Gold.Length > 0).ToArray();
        var size = (1 << features.Bits) * T;
        var w = new float[size];
        var u = new float[size]; // sum over steps of c * delta: the average is w - u / c
        var tw = new float[(T + 1) * T];
        var tu = new float[(T + 1) * T];
        var scratch = new NerFeatures.Scratch();
        var memory = new NerMemory();
        var predicted = new int[16];
        var work = new float[2 * 16 * T];
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
                // Documents are read in order so the memory holds what this model predicted earlier, as at run time.
                memory.Reset(d.Text, d.Starts, d.Ends, d.SentenceStarts, d.Gold.Length);
                for (var si = 0; si < d.SentenceStarts.Length; si++)
                {
                    var first = d.SentenceStarts[si];
                    var end = si + 1 < d.SentenceStarts.Length ? d.SentenceStarts[si + 1] : d.Gold.Length;
                    var n = end - first;
                    if (predicted.Length < n) { predicted = new int[2 * n]; work = new float[4 * n * T]; }
                    features.Extract(d.Text, d.Starts, d.Ends, first, end, scratch, memory);
                    NerModel.Decode(w, tw, scratch.Ids, scratch.Offsets, n, predicted, work);
                    for (var k = 0; k < n; k++)
                    {
                        var g = d.Gold[first + k];
                        var p = predicted[k];
                        var gPrev = k == 0 ? T : d.Gold[first + k - 1];
                        var pPrev = k == 0 ? T : predicted[k - 1];
                        if (g != p)
                        {
                            mistakes++;
                            for (var f = scratch.Offsets[k]; f < scratch.Offsets[k + 1]; f++)
                            {
                                var b = scratch.Ids[f] * T;
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
                    memory.Record(NerFeatures.LowerHashes(scratch, n), NerFeatures.CapClasses(scratch, n), predicted.AsSpan(0, n));
                    c++;
                }
            }
            var model = new NerModel(features.Bits, Average(w, u, c), Average(tw, tu, c));
            var f1 = dev.Count == 0 ? 0 : Score(model, dev);
            Log?.WriteLine($"epoch {epoch}: {mistakes} token mistakes; dev F1 {100 * f1:F2}");
            if (f1 > bestF1 || dev.Count == 0) { bestF1 = f1; best = model; }
        }
        return best ?? new NerModel(features.Bits, new float[size], new float[(T + 1) * T]);
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
