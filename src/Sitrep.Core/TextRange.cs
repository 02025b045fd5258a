namespace Sitrep.Core;

/// <summary>A half-open character range [Start, End) into a document's text.</summary>
public readonly record struct TextRange(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the range covers no characters.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>True when <paramref name="offset"/> lies inside the range.</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>True when <paramref name="other"/> lies entirely inside this range.</summary>
    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two ranges share at least one character.</summary>
    public bool Overlaps(TextRange other) => Start < other.End && other.Start < End;

    /// <summary>The smallest range covering both.</summary>
    public TextRange Union(TextRange other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>The covered text of <paramref name="text"/>.</summary>
    public string Slice(string text) => text.Substring(Start, Length);

    /// <summary>A range moved by <paramref name="delta"/> characters.</summary>
    public TextRange Shift(int delta) => new(Start + delta, End + delta);

    public override string ToString() => $"[{Start},{End})";
}
