namespace Sitrep.Language;

/// <summary>
/// Tags sentences with a <see cref="NerModel"/>: feature extraction then Viterbi. Keeps its working arrays between
/// calls, so one instance serves one thread at a time.
/// </summary>
public sealed class NerTagger(NerModel model, NerFeatures features)
{
    private readonly NerFeatures.Scratch _scratch = new();
    private int[] _tags = new int[64];
    private float[] _work = new float[2 * 64 * NerModel.TagCount];

    /// <summary>The tagger over the shipped model and the embedded gazetteer.</summary>
    public static NerTagger CreateDefault() => new(NerModel.Default, new NerFeatures(NerModel.Default.Bits, NerGazetteer.Default));

    /// <summary>
    /// Tag indexes (into <see cref="NerModel.Tags"/>) of tokens [<paramref name="first"/>, <paramref name="end"/>);
    /// the returned span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<int> Tag(string text, int[] starts, int[] ends, int first, int end)
    {
        var n = end - first;
        if (_tags.Length < n)
        {
            _tags = new int[Math.Max(n, 2 * _tags.Length)];
            _work = new float[2 * _tags.Length * NerModel.TagCount];
        }
        features.Extract(text, starts, ends, first, end, _scratch);
        model.Decode(_scratch, n, _tags, _work);
        return _tags.AsSpan(0, n);
    }

    /// <summary>IOB2 tags of a sentence given as words.</summary>
    public string[] Tag(IReadOnlyList<string> words)
    {
        var (text, starts, ends) = Join(words);
        var tags = Tag(text, starts, ends, 0, words.Count);
        var result = new string[words.Count];
        for (var k = 0; k < result.Length; k++) result[k] = NerModel.Tags[tags[k]];
        return result;
    }

    /// <summary>Words joined by single spaces, with each word's offsets.</summary>
    internal static (string Text, int[] Starts, int[] Ends) Join(IReadOnlyList<string> words)
    {
        var starts = new int[words.Count];
        var ends = new int[words.Count];
        var sb = new System.Text.StringBuilder();
        for (var k = 0; k < words.Count; k++)
        {
            if (k > 0) sb.Append(' ');
            starts[k] = sb.Length;
            sb.Append(words[k]);
            ends[k] = sb.Length;
        }
        return (sb.ToString(), starts, ends);
    }
}
