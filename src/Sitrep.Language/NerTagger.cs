namespace Sitrep.Language;

/// <summary>
/// Tags sentences with a <see cref="NerModel"/>: feature extraction then Viterbi. Keeps its working arrays between
/// calls, so one instance serves one thread at a time.
/// </summary>
public sealed class NerTagger(NerModel model, NerFeatures features)
{
    private readonly NerFeatures.Scratch _scratch = new();
    private readonly NerMemory _memory = new();
    private int[] _tags = new int[64];
    private float[] _work = new float[2 * 64 * NerModel.TagCount];

    /// <summary>The tagger over the shipped model and the embedded gazetteer.</summary>
    public static NerTagger CreateDefault() => new(NerModel.Default, NerFeatures.CreateDefault(NerModel.Default.Bits));

    /// <summary>
    /// Tag indexes (into <see cref="NerModel.Tags"/>) of tokens [<paramref name="first"/>, <paramref name="end"/>);
    /// with a <paramref name="memory"/> (reset at the document's start) the sentence is read in its document's
    /// context and then remembered. The returned span is valid until the next call.
    /// </summary>
    public Span<int> Tag(string text, int[] starts, int[] ends, int first, int end, NerMemory? memory = null)
    {
        var n = end - first;
        if (_tags.Length < n)
        {
            _tags = new int[Math.Max(n, 2 * _tags.Length)];
            _work = new float[2 * _tags.Length * NerModel.TagCount];
        }
        features.Extract(text, starts, ends, first, end, _scratch, memory);
        model.Decode(_scratch, n, _tags, _work);
        memory?.Record(NerFeatures.LowerHashes(_scratch, n), NerFeatures.CapClasses(_scratch, n), _tags.AsSpan(0, n));
        return _tags.AsSpan(0, n);
    }

    /// <summary>Gazetteer membership bits of the last tagged sentence's tokens (see <see cref="NerGazetteer.Mark"/>).</summary>
    internal ReadOnlySpan<ushort> GazetteerMarks(int n) => NerFeatures.GazetteerMarks(_scratch, n);

    /// <summary>Lower-case hashes of the last tagged sentence's tokens.</summary>
    internal ReadOnlySpan<ulong> LowerHashes(int n) => NerFeatures.LowerHashes(_scratch, n);

    /// <summary>The memory this tagger keeps for the document it is reading (reset it at each document).</summary>
    internal NerMemory Memory => _memory;

    /// <summary>IOB2 tags of one sentence given as words, read as a document of its own.</summary>
    public string[] Tag(IReadOnlyList<string> words) => TagDocument([words])[0];

    /// <summary>IOB2 tags of a document given as sentences of words, read in order with the document's memory.</summary>
    public List<string[]> TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var (text, starts, ends, sentenceStarts) = Join(sentences);
        _memory.Reset(text, starts, ends, sentenceStarts, starts.Length);
        var result = new List<string[]>(sentences.Count);
        for (var s = 0; s < sentences.Count; s++)
        {
            var first = sentenceStarts[s];
            var tags = Tag(text, starts, ends, first, first + sentences[s].Count, _memory);
            var row = new string[tags.Length];
            for (var k = 0; k < row.Length; k++) row[k] = NerModel.Tags[tags[k]];
            result.Add(row);
        }
        return result;
    }

    /// <summary>The sentences' words joined by single spaces (sentences by newlines), with token offsets and sentence starts.</summary>
    internal static (string Text, int[] Starts, int[] Ends, int[] SentenceStarts) Join(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var count = sentences.Sum(s => s.Count);
        var starts = new int[count];
        var ends = new int[count];
        var sentenceStarts = new int[sentences.Count];
        var sb = new System.Text.StringBuilder();
        var k = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            if (s > 0) sb.Append('\n');
            sentenceStarts[s] = k;
            for (var j = 0; j < sentences[s].Count; j++, k++)
            {
                if (j > 0) sb.Append(' ');
                starts[k] = sb.Length;
                sb.Append(sentences[s][j]);
                ends[k] = sb.Length;
            }
        }
        return (sb.ToString(), starts, ends, sentenceStarts);
    }
}
