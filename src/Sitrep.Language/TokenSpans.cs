using Sitrep.Core;

namespace Sitrep.Language;

/// <summary>Token boundaries as parallel arrays of start and (exclusive) end character offsets.</summary>
public readonly record struct TokenSpans(int[] Starts, int[] Ends)
{
    /// <summary>Number of tokens.</summary>
    public int Count => Starts.Length;

    /// <summary>The half-open character range of token <paramref name="index"/>.</summary>
    public TextRange Range(int index) => new(Starts[index], Ends[index]);
}
