namespace Sitrep.EventCoding;

/// <summary>One training snippet of the sub-type classifier: its features and its ACLED sub-type.</summary>
public sealed record SubTypeExample(IReadOnlyList<string> Features, string SubType);

/// <summary>
/// Trains <see cref="SubTypeModel"/> as an averaged multiclass perceptron: deterministic (a fixed-seed shuffle per
/// epoch, labels in ordinal order), so the same examples always give the same model.
/// </summary>
public static class SubTypeTrainer
{
    /// <summary>Trains for <paramref name="epochs"/> passes over <paramref name="examples"/>.</summary>
    public static SubTypeModel Train(IReadOnlyList<SubTypeExample> examples, int epochs = 12, int seed = 17)
    {
        if (examples.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        var labels = examples.Select(e => e.SubType).Distinct().Order(StringComparer.Ordinal).ToList();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var featureIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var encoded = new (int[] Features, int Label)[examples.Count];
        for (var e = 0; e < examples.Count; e++)
        {
            var ids = new List<int>();
            foreach (var f in examples[e].Features)
            {
                if (!featureIndex.TryGetValue(f, out var id)) featureIndex[f] = id = featureIndex.Count;
                ids.Add(id);
            }
            encoded[e] = ([.. ids.Distinct()], labelIndex[examples[e].SubType]);
        }
        var l = labels.Count;
        var w = new float[featureIndex.Count * l];
        // Averaging by the usual trick: u accumulates c·update, average = w - u / c.
        var u = new float[w.Length];
        var c = 1f;
        var order = Enumerable.Range(0, encoded.Length).ToArray();
        var rng = new Random(seed);
        var scores = new float[l];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            foreach (var e in order)
            {
                var (features, gold) = encoded[e];
                Array.Clear(scores);
                foreach (var f in features)
                    for (var k = 0; k < l; k++) scores[k] += w[f * l + k];
                var guess = 0;
                for (var k = 1; k < l; k++) if (scores[k] > scores[guess]) guess = k;
                // Ties count as errors so that a fresh model still learns from its first examples.
                if (guess == gold && IsUniqueMax(scores, gold)) { c++; continue; }
                if (guess == gold) guess = gold == 0 ? 1 % l : 0;
                foreach (var f in features)
                {
                    w[f * l + gold] += 1; u[f * l + gold] += c;
                    w[f * l + guess] -= 1; u[f * l + guess] -= c;
                }
                c++;
            }
        }
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (feature, id) in featureIndex)
        {
            var row = new float[l];
            for (var k = 0; k < l; k++) row[k] = w[id * l + k] - u[id * l + k] / c;
            weights[feature] = row;
        }
        return new SubTypeModel(labels, weights);
    }

    private static bool IsUniqueMax(float[] scores, int k)
    {
        for (var i = 0; i < scores.Length; i++)
            if (i != k && scores[i] >= scores[k]) return false;
        return true;
    }
}
