using Sitrep.Core;

namespace Sitrep.EventCoding;

/// <summary>A mention placed on tokens [StartToken, EndToken).</summary>
internal readonly record struct Placed<T>(T Mention, TextRange Range, int StartToken, int EndToken);

/// <summary>
/// Per-document lookups the coders share, computed once: paragraph of each sentence and each mention layer
/// bucketed by sentence, with token positions.
/// </summary>
internal sealed class DocumentView
{
    public DocumentView(Document doc)
    {
        Doc = doc;
        Paragraph = new int[doc.SentenceCount];
        var p = 0;
        for (var s = 1; s < doc.SentenceCount; s++)
        {
            var prevEnd = doc.Sentence(s - 1).Range.End;
            var start = doc.Sentence(s).Range.Start;
            if (doc.Text.AsSpan(prevEnd, Math.Max(0, start - prevEnd)).Contains('\n')) p++;
            Paragraph[s] = p;
        }
        Actors = Bucket(doc, doc.Actors, m => m.Range);
        Times = Bucket(doc, doc.Times, m => m.Range);
        Places = Bucket(doc, doc.Places, m => m.Range);
        Entities = Bucket(doc, doc.Entities, m => m.Range);
    }

    public Document Doc { get; }
    /// <summary>Paragraph number of each sentence (a newline between sentences starts a new one).</summary>
    public int[] Paragraph { get; }
    public List<Placed<ActorMention>>[] Actors { get; }
    public List<Placed<TimeMention>>[] Times { get; }
    public List<Placed<PlaceMention>>[] Places { get; }
    public List<Placed<EntityMention>>[] Entities { get; }

    public ReadOnlySpan<char> Word(int i) => TriggerMatcher.Word(Doc, i);

    public bool Is(int i, string word) => Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool In(int i, WordSet set) => set.Contains(Word(i));

    /// <summary>The actor mention covering token <paramref name="i"/> in sentence <paramref name="s"/>, if any.</summary>
    public Placed<ActorMention>? ActorAt(int s, int i)
    {
        foreach (var a in Actors[s])
            if (a.StartToken <= i && i < a.EndToken) return a;
        return null;
    }

    private static List<Placed<T>>[] Bucket<T>(Document doc, IReadOnlyList<T> mentions, Func<T, TextRange> range)
    {
        var buckets = new List<Placed<T>>[doc.SentenceCount];
        for (var s = 0; s < buckets.Length; s++) buckets[s] = [];
        if (doc.TokenCount == 0) return buckets;
        foreach (var m in mentions)
        {
            var r = range(m);
            if (r.IsEmpty || r.Start >= doc.Text.Length) continue;
            var first = doc.TokenIndexAt(r.Start);
            if (first >= doc.TokenCount) continue;
            var last = Math.Min(doc.TokenIndexAt(r.End - 1), doc.TokenCount - 1);
            var s = doc.SentenceIndexOfToken(first);
            if (s < 0) continue;
            buckets[s].Add(new Placed<T>(m, r, first, Math.Max(first + 1, last + 1)));
        }
        foreach (var b in buckets) b.Sort((x, y) => x.StartToken.CompareTo(y.StartToken));
        return buckets;
    }
}
