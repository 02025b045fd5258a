namespace Sitrep.Dates;

/// <summary>What a lexicon word means to the time-expression matcher.</summary>
internal enum LexKind : byte
{
    None = 0,
    /// <summary>Full month name; Value = 1..12.</summary>
    Month,
    /// <summary>Abbreviated month ("Aug", "Sept"); only accepted next to a number; Value = 1..12.</summary>
    MonthAbbrev,
    /// <summary>Weekday; Value = (int)DayOfWeek.</summary>
    Weekday,
    /// <summary>Cardinal number word ("two", "a"); Value = the number.</summary>
    Number,
    /// <summary>Vague count ("few", "several"); Value = the count assumed when a range needs one.</summary>
    VagueCount,
    /// <summary>Ordinal word ("third"); Value = the ordinal.</summary>
    Ordinal,
    /// <summary>Calendar unit; Value = <see cref="TimeUnit"/>.</summary>
    Unit,
    /// <summary>Deictic day word; Value = day offset from publication (today 0, yesterday -1...).</summary>
    RelativeDay,
    /// <summary>Part of a day ("morning", "night") that attaches to a day expression.</summary>
    DayPart,
    /// <summary>Sub-range modifier; Value = <see cref="SubRange"/>.</summary>
    Modifier,
    /// <summary>Determiner choosing among calendar periods; Value = <see cref="Pointer"/>.</summary>
    Pointer,
    /// <summary>"ago", "earlier", "before", "later": direction of an offset; Value = -1 or +1.</summary>
    Direction,
    /// <summary>A word that refers to a vague time; Value = <see cref="VagueRef"/>.</summary>
    Vague,
    /// <summary>
    /// An Islamic-calendar period; Value = Hijri month * 100 + day (day 0 = the whole month), or 0 when it needs a
    /// following word to say which ("Eid al-Fitr" / "Eid al-Adha"), or -1 when it has no single date (Hajj).
    /// </summary>
    LunarHoliday,
    /// <summary>Ordinal suffix glued to a number ("st", "th").</summary>
    OrdinalSuffix,
    /// <summary>Preposition or cue word that makes a bare month or year a date ("in", "since").</summary>
    DateCue,
    /// <summary>"quarter".</summary>
    Quarter,
    /// <summary>Decade word ("nineties"); Value = the decade's first year within a century (90).</summary>
    DecadeWord,
    /// <summary>Tense cue before a weekday that makes it future ("will").</summary>
    FutureCue,
    /// <summary>Past reporting verb ("said", "announced"): a future cue beyond it belongs to another clause.</summary>
    PastReportCue,
    /// <summary>Season; Value = its first month in the northern hemisphere (spring 3, summer 6, autumn 9, winter 12).</summary>
    Season,
}

/// <summary>Calendar units for offsets and ranges.</summary>
internal enum TimeUnit : byte { Hour = 1, Day, Week, Weekend, Month, Year, Decade }

/// <summary>Which part of a month or year an "early/mid/late" modifier picks.</summary>
internal enum SubRange : byte { Early = 1, Mid, Late }

/// <summary>How a determiner picks a period relative to publication.</summary>
internal enum Pointer : byte { Last = 1, This, Next, Past, Previous }

/// <summary>Vague references that stay unresolved, by TimeML class.</summary>
internal enum VagueRef : byte { Past = 1, Present, Future }

/// <summary>A lexicon entry: kind and value.</summary>
internal readonly record struct Lex(LexKind Kind, int Value);

/// <summary>
/// Every word the time-expression matcher knows, with its meaning: the heuristics as data in one place.
/// Lookups are case-insensitive and allocation-free (span lookup).
/// </summary>
internal static class DateLexicon
{
    /// <summary>Year range a bare four-digit number must fall in to be read as a year.</summary>
    public const int MinYear = 1900, MaxYear = 2100;

    /// <summary>Days of a month that "early" (1..10), "mid" (11..20) and "late" (21..end) cover.</summary>
    public const int EarlyLastDay = 10, MidLastDay = 20;

    /// <summary>Two-digit years up to this many years after publication are read as this century.</summary>
    public const int TwoDigitYearFutureWindow = 10;

    /// <summary>
    /// A month and day without a year is read as the latest such date no more than this many days after
    /// publication ("Nov. 16" in an article of Nov. 2 is upcoming; "March 31" in November is past).
    /// </summary>
    public const int MonthDayFutureWindowDays = 31;

    /// <summary>
    /// Longest span (days) a range may have and still get month granularity; longer ranges get year granularity.
    /// Up to 1 day is day, up to 7 days week.
    /// </summary>
    public const int MonthGranularityMaxDays = 92;

    /// <summary>Words looked back over (within the sentence) for a future cue before a date.</summary>
    public const int FutureCueLookback = 10;

    /// <summary>How far (characters) a named quarter stays in focus for a following "a year earlier".</summary>
    public const int QuarterFocusChars = 400;

    /// <summary>Words looked ahead over (within the sentence) for a future cue after a date.</summary>
    public const int FutureCueLookahead = 4;

    private static readonly Dictionary<string, Lex> Words = Build();

    /// <summary>Span lookup over <see cref="Words"/>, so matching does not allocate.</summary>
    public static readonly Dictionary<string, Lex>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, Lex> Build()
    {
        var d = new Dictionary<string, Lex>(StringComparer.OrdinalIgnoreCase);
        void Add(LexKind kind, int value, params string[] words)
        {
            foreach (var w in words) d[w] = new Lex(kind, value);
        }

        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"];
        for (var m = 0; m < 12; m++) Add(LexKind.Month, m + 1, months[m]);
        Add(LexKind.MonthAbbrev, 1, "jan");
        Add(LexKind.MonthAbbrev, 2, "feb");
        Add(LexKind.MonthAbbrev, 3, "mar");
        Add(LexKind.MonthAbbrev, 4, "apr");
        Add(LexKind.MonthAbbrev, 6, "jun");
        Add(LexKind.MonthAbbrev, 7, "jul");
        Add(LexKind.MonthAbbrev, 8, "aug");
        Add(LexKind.MonthAbbrev, 9, "sep", "sept");
        Add(LexKind.MonthAbbrev, 10, "oct");
        Add(LexKind.MonthAbbrev, 11, "nov");
        Add(LexKind.MonthAbbrev, 12, "dec");

        Add(LexKind.Weekday, (int)DayOfWeek.Monday, "monday");
        Add(LexKind.Weekday, (int)DayOfWeek.Tuesday, "tuesday", "tues");
        Add(LexKind.Weekday, (int)DayOfWeek.Wednesday, "wednesday");
        Add(LexKind.Weekday, (int)DayOfWeek.Thursday, "thursday", "thurs");
        Add(LexKind.Weekday, (int)DayOfWeek.Friday, "friday");
        Add(LexKind.Weekday, (int)DayOfWeek.Saturday, "saturday");
        Add(LexKind.Weekday, (int)DayOfWeek.Sunday, "sunday");

        Add(LexKind.Number, 1, "a", "an", "one");
        string[] numbers = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
        for (var n = 0; n < numbers.Length; n++) Add(LexKind.Number, n + 2, numbers[n]);
        Add(LexKind.Number, 30, "thirty");
        // Tens complete spelled-out years ("nineteen ninety-four") and counts ("forty days ago").
        Add(LexKind.Number, 40, "forty");
        Add(LexKind.Number, 50, "fifty");
        Add(LexKind.Number, 60, "sixty");
        Add(LexKind.Number, 70, "seventy");
        Add(LexKind.Number, 80, "eighty");
        Add(LexKind.Number, 90, "ninety");
        // Vague counts: the upper value a range ending at publication assumes (documented in README).
        Add(LexKind.VagueCount, 2, "couple");
        Add(LexKind.VagueCount, 3, "few");
        Add(LexKind.VagueCount, 7, "several");

        Add(LexKind.Ordinal, 1, "first");
        Add(LexKind.Ordinal, 2, "second");
        Add(LexKind.Ordinal, 3, "third");
        Add(LexKind.Ordinal, 4, "fourth");
        Add(LexKind.OrdinalSuffix, 0, "st", "nd", "rd", "th");

        Add(LexKind.Unit, (int)TimeUnit.Hour, "hour", "hours");
        Add(LexKind.Unit, (int)TimeUnit.Day, "day", "days");
        Add(LexKind.Unit, (int)TimeUnit.Week, "week", "weeks");
        Add(LexKind.Unit, (int)TimeUnit.Weekend, "weekend");
        Add(LexKind.Unit, (int)TimeUnit.Month, "month", "months");
        Add(LexKind.Unit, (int)TimeUnit.Year, "year", "years");
        Add(LexKind.Unit, (int)TimeUnit.Decade, "decade", "decades");

        Add(LexKind.RelativeDay, 0, "today", "tonight");
        Add(LexKind.RelativeDay, -1, "yesterday");
        Add(LexKind.RelativeDay, 1, "tomorrow");
        Add(LexKind.DayPart, 0, "morning", "afternoon", "evening", "night", "overnight");

        Add(LexKind.Modifier, (int)SubRange.Early, "early", "beginning", "start");
        Add(LexKind.Modifier, (int)SubRange.Mid, "mid", "middle");
        Add(LexKind.Modifier, (int)SubRange.Late, "late", "end");

        Add(LexKind.Pointer, (int)Pointer.Last, "last");
        Add(LexKind.Pointer, (int)Pointer.This, "this");
        Add(LexKind.Pointer, (int)Pointer.Next, "next", "coming");
        Add(LexKind.Pointer, (int)Pointer.Past, "past");
        Add(LexKind.Pointer, (int)Pointer.Previous, "previous", "preceding");

        Add(LexKind.Direction, -1, "ago", "earlier", "before");
        Add(LexKind.Direction, 1, "later", "after", "hence");

        Add(LexKind.Vague, (int)VagueRef.Past, "recently", "lately");
        Add(LexKind.Vague, (int)VagueRef.Present, "now", "currently", "nowadays", "presently");
        Add(LexKind.Vague, (int)VagueRef.Future, "soon");

        Add(LexKind.LunarHoliday, 900, "ramadan", "ramadhan", "ramazan");
        Add(LexKind.LunarHoliday, 100, "muharram");
        Add(LexKind.LunarHoliday, 110, "ashura");
        Add(LexKind.LunarHoliday, 0, "eid");
        Add(LexKind.LunarHoliday, -1, "hajj");
        // After "Eid al-": which Eid (Hijri month * 100 + day).
        Add(LexKind.LunarHoliday, 1001, "fitr");
        Add(LexKind.LunarHoliday, 1210, "adha");

        Add(LexKind.DateCue, 0, "in", "on", "since", "by", "until", "till", "from", "during", "between", "through", "of", "throughout", "around", "fiscal", "circa", "as");

        Add(LexKind.Quarter, 0, "quarter");
        Add(LexKind.DecadeWord, 20, "twenties");
        Add(LexKind.DecadeWord, 30, "thirties");
        Add(LexKind.DecadeWord, 40, "forties");
        Add(LexKind.DecadeWord, 50, "fifties");
        Add(LexKind.DecadeWord, 60, "sixties");
        Add(LexKind.DecadeWord, 70, "seventies");
        Add(LexKind.DecadeWord, 80, "eighties");
        Add(LexKind.DecadeWord, 90, "nineties");

        Add(LexKind.Season, 3, "spring");
        Add(LexKind.Season, 6, "summer");
        Add(LexKind.Season, 9, "autumn", "fall");
        Add(LexKind.Season, 12, "winter");

        Add(LexKind.FutureCue, 0, "will", "shall", "would", "scheduled", "expected", "expect", "expects", "planned", "plans",
            "intends", "upcoming", "payable", "due", "effective", "supposed");
        Add(LexKind.PastReportCue, 0, "said", "says", "announced", "told", "reported", "added", "stated", "disclosed");
        return d;
    }

    /// <summary>Titles and company words written with a period that does not end the sentence ("Mr.", "Corp.").</summary>
    private static readonly HashSet<string> PeriodAbbreviations = new(
        ["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "gov", "sen", "rep", "sec", "inc",
         "corp", "co", "ltd", "jr", "sr", "no", "vs", "messrs", "prof", "adm", "cmdr", "brig"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PeriodAbbreviationLookup =
        PeriodAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a word whose following period abbreviates rather than ends a sentence.</summary>
    public static bool IsAbbreviationBeforePeriod(ReadOnlySpan<char> word) => PeriodAbbreviationLookup.Contains(word);

    /// <summary>
    /// Lexicon kinds a pattern can open with (a month, a weekday, "two", "several", "third", "yesterday", "last",
    /// "recently", "Ramadan", "summer"). Every other kind only follows or precedes the word a pattern starts at.
    /// </summary>
    private static readonly bool[] OpeningKinds = KindsThatOpen(
        LexKind.Month, LexKind.MonthAbbrev, LexKind.Weekday, LexKind.Number, LexKind.VagueCount, LexKind.Ordinal,
        LexKind.RelativeDay, LexKind.Pointer, LexKind.Vague, LexKind.LunarHoliday, LexKind.Season);

    /// <summary>
    /// Words a pattern opens with literally, whatever their lexicon kind ("the third quarter", "since May", "from 1 to
    /// 3 May", "early June", "earlier this year", "recent weeks", "the holy month of", "fiscal 2018"). Keep in step with
    /// the matcher: a pattern that starts at a new word needs that word here, or the word's kind in OpeningKinds.
    /// </summary>
    private static readonly string[] OpeningWords =
        ["the", "since", "from", "between", "early", "mid", "late", "earlier", "later", "recent", "holy", "fiscal"];

    private static bool[] KindsThatOpen(params LexKind[] kinds)
    {
        var table = new bool[256];
        foreach (var k in kinds) table[(int)k] = true;
        return table;
    }

    /// <summary>
    /// Whether a time expression can start at this word: the matcher skips every other word, so most tokens of a text
    /// cost one table read instead of a try of every pattern.
    /// </summary>
    public static bool CanOpen(Lex lex, ReadOnlySpan<char> word)
    {
        if (OpeningKinds[(int)lex.Kind]) return true;
        foreach (var w in OpeningWords)
            if (w.Length == word.Length && word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The entry for <paramref name="word"/>, or default (None).</summary>
    public static Lex Get(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var lex) ? lex : default;
}
