namespace Sitrep.ArticleText;

/// <summary>The warnings an extraction can carry, in one place.</summary>
public static class ArticleWarnings
{
    public const string NoText = "no article text found";
    public const string EmptyInput = "empty input";
    public const string NotHtml = "content could not be parsed as HTML";

    /// <summary>A decoding fallback was used.</summary>
    public static string DecodedAs(string encoding) => "charset unknown; decoded as " + encoding;
}
