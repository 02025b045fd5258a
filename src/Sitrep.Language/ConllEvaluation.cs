using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>
/// Scores a recognizer on CoNLL-2003 files (-DOCSTART- markers, blank-line sentences, one token per line with the
/// NER tag in the last column, IOB1 or IOB2) with conlleval's rules: an entity counts as correct only with exactly
/// the gold span and type; chunks begin and end as conlleval.pl decides, so IOB1 and IOB2 tags both work.
/// </summary>
public static class ConllEvaluation
{
    /// <summary>A gold or predicted entity: tokens [Start, End) of one sentence, with its type.</summary>
    public readonly record struct Chunk(int Start, int End, string Type);

    /// <summary>
    /// Runs <paramref name="ner"/> on every document of the CoNLL file at <paramref name="conllPath"/> (the sentences
    /// between -DOCSTART- lines, tokens joined by single spaces, sentences by newlines) and scores it sentence by
    /// sentence. When <paramref name="predictions"/> is given, writes conlleval input: each input line followed by the
    /// predicted IOB2 tag.
    /// </summary>
    public static NerScore Evaluate(string conllPath, IEntityRecognizer ner, TextWriter? predictions = null)
    {
        using var reader = File.OpenText(conllPath);
        return Evaluate(reader, ner, predictions, conllPath);
    }

    /// <summary>As <see cref="Evaluate(string, IEntityRecognizer, TextWriter?)"/>, reading CoNLL lines from <paramref name="reader"/>.</summary>
    public static NerScore Evaluate(TextReader reader, IEntityRecognizer ner, TextWriter? predictions = null, string sourceName = "conll")
    {
        var scorer = new Scorer();
        var documentNo = 0;
        var current = new List<ConllSentence>();
        void Flush()
        {
            if (current.Count == 0) return;
            var predicted = Predict(ner, current, $"{sourceName}#{documentNo++}");
            for (var s = 0; s < current.Count; s++)
            {
                scorer.Add(current[s].Gold, predicted[s]);
                if (predictions is null) continue;
                for (var k = 0; k < current[s].Lines.Count; k++) predictions.WriteLine(current[s].Lines[k] + " " + predicted[s][k]);
                predictions.WriteLine();
            }
            current.Clear();
        }
        foreach (var sentence in ReadSentences(reader))
        {
            if (!sentence.IsDocStart)
            {
                current.Add(sentence);
                continue;
            }
            Flush();
            predictions?.WriteLine(sentence.Lines[0] + " O");
            predictions?.WriteLine();
        }
        Flush();
        return scorer.Result();
    }

    /// <summary>Scores a file already in conlleval input format: gold tag in the next-to-last column, prediction last.</summary>
    public static NerScore ScoreConllevalFile(TextReader reader)
    {
        var scorer = new Scorer();
        var gold = new List<string>();
        var guessed = new List<string>();
        while (true)
        {
            var line = reader.ReadLine();
            var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (line is null || fields!.Length == 0 || fields[0] == "-DOCSTART-")
            {
                if (gold.Count > 0) scorer.Add([.. gold], [.. guessed]);
                gold.Clear();
                guessed.Clear();
                if (line is null) break;
                continue;
            }
            if (fields.Length < 2) throw new FormatException($"LANG007: conlleval line '{line}' has fewer than 2 columns.");
            gold.Add(fields[^2]);
            guessed.Add(fields[^1]);
        }
        return scorer.Result();
    }

    /// <summary>Scores pairs of gold and predicted tag sequences, one pair per sentence.</summary>
    public static NerScore Score(IEnumerable<(IReadOnlyList<string> Gold, IReadOnlyList<string> Predicted)> sentences)
    {
        var scorer = new Scorer();
        foreach (var (g, p) in sentences) scorer.Add(g, p);
        return scorer.Result();
    }

    /// <summary>The chunks of a tag sequence as conlleval.pl finds them (IOB1, IOB2 or IOBES).</summary>
    public static IReadOnlyList<Chunk> Chunks(IReadOnlyList<string> tags)
    {
        var chunks = new List<Chunk>();
        string prevTag = "O", prevType = "";
        var openStart = -1;
        for (var k = 0; k <= tags.Count; k++)
        {
            var (tag, type) = k < tags.Count ? SplitTag(tags[k]) : ("O", "");
            if (openStart >= 0 && EndOfChunk(prevTag, tag, prevType, type))
            {
                chunks.Add(new Chunk(openStart, k, prevType));
                openStart = -1;
            }
            if (StartOfChunk(prevTag, tag, prevType, type)) openStart = k;
            (prevTag, prevType) = (tag, type);
        }
        return chunks;
    }

    /// <summary>IOB2 tags for the tokens of <paramref name="document"/> from entity mentions (overlaps: first wins).</summary>
    public static string[] ToIob2(Document document, IReadOnlyList<EntityMention> entities)
    {
        var tags = new string[document.TokenCount];
        Array.Fill(tags, "O");
        foreach (var e in entities)
        {
            var first = document.TokenIndexAt(e.Range.Start);
            var type = e.Type.ToString();
            for (var k = first; k < document.TokenCount && document.TokenEnds[k] <= e.Range.End; k++)
            {
                if (tags[k] != "O") break;
                tags[k] = (k == first ? "B-" : "I-") + type;
            }
        }
        return tags;
    }

    private static List<string[]> Predict(IEntityRecognizer ner, List<ConllSentence> sentences, string id)
    {
        var (text, starts, ends, sentenceStarts) = NerTagger.Join(sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList());
        var doc = new Document
        {
            Meta = new DocumentMeta(id, id),
            Text = text,
            Segments = [new TextRange(0, text.Length)],
            TokenStarts = starts,
            TokenEnds = ends,
            SentenceStarts = sentenceStarts,
        };
        var tags = ToIob2(doc, ner.Recognize(doc));
        var result = new List<string[]>(sentences.Count);
        foreach (var (s, i) in sentences.Select((s, i) => (s, i))) result.Add(tags[sentenceStarts[i]..(sentenceStarts[i] + s.Words.Count)]);
        return result;
    }

    private sealed record ConllSentence(bool IsDocStart, List<string> Lines, List<string> Words, List<string> Gold);

    private static IEnumerable<ConllSentence> ReadSentences(TextReader reader)
    {
        var current = new ConllSentence(false, [], [], []);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                if (current.Words.Count > 0) yield return current;
                current = new ConllSentence(false, [], [], []);
                continue;
            }
            if (fields[0] == "-DOCSTART-")
            {
                if (current.Words.Count > 0) yield return current;
                current = new ConllSentence(false, [], [], []);
                yield return new ConllSentence(true, [line.TrimEnd()], [], []);
                continue;
            }
            if (fields.Length < 2) throw new FormatException($"LANG007: CoNLL line '{line}' has no tag column.");
            current.Lines.Add(line.TrimEnd());
            current.Words.Add(fields[0]);
            current.Gold.Add(fields[^1]);
        }
        if (current.Words.Count > 0) yield return current;
    }

    private sealed class Scorer
    {
        private readonly Dictionary<string, (int Gold, int Predicted, int Correct)> _byType = new(StringComparer.Ordinal);
        private int _tokens, _correctTags, _sentences;

        public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
        {
            if (gold.Count != predicted.Count) throw new ArgumentException("LANG008: gold and predicted tag sequences differ in length.");
            _sentences++;
            _tokens += gold.Count;
            for (var k = 0; k < gold.Count; k++) if (gold[k] == predicted[k]) _correctTags++;
            var goldChunks = Chunks(gold);
            var predictedChunks = Chunks(predicted);
            var goldSet = new HashSet<Chunk>(goldChunks);
            foreach (var c in goldChunks) Bump(c.Type, 1, 0, 0);
            foreach (var c in predictedChunks) Bump(c.Type, 0, 1, goldSet.Contains(c) ? 1 : 0);
        }

        private void Bump(string type, int gold, int predicted, int correct)
        {
            var v = _byType.GetValueOrDefault(type);
            _byType[type] = (v.Gold + gold, v.Predicted + predicted, v.Correct + correct);
        }

        public NerScore Result()
        {
            var perType = new SortedDictionary<string, TypeScore>(StringComparer.Ordinal);
            int g = 0, p = 0, c = 0;
            foreach (var (type, v) in _byType)
            {
                perType[type] = new TypeScore(v.Gold, v.Predicted, v.Correct);
                g += v.Gold; p += v.Predicted; c += v.Correct;
            }
            return new NerScore(new TypeScore(g, p, c), perType, _tokens, _correctTags, _sentences);
        }
    }

    private static (string Tag, string Type) SplitTag(string tag)
    {
        // conlleval: /^([^-]*)-(.*)$/ — everything before the first hyphen is the tag, the rest the type.
        var dash = tag.IndexOf('-');
        return dash < 0 ? (tag, "") : (tag[..dash], tag[(dash + 1)..]);
    }

    private static bool EndOfChunk(string prevTag, string tag, string prevType, string type) =>
        (prevTag == "B" && tag is "B" or "O" or "S")
        || (prevTag == "I" && tag is "B" or "O" or "S")
        || (prevTag == "E" && tag is "E" or "I" or "O" or "B" or "S")
        || prevTag == "S"
        || (prevTag != "O" && prevTag != "." && prevType != type)
        || prevTag is "]" or "[";

    private static bool StartOfChunk(string prevTag, string tag, string prevType, string type) =>
        (tag == "B")
        || (tag == "S")
        || (prevTag is "O" or "E" or "S" && tag is "I" or "E")
        || (tag != "O" && tag != "." && prevType != type)
        || tag is "[" or "]";
}
