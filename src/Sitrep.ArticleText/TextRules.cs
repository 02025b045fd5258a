using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Sitrep.ArticleText;

/// <summary>
/// Every heuristic of the plain-text line judge in one place: named thresholds and the line patterns for
/// boilerplate, comment sections, scripture and article separators. Patterns are anchored and backtrack-safe.
/// </summary>
public static partial class TextRules
{
    /// <summary>A line with at least this many words and sentence punctuation is article body.</summary>
    public const int BodyMinWords = 10;
    /// <summary>A line this long is body even without final punctuation (a paragraph cut short).</summary>
    public const int BodyMinWordsUnpunctuated = 25;
    /// <summary>A sentence this long can open the article even when it is shorter than a body paragraph.</summary>
    public const int LeadMinWords = 5;
    /// <summary>A headline has at least this many words...</summary>
    public const int HeadlineMinWords = 2;
    /// <summary>...and at most this many.</summary>
    public const int HeadlineMaxWords = 25;
    /// <summary>A body line needs at least this share of stop words (when it has enough words to judge).</summary>
    public const double BodyMinStopWordShare = 0.08;
    /// <summary>Longest line that can be a scripture verse following its reference.</summary>
    public const int VerseMaxChars = 400;
    /// <summary>How many lines after a candidate headline a date line or byline may appear to mark a new article.</summary>
    public const int NewArticleDateWindow = 2;

    /// <summary>Common English function words, for the stop-word share of a line.</summary>
    public static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "that", "this", "these", "those",
        "he", "she", "they", "we", "his", "her", "their", "our", "who", "which", "said", "says", "not", "after",
        "over", "than", "also", "will", "would", "could", "there", "about", "when", "while", "if", "so", "no",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>A line that starts the comment section: it and everything after it is dropped.</summary>
    [GeneratedRegex(@"^(?:No comments?:?|Post a Comment|Please enter your comment!?|Notify of|\d{1,6} (?:Comments?|Responses?|Replies|Thoughts? on\b.*)|Oldest|Newest(?: Most Voted)?|Leave a (?:Reply|Comment)\b.*|Add (?:a|your) comment\b.*|Join the (?:discussion|conversation)\b.*|Comments?(?: \(\d+\))?:?|View (?:all )?comments|Show comments|Inline Feedbacks|Most Voted|Write a comment\b.*|Comments are closed\.?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CommentStart();

    /// <summary>
    /// A photo caption or an author's sign-off, recognised by its ending: "(AP Photo/Alan Diaz, File)",
    /// "(Photo by Kevin Mazur/Getty Images)", "Follow her on Twitter @x." Unanchored at the start, so it scans each
    /// '(' once; the quantifiers are bounded.
    /// </summary>
    [GeneratedRegex(@"\((?:[\p{L}.]{1,12} ){0,2}(?:photo|image|picture|foto|credit)s?\b[^()]{0,80}\)\.?$|\bfollow (?:him|her|them|us|me) on (?:twitter|facebook|instagram)\b[^.]{0,80}\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CaptionOrSignOff();

    /// <summary>
    /// A call to action of the site rather than the story ("Sign up for our newsletter", "Join our forums", "Like
    /// this story? Share it", "Follow @x on Twitter"): furniture when it opens or closes the article.
    /// </summary>
    [GeneratedRegex(@"\b(?:subscribe|sign up|newsletters?|follow (?:us|@\w+|[^.!?]{1,60}\bon (?:twitter|facebook|instagram))|join (?:us|our)\b|share (?:it|this)\b|click here|like this (?:story|article)|delivered (?:to|through) your|get the latest)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CallToAction();

    /// <summary>
    /// A date or time stamp ("11/18/19 11:04 PM", "2018-09-16", "August 08, 2018", "Updated 1:23 PM EST"): a short
    /// line holding one, and no sentence, is a dateline or byline of the page, not article text (unless it attributes a
    /// quotation: "— Jane Doe (@jane) November 18, 2019" signs an embedded post).
    /// </summary>
    [GeneratedRegex(@"\b(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}:\d{2}\s?[ap]\.?m\b\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,? \d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DateStamp();

    /// <summary>Furniture lines of bounded length (none longer than <see cref="ShortFurnitureMaxChars"/>).</summary>
    private const string ShortFurniture = @"advertisement|advertising|advert|sponsored(?: content)?|ad|this slideshow requires javascript\.?|tell us what you think\b.{0,40}|don[’']?t miss:?|trending(?: now)?:?|sharing is caring!?|\d+ ?shares?|sponsored links?|.{0,120}\((?:image|photo|picture)s?: [^)]{0,60}\)|.{0,80}\b(?:getty images|shutterstock|ap photo|afp photo)\)?|share(?: this(?: article| story)?)?:?|tweet|email|print|subscribe\b.{0,60}|sign up\b.{0,80}|support [\p{L}\p{N} .'&-]{1,40}|donate\b.{0,60}|(?:read|see) more\b.{0,80}|(?:related|more)(?: (?:stories|articles|posts|news|coverage))?:?|recommended(?: for you)?:?|representational (?:image|photo)|file (?:photo|image)|(?:photo|image|picture|video)(?: credit)?:.{0,120}|\((?:photo|image|picture)\b[^)]{0,120}\)|please enter your name here|copyright\b.{0,100}|previous (?:article|post)|next (?:article|post)|home|menu|search|skip to (?:main )?content|loading\.*|text size|caption|close|back to gallery|image \d+ of \d+";

    /// <summary>Furniture lines of any length: a label or notice followed by anything.</summary>
    private const string AnyLengthFurniture = @"related (?:tags|roundup|topics|coverage)\b.*|post (?:a )?comment\b.*|.{0,80}©.*|click (?:here|to)\b.*|tap to\b.*|follow us\b.*|you (?:may|might) also (?:like|be interested in)\b.*|.{0,60}\b(?:we use cookies|uses cookies|cookie policy|accept (?:all )?cookies)\b.*|comment moderation is enabled\b.*|you must be logged in\b.*|all rights reserved\b.*|©.*|tags?(?::.*)?|filed under:?.*";

    /// <summary>Lines that are page furniture wherever they appear.</summary>
    [GeneratedRegex("^(?:" + ShortFurniture + "|" + AnyLengthFurniture + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Boilerplate();

    /// <summary>The furniture patterns that can match a line longer than <see cref="ShortFurnitureMaxChars"/>.</summary>
    [GeneratedRegex("^(?:" + AnyLengthFurniture + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LongBoilerplate();

    /// <summary>
    /// Longest line the bounded furniture patterns can match, and longest line judged as a counter, comment-section
    /// header, separator, scripture reference or byline: longer lines (most body paragraphs) are tried against the
    /// any-length furniture only.
    /// </summary>
    public const int ShortFurnitureMaxChars = 200;

    /// <summary>Whether a line is page furniture (the same answer as <see cref="Boilerplate"/>, cheaper on long lines).</summary>
    public static bool IsBoilerplate(string line) =>
        line.Length <= ShortFurnitureMaxChars ? Boilerplate().IsMatch(line) : LongBoilerplate().IsMatch(line);

    /// <summary>Donation and fundraising counters: "2,500 $", "$ 5,000", "3 DAYS LEFT UNTIL THE END OF SEPTEMBER".</summary>
    [GeneratedRegex(@"^(?:[$€£]\s?[\d.,]+|[\d.,]+\s?[$€£]|\d{1,3}%|\d{1,3} (?:days?|hours?) left\b.*|.{0,40}\bgoal\b.{0,40}[$€£].*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Counter();

    /// <summary>A scripture reference standing alone: "Job 18:11", "1 John 4:8", "Joe 3:9-10".</summary>
    [GeneratedRegex(@"^(?:[1-3] ?)?[A-Z][a-z]{1,14}\.? \d{1,3}:\d{1,3}(?:[-–]\d{1,3})?$", RegexOptions.CultureInvariant)]
    public static partial Regex ScriptureReference();

    /// <summary>A marker between two articles on one page: "(ALSO)", "ALSO:", "* * *", "---".</summary>
    [GeneratedRegex(@"^(?:\(ALSO\)|ALSO:?|\*(?: ?\*){2,}|[-_=~]{3,}|#{3,})$", RegexOptions.CultureInvariant)]
    public static partial Regex ArticleSeparator();

    /// <summary>A byline: "By Jane Doe", "By JANE DOE and John Roe, Reuters".</summary>
    [GeneratedRegex(@"^By [\p{Lu}][\p{L}.'’-]*(?: [\p{L}.'’,&-]+){0,8}$", RegexOptions.CultureInvariant)]
    public static partial Regex Byline();

    /// <summary>Longest paragraph judged by <see cref="CallToAction"/> at either end of the article.</summary>
    public const int CallToActionMaxChars = 300;
    /// <summary>Longest line judged by <see cref="DateStamp"/> (in words).</summary>
    public const int DateStampMaxWords = 14;

    /// <summary>A line that is a single word or name, like a commenter's handle or a site name.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}_.@-]{1,30}$", RegexOptions.CultureInvariant)]
    public static partial Regex SingleToken();
}
