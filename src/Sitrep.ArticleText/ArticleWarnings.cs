namespace Sitrep.ArticleText;

/// <summary>The warnings an extraction can carry, in one place.</summary>
public static class ArticleWarnings
{
    public const string NoText = "no article text found";
    public const string EmptyInput = "empty input";
    public const string NotHtml = "content could not be parsed as HTML";

    /// <summary>The page was longer than <see cref="HtmlRules.MaxPageBytes"/>; only its start was read.</summary>
    public static string Truncated(long bytes) =>
        $"page of {bytes} bytes cut to its first {HtmlRules.MaxPageBytes} bytes";

    /// <summary>The page was too long for the HTML parser; its text was taken without parsing.</summary>
    public static string TooLongToParse(int chars) =>
        $"page of {chars} characters is over the parser's limit of {HtmlRules.MaxParsedChars}; text taken without parsing";

    /// <summary>The page nested too deep for the HTML parser; its text was taken without parsing.</summary>
    public static string TooDeepToParse(int depth) =>
        $"page nests over {Math.Min(depth, HtmlRules.MaxParsedDepth)} elements deep, over the parser's limit; text taken without parsing";

    /// <summary>A decoding fallback was used.</summary>
    public static string DecodedAs(string encoding) => "charset unknown; decoded as " + encoding;
}
