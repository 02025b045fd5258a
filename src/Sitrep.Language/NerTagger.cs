namespace Sitrep.Language;

/// <summary>
/// Tags documents with a <see cref="NerModel"/>: feature extraction then Viterbi, sentence by sentence with the
/// document's memory; for a stacked model a second pass then decodes every sentence again with the second stage, over
/// the first pass's feature ids plus features of the first pass's tags for the whole document. Keeps its working arrays
/// between calls, so one instance serves one thread at a time.
/// </summary>
public sealed class NerTagger(NerModel model, NerFeatures features)
{
    private readonly NerFeatures.Scratch _scratch = new();
    private readonly NerMemory _memory = new();
    private readonly NerStacking _stacking = new();
    private readonly NerWordEmbeddings _embeddings = EmbeddingsFor(model, features);
    // The dense features' dot products of every word, per stage (empty without dense features), shared by all taggers.
    private readonly float[] _projected = model.Dense?.ProjectAll(features.Embeddings) ?? [];
    private readonly float[] _secondProjected = model.Second?.Dense?.ProjectAll(features.Embeddings) ?? [];
    // Dense scores of a sentence (n × TagCount) and the work vector of their dot products.
    private float[] _dense = new float[64 * NerModel.TagCount];
    private readonly float[] _vector = new float[(features.Embeddings.Dims + 7) & ~7];
    private int[] _codes = new int[64];
    private int[] _tags = new int[64];
    private float[] _work = new float[2 * 64 * NerModel.TagCount];
    // The document read so far, token after token: first-pass feature ids and offsets, hashes, classes, marks, tags.
    private int[] _ids = new int[64 * 64], _offsets = new int[65];
    private ulong[] _lower = new ulong[64];
    private byte[] _cap = new byte[64];
    private ushort[] _gaz = new ushort[64];
    private int[] _first = new int[64], _final = new int[64], _persons = new int[64];
    private int[] _stackedIds = [], _stackedOffsets = [];
    // For a stacked model: each token's second-stage scores of its own features, summed by the first pass.
    private float[] _partial = new float[64 * NerModel.TagCount];
    private int _count;

    /// <summary>The tagger over the shipped model and the embedded gazetteer.</summary>
    public static NerTagger CreateDefault() => new(NerModel.Default, new NerFeatures(NerModel.Default.Bits, NerGazetteer.Default,
        NerWordClusters.Default, NerModel.Default.UsesDense ? NerWordEmbeddings.Default : null));

    /// <summary>
    /// Tag indexes (into <see cref="NerModel.Tags"/>) of every token of a document: <paramref name="tokenCount"/> tokens
    /// spanning [starts[k], ends[k]) of <paramref name="text"/>, sentences starting at <paramref name="sentenceStarts"/>
    /// (ascending; empty: one sentence). The returned span is valid until the next call.
    /// </summary>
    public Span<int> TagDocument(string text, int[] starts, int[] ends, ReadOnlySpan<int> sentenceStarts, int tokenCount)
    {
        ReadOnlySpan<int> whole = [0];
        if (sentenceStarts.Length == 0) sentenceStarts = whole;
        Read(model, text, starts, ends, sentenceStarts, tokenCount);
        if (model.Second is null)
        {
            _first.AsSpan(0, tokenCount).CopyTo(_final);
            return _final.AsSpan(0, tokenCount);
        }
        // The first pass summed the second stage's weights of every token's own features; only the stacked ones remain.
        _stacking.Combine(features, model.SecondGroups, [], [], _first.AsSpan(0, tokenCount),
            _lower.AsSpan(0, tokenCount), _cap.AsSpan(0, tokenCount), sentenceStarts, ref _stackedIds, ref _stackedOffsets);
        for (var s = 0; s < sentenceStarts.Length; s++)
        {
            var first = sentenceStarts[s];
            var n = (s + 1 < sentenceStarts.Length ? sentenceStarts[s + 1] : tokenCount) - first;
            if (n <= 0) continue;
            model.DecodeSecond(_stackedIds, _stackedOffsets.AsSpan(first, n + 1), n, _tags, _work, _partial.AsSpan(first * NerModel.TagCount, n * NerModel.TagCount));
            _tags.AsSpan(0, n).CopyTo(_final.AsSpan(first));
        }
        return _final.AsSpan(0, tokenCount);
    }

    /// <summary>
    /// The first pass: tags each sentence in order with <paramref name="stage"/> (the model itself, or in training a
    /// model of the first stage) and the document memory, keeping every token's feature ids, hashes and tags.
    /// </summary>
    internal void Read(NerModel stage, string text, int[] starts, int[] ends, ReadOnlySpan<int> sentenceStarts, int tokenCount)
    {
        Ensure(tokenCount);
        _count = tokenCount;
        _memory.Reset(text, starts, ends, sentenceStarts, tokenCount);
        // Tokens before the first sentence are in none: no features, tag O.
        var lead = Math.Clamp(sentenceStarts[0], 0, tokenCount);
        if (lead > 0)
        {
            foreach (var array in new[] { _offsets, _first, _final, _persons }) array.AsSpan(0, lead).Clear();
            _lower.AsSpan(0, lead).Clear();
            _cap.AsSpan(0, lead).Clear();
            _gaz.AsSpan(0, lead).Clear();
            _codes.AsSpan(0, lead).Fill(-1);
        }
        var p = 0;
        for (var s = 0; s < sentenceStarts.Length; s++)
        {
            var first = sentenceStarts[s];
            var end = s + 1 < sentenceStarts.Length ? sentenceStarts[s + 1] : tokenCount;
            var n = end - first;
            if (n <= 0) continue;
            if (_tags.Length < n)
            {
                _tags = new int[Math.Max(n, 2 * _tags.Length)];
                _work = new float[2 * _tags.Length * NerModel.TagCount];
            }
            features.Extract(text, starts, ends, first, end, _scratch, _memory);
            var codes = NerFeatures.EmbeddingCodes(_scratch, n);
            // Each stage's dense scores; for a stacked model the second stage's go where its partial sums start.
            var partial = stage.Second is null ? [] : _partial.AsSpan(first * NerModel.TagCount, n * NerModel.TagCount);
            partial.Clear();
            var initial = DenseScores(stage, partial, codes, n);
            if (stage.Second is null) stage.Decode(_scratch.Ids, _scratch.Offsets, n, _tags, _work, initial);
            else stage.DecodeFirst(_scratch.Ids, _scratch.Offsets, n, _tags, _work, initial, partial);
            codes.CopyTo(_codes.AsSpan(first));
            var lower = NerFeatures.LowerHashes(_scratch, n);
            _memory.Record(lower, NerFeatures.CapClasses(_scratch, n), _tags.AsSpan(0, n));
            var count = _scratch.Offsets[n];
            if (_ids.Length < p + count) Array.Resize(ref _ids, Math.Max(p + count, 2 * _ids.Length));
            _scratch.Ids.AsSpan(0, count).CopyTo(_ids.AsSpan(p));
            for (var k = 0; k < n; k++)
            {
                _offsets[first + k] = p + _scratch.Offsets[k];
                // What the memory says once this sentence is read, as the recognizer's person rule asks it.
                _persons[first + k] = _memory.PersonCount(lower[k]);
            }
            p += count;
            lower.CopyTo(_lower.AsSpan(first));
            NerFeatures.CapClasses(_scratch, n).CopyTo(_cap.AsSpan(first));
            NerFeatures.GazetteerMarks(_scratch, n).CopyTo(_gaz.AsSpan(first));
            _tags.AsSpan(0, n).CopyTo(_first.AsSpan(first));
        }
        _offsets[tokenCount] = p;
    }

    /// <summary>
    /// The dense scores of a sentence for <paramref name="stage"/> (empty when it has none), adding its second stage's
    /// to <paramref name="secondScores"/>. The precomputed dot products hold only for this tagger's own model.
    /// </summary>
    private ReadOnlySpan<float> DenseScores(NerModel stage, Span<float> secondScores, ReadOnlySpan<int> codes, int n)
    {
        var own = ReferenceEquals(stage.Dense, model.Dense);
        if (stage.Second?.Dense is { } second)
            second.AddScores(second.Weights, _embeddings, codes, n, secondScores, _vector, ReferenceEquals(second, model.Second?.Dense) ? _secondProjected : []);
        if (stage.Dense is not { } dense) return [];
        if (_dense.Length < n * NerModel.TagCount) _dense = new float[2 * n * NerModel.TagCount];
        var scores = _dense.AsSpan(0, n * NerModel.TagCount);
        scores.Clear();
        dense.AddScores(dense.Weights, _embeddings, codes, n, scores, _vector, own ? _projected : []);
        return scores;
    }

    /// <summary>The features' word vectors, checked against what each stage's dense features were trained with.</summary>
    private static NerWordEmbeddings EmbeddingsFor(NerModel model, NerFeatures features)
    {
        var table = features.Embeddings;
        for (var stage = model; stage is not null; stage = stage.Second)
            if (stage.Dense is { } d && (d.Dims != table.Dims || d.Settings.Words > table.Count))
                throw new ArgumentException($"LANG019: the NER model's dense features need {d.Dims}-dimension vectors for {d.Settings.Words} words; the features' word vectors have {table.Dims} dimensions for {table.Count} words.");
        return table;
    }

    private void Ensure(int tokenCount)
    {
        if (_lower.Length >= tokenCount) return;
        var m = Math.Max(tokenCount, 2 * _lower.Length);
        _offsets = new int[m + 1];
        _lower = new ulong[m];
        _cap = new byte[m];
        _gaz = new ushort[m];
        _first = new int[m];
        _final = new int[m];
        _persons = new int[m];
        _partial = new float[m * NerModel.TagCount];
        _codes = new int[m];
    }

    /// <summary>Gazetteer membership bits of the last document's tokens (see <see cref="NerGazetteer.Mark"/>).</summary>
    internal ReadOnlySpan<ushort> GazetteerMarks => _gaz.AsSpan(0, _count);

    /// <summary>
    /// For each token of the last document, how often the first pass had tagged its word as part of a person's name
    /// by the end of the token's sentence.
    /// </summary>
    internal ReadOnlySpan<int> PersonCounts => _persons.AsSpan(0, _count);

    /// <summary>First-pass feature ids of the last document read, token after token.</summary>
    internal ReadOnlySpan<int> FirstIds => _ids;

    /// <summary>Where each token's first-pass ids begin (token count + 1 entries).</summary>
    internal ReadOnlySpan<int> FirstOffsets => _offsets.AsSpan(0, _count + 1);

    /// <summary>First-pass tags of the last document read.</summary>
    internal ReadOnlySpan<int> FirstTags => _first.AsSpan(0, _count);

    /// <summary>Lower-case hashes of the last document's tokens.</summary>
    internal ReadOnlySpan<ulong> LowerHashes => _lower.AsSpan(0, _count);

    /// <summary>Embedding codes of the last document's tokens (see <see cref="NerFeatures.Scratch.Embedding"/>).</summary>
    internal ReadOnlySpan<int> EmbeddingCodes => _codes.AsSpan(0, _count);

    /// <summary>Capitalisation classes of the last document's tokens.</summary>
    internal ReadOnlySpan<byte> CapClasses => _cap.AsSpan(0, _count);

    /// <summary>IOB2 tags of one sentence given as words, read as a document of its own.</summary>
    public string[] Tag(IReadOnlyList<string> words) => TagDocument([words])[0];

    /// <summary>IOB2 tags of a document given as sentences of words, read in order with the document's memory.</summary>
    public List<string[]> TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var (text, starts, ends, sentenceStarts) = Join(sentences);
        var tags = TagDocument(text, starts, ends, sentenceStarts, starts.Length);
        var result = new List<string[]>(sentences.Count);
        for (var s = 0; s < sentences.Count; s++)
        {
            var row = new string[sentences[s].Count];
            for (var k = 0; k < row.Length; k++) row[k] = NerModel.Tags[tags[sentenceStarts[s] + k]];
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
