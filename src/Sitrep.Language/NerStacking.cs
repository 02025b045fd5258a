using System.Runtime.InteropServices;

namespace Sitrep.Language;

/// <summary>
/// The second stage's extra features (two-stage prediction aggregation, Ratinov and Roth 2009): what the first-stage
/// tagger predicted for the whole document, around the token and for the same word elsewhere. The second stage reads
/// them besides the first stage's own feature ids of each token, reused as they were computed (and already summed for
/// stage 2 by the first pass, <see cref="NerModel.DecodeFirst"/>), so it costs these few features and one more Viterbi,
/// not a second extraction. Reused per thread: holds per-document tables.
/// </summary>
public sealed class NerStacking
{
    /// <summary>Groups of stacked features; a model records which its second stage was trained with.</summary>
    [Flags]
    public enum Groups
    {
        /// <summary>No second stage.</summary>
        None = 0,
        /// <summary>The token's stage-1 tag, its neighbours' (±1, ±2), and the type, position and length of the stage-1 entity it is in.</summary>
        Local = 1,
        /// <summary>The stage-1 types of the same capitalised word's other occurrences in the document (majority, agreement, each type seen), with its capitalisation and its own type.</summary>
        Word = 2,
        /// <summary>The types of stage-1 entities elsewhere in the document that contain the word and are longer than its own ("Clinton" after "Bill Clinton").</summary>
        Longer = 4,
        /// <summary>The stage-1 types of the same capitalised run (the same sequence of capitalised words) elsewhere in the document.</summary>
        Run = 8,
        /// <summary>The stage-1 type of the word's first capitalised occurrence in the document (a name is usually given in full, and plainest, first).</summary>
        First = 16,
        /// <summary>Every group.</summary>
        All = Local | Word | Longer | Run | First,
    }

    /// <summary>Upper bound on the stacked features of one token.</summary>
    public const int MaxPerToken = 24;

    private const ulong Outside = 15;
    private const int Types = 5; // O, PER, ORG, LOC, MISC

    /// <summary>What the first stage said about one word across the document.</summary>
    private struct WordStats
    {
        /// <summary>6-bit saturating counters of the stage-1 types of its capitalised occurrences.</summary>
        public int Types;
        /// <summary>For each entity type, 3 bits holding the longest stage-1 entity (up to 7 tokens) containing it.</summary>
        public int Longest;
        /// <summary>Its first capitalised occurrence: token index times 8 plus its stage-1 type, plus 1 (0 = none yet).</summary>
        public int First;
    }

    // One table per word for all three, so a token costs one lookup (the document is read once per call).
    private readonly Dictionary<ulong, WordStats> _words = [];
    // Per capitalised run (hash of its words): counters of the stage-1 type of its first token.
    private readonly Dictionary<ulong, int> _runTypes = [];
    private int[] _spanStart = [], _spanEnd = [], _runStart = [], _runEnd = [];
    private ulong[] _runKey = [];

    /// <summary>Entity type of a BIO tag index: 0 for O, 1..4 for PER, ORG, LOC, MISC.</summary>
    internal static int TypeOf(int tag) => (tag + 1) / 2;

    /// <summary>
    /// Writes into <paramref name="ids"/> / <paramref name="offsets"/> (grown as needed) each token's first-stage ids
    /// followed by its stacked feature ids of <paramref name="groups"/> (training), or the stacked ids alone (tagging,
    /// where the first pass has already summed the rest); token k's ids are ids[offsets[k]..offsets[k + 1]).
    /// </summary>
    /// <param name="features">The feature hashing of the first stage (same buckets).</param>
    /// <param name="groups">Which stacked features to add.</param>
    /// <param name="baseIds">First-stage feature ids of the document, token after token.</param>
    /// <param name="baseOffsets">Where each token's first-stage ids begin (tokenCount + 1 entries); empty to write the stacked ids alone.</param>
    /// <param name="tags">First-stage tags of every token of the document.</param>
    /// <param name="lower">Lower-case hashes of the tokens.</param>
    /// <param name="cap">Capitalisation classes of the tokens.</param>
    /// <param name="sentenceStarts">Token index where each sentence starts (ascending; empty: one sentence).</param>
    /// <param name="ids">Output feature ids.</param>
    /// <param name="offsets">Output offsets (tokenCount + 1 entries).</param>
    public void Combine(NerFeatures features, Groups groups, ReadOnlySpan<int> baseIds, ReadOnlySpan<int> baseOffsets,
        ReadOnlySpan<int> tags, ReadOnlySpan<ulong> lower, ReadOnlySpan<byte> cap, ReadOnlySpan<int> sentenceStarts,
        ref int[] ids, ref int[] offsets)
    {
        var n = tags.Length;
        if (offsets.Length < n + 1) offsets = new int[Math.Max(n + 1, 2 * offsets.Length)];
        var need = (baseOffsets.IsEmpty ? 0 : baseOffsets[n]) + MaxPerToken * n;
        if (ids.Length < need) ids = new int[Math.Max(need, 2 * ids.Length)];
        if (_spanStart.Length < n)
        {
            var m = Math.Max(n, 2 * _spanStart.Length);
            _spanStart = new int[m]; _spanEnd = new int[m]; _runStart = new int[m]; _runEnd = new int[m]; _runKey = new ulong[m];
        }
        Aggregate(groups, tags, lower, cap, sentenceStarts);
        var p = 0;
        var sentence = 0;
        int sentenceStart = 0, sentenceEnd = n;
        for (var k = 0; k < n; k++)
        {
            while (sentence < sentenceStarts.Length && sentenceStarts[sentence] <= k)
            {
                sentenceStart = sentenceStarts[sentence++];
                sentenceEnd = sentence < sentenceStarts.Length ? sentenceStarts[sentence] : n;
            }
            offsets[k] = p;
            if (!baseOffsets.IsEmpty)
            {
                var own = baseIds[baseOffsets[k]..baseOffsets[k + 1]];
                own.CopyTo(ids.AsSpan(p));
                p += own.Length;
            }
            ulong t0 = (uint)tags[k];
            var type = TypeOf(tags[k]);
            ulong utype = (uint)type;
            ulong c = cap[k];
            var capitalised = NerFeatures.IsCapitalisedClass(cap[k]);
            var spanLength = tags[k] == 0 ? 0 : _spanEnd[k] - _spanStart[k];
            if ((groups & Groups.Local) != 0)
            {
                ulong l1 = TagAt(tags, k - 1, sentenceStart, sentenceEnd), r1 = TagAt(tags, k + 1, sentenceStart, sentenceEnd);
                ids[p++] = features.Id(60, t0);
                ids[p++] = features.Id(61, l1);
                ids[p++] = features.Id(62, r1);
                ids[p++] = features.Id(63, TagAt(tags, k - 2, sentenceStart, sentenceEnd));
                ids[p++] = features.Id(64, TagAt(tags, k + 2, sentenceStart, sentenceEnd));
                ids[p++] = features.Id(65, l1 | (t0 << 4) | (r1 << 8));
                ids[p++] = features.Id(67, t0 | (c << 4));
                if (tags[k] != 0)
                {
                    // Position in the stage-1 entity: 0 alone, 1 first, 2 inside, 3 last.
                    ulong position = spanLength == 1 ? 0UL : k == _spanStart[k] ? 1UL : k == _spanEnd[k] - 1 ? 3UL : 2UL;
                    ids[p++] = features.Id(66, utype | (position << 4) | ((uint)Math.Min(spanLength, 4) << 6));
                }
            }
            if (!capitalised) continue;
            // Every capitalised token was counted in the table, so its entry exists.
            var word = _words[lower[k]];
            if ((groups & Groups.Word) != 0)
            {
                // The other occurrences: the document's counts less this token's own.
                var others = word.Types - (1 << (6 * type));
                var (majority, total, unanimous) = Summary(others);
                if (total == 0) ids[p++] = features.Id(68, Outside | (c << 8));
                else
                {
                    ulong summary = (uint)majority | (unanimous ? 8UL : 0UL) | ((uint)Math.Min(total, 3) << 4);
                    ids[p++] = features.Id(68, summary | (c << 8));
                    ids[p++] = features.Id(71, summary | (utype << 8));
                    for (var t = 0; t < Types; t++)
                        if (((others >> (6 * t)) & 63) != 0) ids[p++] = features.Id(69, (uint)t | (c << 8));
                }
            }
            if ((groups & Groups.Longer) != 0)
            {
                var longest = word.Longest;
                for (var t = 1; t < Types; t++)
                    if (((longest >> (3 * t)) & 7) > Math.Min(spanLength, 7))
                        ids[p++] = features.Id(70, (uint)t | ((uint)Math.Min(spanLength, 3) << 4) | (c << 8));
            }
            if ((groups & Groups.Run) != 0)
            {
                var runType = TypeOf(tags[_runStart[k]]);
                var others = _runTypes.GetValueOrDefault(_runKey[k]) - (1 << (6 * runType));
                var (majority, total, unanimous) = Summary(others);
                ulong position = (uint)Math.Min(k - _runStart[k], 2) | ((uint)Math.Min(_runEnd[k] - _runStart[k], 3) << 2);
                ids[p++] = features.Id(72, (total == 0 ? Outside : (uint)majority | (unanimous ? 8UL : 0UL)) | (position << 4));
            }
            if ((groups & Groups.First) != 0)
            {
                var seen = word.First - 1;
                if (seen >> 3 == k) ids[p++] = features.Id(73, Outside | (c << 8));
                else
                {
                    ulong firstType = (uint)(seen & 7);
                    ids[p++] = features.Id(73, firstType | (c << 8));
                    ids[p++] = features.Id(74, firstType | (utype << 4));
                }
            }
        }
        offsets[n] = p;
    }

    /// <summary>Fills the per-document tables: stage-1 entity spans, capitalised runs and the per-word and per-run counts.</summary>
    private void Aggregate(Groups groups, ReadOnlySpan<int> tags, ReadOnlySpan<ulong> lower, ReadOnlySpan<byte> cap, ReadOnlySpan<int> sentenceStarts)
    {
        var n = tags.Length;
        _words.Clear();
        _runTypes.Clear();
        for (var k = 0; k < n;)
        {
            if (tags[k] == 0) { k++; continue; }
            // The decoder lets I-X follow only B-X or I-X, so an entity is a B-X and the I-X after it.
            var e = k + 1;
            while (e < n && tags[e] == tags[k] + 1 && !IsSentenceStart(sentenceStarts, e)) e++;
            var type = TypeOf(tags[k]);
            var length = Math.Min(e - k, 7);
            for (var j = k; j < e; j++)
            {
                _spanStart[j] = k;
                _spanEnd[j] = e;
                if ((groups & Groups.Longer) == 0) continue;
                ref var word = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, lower[j], out _);
                if (((word.Longest >> (3 * type)) & 7) < length) word.Longest = (word.Longest & ~(7 << (3 * type))) | (length << (3 * type));
            }
            k = e;
        }
        for (var k = 0; k < n; k++)
        {
            if (!NerFeatures.IsCapitalisedClass(cap[k])) continue;
            ref var word = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, lower[k], out _);
            word.Types = Add(word.Types, TypeOf(tags[k]));
            if (word.First == 0) word.First = 8 * k + TypeOf(tags[k]) + 1;
            if ((groups & Groups.Run) == 0 || (k > 0 && NerFeatures.IsCapitalisedClass(cap[k - 1]) && !IsSentenceStart(sentenceStarts, k))) continue;
            var e = k + 1;
            ulong key = lower[k];
            while (e < n && NerFeatures.IsCapitalisedClass(cap[e]) && !IsSentenceStart(sentenceStarts, e)) key = NerFeatures.Combine(key, lower[e++]);
            for (var j = k; j < e; j++) { _runStart[j] = k; _runEnd[j] = e; _runKey[j] = key; }
            _runTypes[key] = Add(_runTypes.GetValueOrDefault(key), TypeOf(tags[k]));
        }
    }

    /// <summary>Tag of token j as a feature value, or <see cref="Outside"/> beyond its sentence.</summary>
    private static ulong TagAt(ReadOnlySpan<int> tags, int j, int sentenceStart, int sentenceEnd) =>
        j >= sentenceStart && j < sentenceEnd ? (uint)tags[j] : Outside;

    private static bool IsSentenceStart(ReadOnlySpan<int> sentenceStarts, int k) => sentenceStarts.BinarySearch(k) >= 0;

    /// <summary>Adds one to a type's 6-bit saturating counter.</summary>
    private static int Add(int packed, int type) => ((packed >> (6 * type)) & 63) < 63 ? packed + (1 << (6 * type)) : packed;

    /// <summary>The most frequent type of packed counters, the total count, and whether every count is of that type.</summary>
    private static (int Majority, int Total, bool Unanimous) Summary(int packed)
    {
        int best = 0, bestCount = 0, total = 0;
        for (var t = 0; t < Types; t++)
        {
            var count = (packed >> (6 * t)) & 63;
            total += count;
            if (count > bestCount) { best = t; bestCount = count; }
        }
        return (best, total, total > 0 && bestCount == total);
    }
}
