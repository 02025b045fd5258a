using Sitrep.Core;

namespace Sitrep.Dates;

/// <summary>
/// Finds time expressions in English news text and resolves them against the publication date (the anchor),
/// never the clock. Refusals ("recently", "during Ramadan", relative dates without an anchor) are returned as
/// unresolved mentions with their reason. Conventions are documented in src/Sitrep.Dates/README.md.
/// Thread-safe; one instance can serve every thread.
/// </summary>
public sealed class TimeExpressionRecognizer
{
    [ThreadStatic] private static Tok[]? t_tokens;

    /// <summary>All time expressions in <paramref name="text"/>, resolved against <paramref name="anchor"/>.</summary>
    public IReadOnlyList<TimeMention> Find(string text, DateOnly? anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hits = FindHits(text, anchor);
        var result = new TimeMention[hits.Count];
        for (var k = 0; k < hits.Count; k++)
        {
            var h = hits[k];
            result[k] = new TimeMention(h.Range, h.Range.Slice(text), h.Date);
        }
        return result;
    }

    /// <summary>
    /// The recognised expressions with their TIMEX3 kind (for evaluation). <paramref name="everyToken"/> tries the
    /// patterns at every token instead of only where one can open: slower, for tests that check the two agree.
    /// </summary>
    internal List<TimeHit> FindHits(string text, DateOnly? anchor, bool everyToken = false)
    {
        // Calendar arithmetic needs room on both sides of the anchor; no real publication date is near year 1 or 9999.
        if (anchor is { Year: < 2 or > 9998 }) anchor = null;
        var tokens = t_tokens ?? new Tok[256];
        var n = TimeTokenizer.Tokenize(text, ref tokens);
        t_tokens = tokens;
        var hits = new List<TimeHit>();
        var m = new Matcher(text, tokens.AsSpan(0, n), anchor);
        TimeHit? lastQuarter = null;
        var i = 0;
        while (i < n)
        {
            if ((everyToken || CanOpen(text, tokens[i])) && m.TryAt(i, out var p))
            {
                var hit = new TimeHit(new TextRange(tokens[i].Start, tokens[p.End - 1].End), p.Date, p.Kind);
                hits.Add(QuarterInFocus(text, hit, lastQuarter) ?? hit);
                if (p.Kind == TimexKind.Quarter && p.Date.IsResolved) lastQuarter = hit;
                i = p.End;
            }
            else i++;
        }
        return hits;
    }

    /// <summary>
    /// Whether any pattern can start at this token: a number, an apostrophe ("'90s") or a word the lexicon says can
    /// open one. Skipping the rest changes no match, since each pattern first tests the token it starts at.
    /// </summary>
    private static bool CanOpen(string text, in Tok t) => t.Kind switch
    {
        TokKind.Number => true,
        TokKind.Punct => t.Char is '\'' or '’',
        _ => DateLexicon.CanOpen(t.Lex, text.AsSpan(t.Start, t.End - t.Start)),
    };

    /// <summary>
    /// "a year earlier" / "a year ago" in a report about a quarter ("profit rose in the third quarter from $2 million
    /// a year earlier") means that quarter one year back — the anaphoric reading TimeML annotates — when a quarter
    /// was named shortly before. Otherwise null: the plain year reading stands.
    /// </summary>
    private static TimeHit? QuarterInFocus(string text, TimeHit hit, TimeHit? lastQuarter)
    {
        if (hit.Kind != TimexKind.Year || lastQuarter is not { } q || hit.Range.Start - q.Range.End > DateLexicon.QuarterFocusChars)
            return null;
        var words = hit.Range.Slice(text).ToLowerInvariant();
        if (words is not ("a year ago" or "a year earlier" or "one year ago" or "one year earlier")) return null;
        var start = q.Date.Start!.Value.AddYears(-1);
        var end = q.Date.End!.Value.AddYears(-1);
        return new TimeHit(hit.Range, ResolvedDate.Between(start, end, DateGranularity.Month,
            $"'{words}' after the quarter {q.Range.Slice(text)} → the same quarter a year earlier"), TimexKind.Quarter);
    }

    /// <summary>A parse starting at a given token: end token (exclusive), date and kind.</summary>
    private struct P
    {
        public int End;
        public ResolvedDate Date;
        public TimexKind Kind;

        public P(int end, ResolvedDate date, TimexKind kind) { End = end; Date = date; Kind = kind; }
    }

    private const string NoAnchor = "no publication date";

    /// <summary>Hand-written matcher over the tokens of one text; patterns tried from most to least specific.</summary>
    private readonly ref struct Matcher
    {
        private readonly string _text;
        private readonly ReadOnlySpan<Tok> _t;
        private readonly DateOnly? _anchor;

        public Matcher(string text, ReadOnlySpan<Tok> tokens, DateOnly? anchor)
        {
            _text = text;
            _t = tokens;
            _anchor = anchor;
        }

        private int N => _t.Length;

        // ---- token tests -------------------------------------------------------------------------------------

        private bool W(int i, string word) =>
            i < N && _t[i].Kind == TokKind.Word &&
            _text.AsSpan(_t[i].Start, _t[i].End - _t[i].Start).Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool Pc(int i, char c) => i < N && _t[i].Kind == TokKind.Punct && _t[i].Char == c;
        private bool Adj(int i) => i + 1 < N && _t[i].End == _t[i + 1].Start;
        private LexKind K(int i) => i < N && _t[i].Kind == TokKind.Word ? _t[i].Lex.Kind : LexKind.None;
        private int V(int i) => _t[i].Lex.Value;
        private bool IsNum(int i) => i < N && _t[i].Kind == TokKind.Number;
        // A number written as a word ("two", "ninety"), not the article "a"/"an" that the lexicon also reads as one.
        private bool NumberWord(int i) => K(i) == LexKind.Number && !W(i, "a") && !W(i, "an");
        private bool IsDash(int i) => Pc(i, '-') || Pc(i, '–') || Pc(i, '—');
        private bool IsApostrophe(int i) => Pc(i, '\'') || Pc(i, '’');
        private bool IsSentenceEnd(int i) =>
            (Pc(i, '.') && !IsAbbreviationPeriod(i)) || Pc(i, '!') || Pc(i, '?') || Pc(i, ';');

        /// <summary>
        /// The period of "Dec.", "Mr.", "Gen." or an initial ("P.") abbreviates: it ends no sentence, so tense cues
        /// before it still reach the date after it.
        /// </summary>
        private bool IsAbbreviationPeriod(int i)
        {
            if (i == 0 || !Adj(i - 1) || _t[i - 1].Kind != TokKind.Word) return false;
            var word = _text.AsSpan(_t[i - 1].Start, _t[i - 1].End - _t[i - 1].Start);
            return K(i - 1) == LexKind.MonthAbbrev
                || (word.Length == 1 && char.IsUpper(word[0]))
                || DateLexicon.IsAbbreviationBeforePeriod(word);
        }
        private string Word(int i) => _text.Substring(_t[i].Start, _t[i].End - _t[i].Start);
        private string Span(int from, int to) => _text.Substring(_t[from].Start, _t[to - 1].End - _t[from].Start);

        /// <summary>A day of month 1..31 ("30", "30th"), not glued to other letters or a clock colon.</summary>
        private bool DayNum(int i, out int day, out int end)
        {
            day = 0;
            end = i;
            if (!IsNum(i) || _t[i].Digits > 2 || _t[i].Number is < 1 or > 31) return false;
            if (i > 0 && Adj(i - 1) && (Pc(i - 1, ':') || Pc(i - 1, '.') || Pc(i - 1, ',') || IsNum(i - 1))) return false;
            day = _t[i].Number;
            end = i + 1;
            if (Adj(i))
            {
                if (K(i + 1) == LexKind.OrdinalSuffix) end = i + 2;
                else if (_t[i + 1].Kind == TokKind.Word || Pc(i + 1, '%') || (Pc(i + 1, ':') && Adj(i + 1) && IsNum(i + 2))) return false;
            }
            return true;
        }

        /// <summary>A four-digit year 1000..2999 standing alone ("2018", not "2,018" or "2018s").</summary>
        private bool Year4(int i, out int year)
        {
            year = 0;
            if (!IsNum(i) || _t[i].Digits != 4 || _t[i].Number is < 1000 or > 2999) return false;
            if (i > 0 && Adj(i - 1) && (Pc(i - 1, ',') || Pc(i - 1, '.') || Pc(i - 1, '$'))) return false;
            if (Adj(i) && (_t[i + 1].Kind == TokKind.Word || Pc(i + 1, '%') || (Pc(i + 1, ',') && i + 2 < N && IsNum(i + 2) && Adj(i + 1)))) return false;
            year = _t[i].Number;
            return true;
        }

        /// <summary>A year in digits, or spelled out as broadcast transcripts write it ("nineteen ninety-four").</summary>
        private bool YearAt(int i, out int year, out int next)
        {
            next = i + 1;
            return Year4(i, out year) || SpelledYear(i, out year, out next);
        }

        /// <summary>
        /// "nineteen ninety-four", "twenty fifteen", "two thousand [and] one": a century word (eleven..twenty) and
        /// two more digits, or "two thousand" with an optional remainder.
        /// </summary>
        private bool SpelledYear(int i, out int year, out int next)
        {
            year = 0;
            next = i;
            if (K(i) != LexKind.Number) return false;
            var head = V(i);
            if (head is >= 11 and <= 20 && TwoDigitWords(i + 1, out var rest, out next) && rest >= 10 &&
                !(W(next, "hundred") || W(next, "thousand") || W(next, "million") || (IsDash(next) && Adj(next - 1))))
            {
                year = head * 100 + rest;
                return true;
            }
            if (head != 2 || !W(i + 1, "thousand")) return false;
            year = 2000;
            next = i + 2;
            var k = W(next, "and") ? next + 1 : next;
            if (TwoDigitWords(k, out rest, out var after) && !W(after, "hundred")) { year += rest; next = after; }
            return true;
        }

        /// <summary>1..99 in words: "four", "fourteen", "ninety", "ninety-four", "ninety four".</summary>
        private bool TwoDigitWords(int i, out int value, out int next)
        {
            value = 0;
            next = i;
            if (!NumberWord(i) || V(i) is < 1 or > 90) return false;
            value = V(i);
            next = i + 1;
            if (value >= 20 && value % 10 == 0)
            {
                var u = IsDash(next) && Adj(i) ? next + 1 : next;
                if (NumberWord(u) && V(u) is >= 1 and <= 9) { value += V(u); next = u + 1; }
            }
            return true;
        }

        /// <summary>A capitalised month name or abbreviation ("Aug."); weak for abbreviations and May/March.</summary>
        private bool Month(int i, out int month, out int end, out bool weak)
        {
            month = 0;
            end = i;
            weak = false;
            var k = K(i);
            if (k is not (LexKind.Month or LexKind.MonthAbbrev) || !_t[i].Capitalized) return false;
            month = V(i);
            end = i + 1;
            if (k == LexKind.MonthAbbrev)
            {
                weak = true;
                if (Pc(end, '.') && Adj(i)) end++;
            }
            else weak = month is 3 or 5;
            return true;
        }

        /// <summary>True when the token before <paramref name="i"/> makes a bare month or year a date.</summary>
        private bool CueBefore(int i)
        {
            if (i == 0) return false;
            var k = K(i - 1);
            if (k is LexKind.DateCue or LexKind.Pointer or LexKind.Modifier or LexKind.Direction or LexKind.Month) return true;
            return IsDash(i - 1) && i >= 2 && K(i - 2) == LexKind.Modifier;
        }

        // ---- entry ------------------------------------------------------------------------------------------

        public bool TryAt(int i, out P p)
        {
            if (Since(i, out p)) return true;
            if (RangeFrom(i, out p)) return true;
            // "1-3 May 2018": a bare day, a dash, and a full date.
            if (DayNum(i, out var firstDay, out var afterDay) && IsDash(afterDay) && Core(afterDay + 1, out var second) &&
                second.Kind == TimexKind.Day && BareDayThen(firstDay, second, i, out p)) return true;
            if (!Core(i, out p)) return false;
            // "May 1-3", "1 May - 3 June": an explicit date followed by a dash and a second one.
            RangeTail(i, ref p);
            return true;
        }

        /// <summary>Every single expression, most specific first.</summary>
        private bool Core(int i, out P p) =>
            Modified(i, out p) || ExplicitDate(i, out p) || Decade(i, out p) || Quarter(i, out p) || HalfYear(i, out p) || Season(i, out p) ||
            Weekday(i, out p) || RelativeDay(i, out p) || PointerUnit(i, out p) || Offset(i, out p) ||
            EarlierThis(i, out p) || Vague(i, out p) || Lunar(i, out p) || MonthAlone(i, out p) || YearAlone(i, out p);

        // ---- ranges -----------------------------------------------------------------------------------------

        private bool Since(int i, out P p)
        {
            p = default;
            if (!W(i, "since") || !Core(i + 1, out var inner)) return false;
            if (!inner.Date.IsResolved) { p = new P(inner.End, inner.Date, TimexKind.None); return true; }
            if (_anchor is not { } a) { p = new P(inner.End, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            var start = inner.Date.Start!.Value;
            if (start > a) return false;
            p = new P(inner.End, ResolvedDate.Between(start, a, ForSpan(start, a),
                $"since {Span(i + 1, inner.End)} ({start:yyyy-MM-dd}) until publication {a:yyyy-MM-dd}"), inner.Kind);
            return true;
        }

        /// <summary>"between X and Y", "from X to Y" where X may be a bare day borrowing Y's month.</summary>
        private bool RangeFrom(int i, out P p)
        {
            p = default;
            var between = W(i, "between");
            if (!between && !W(i, "from")) return false;
            var j = i + 1;
            int firstDay = 0, afterFirst;
            P first = default;
            var bareFirst = !Core(j, out first);
            if (bareFirst)
            {
                if (!DayNum(j, out firstDay, out afterFirst)) return false;
            }
            else afterFirst = first.End;
            var c = afterFirst;
            if (between ? !W(c, "and") : !(W(c, "to") || W(c, "until") || W(c, "till") || W(c, "through") || IsDash(c))) return false;
            c++;
            if (Core(c, out var second))
            {
                if (bareFirst) return BareDayThen(firstDay, second, i, out p);
                return Join(first, second, i, second.End, out p);
            }
            if (!bareFirst && first.Kind == TimexKind.Day && DayNum(c, out var d2, out var e2))
                return DayThenBare(first, d2, i, e2, out p);
            return false;
        }

        /// <summary>Extends an explicit day by "-3" or "- 3 June" into a range.</summary>
        private void RangeTail(int i, ref P p)
        {
            if (p.Kind != TimexKind.Day || !IsDash(p.End)) return;
            var c = p.End + 1;
            if (ExplicitDate(c, out var second) && second.Kind == TimexKind.Day)
            {
                if (Join(p, second, i, second.End, out var joined)) p = joined;
            }
            else if (DayNum(c, out var d2, out var e2) && DayThenBare(p, d2, i, e2, out var r)) p = r;
        }

        private bool BareDayThen(int firstDay, P second, int from, out P p)
        {
            p = default;
            if (!second.Date.IsResolved) { p = new P(second.End, second.Date, TimexKind.None); return true; }
            if (second.Kind != TimexKind.Day) return false;
            var end = second.Date.Start!.Value;
            if (firstDay >= end.Day) return false;
            var start = new DateOnly(end.Year, end.Month, firstDay);
            p = new P(second.End, ResolvedDate.Between(start, end, ForSpan(start, end),
                $"range {Span(from, second.End)} → {start:yyyy-MM-dd}..{end:yyyy-MM-dd}"), TimexKind.Range);
            return true;
        }

        private bool DayThenBare(P first, int lastDay, int from, int endTok, out P p)
        {
            p = default;
            if (!first.Date.IsResolved || K(endTok) is LexKind.Month or LexKind.MonthAbbrev) return false;
            var start = first.Date.Start!.Value;
            if (lastDay <= start.Day || lastDay > DateTime.DaysInMonth(start.Year, start.Month)) return false;
            var end = new DateOnly(start.Year, start.Month, lastDay);
            p = new P(endTok, ResolvedDate.Between(start, end, ForSpan(start, end),
                $"range {Span(from, endTok)} → {start:yyyy-MM-dd}..{end:yyyy-MM-dd}"), TimexKind.Range);
            return true;
        }

        private bool Join(P first, P second, int from, int endTok, out P p)
        {
            p = default;
            if (!first.Date.IsResolved || !second.Date.IsResolved)
            {
                p = new P(endTok, ResolvedDate.Unresolved(first.Date.IsResolved ? second.Date.Reason : first.Date.Reason), TimexKind.None);
                return true;
            }
            var start = first.Date.Start!.Value;
            var end = second.Date.End!.Value;
            if (end < start) return false;
            p = new P(endTok, ResolvedDate.Between(start, end, ForSpan(start, end),
                $"range {Span(from, endTok)} → {start:yyyy-MM-dd}..{end:yyyy-MM-dd}"), first.Kind);
            return true;
        }

        // ---- explicit dates ---------------------------------------------------------------------------------

        private bool ExplicitDate(int i, out P p)
        {
            p = default;
            var j = i;
            DayOfWeek? weekday = null;
            if (K(j) == LexKind.Weekday)
            {
                weekday = (DayOfWeek)V(j);
                j++;
                if (Pc(j, ',')) j++;
                if (!IsNum(j) && K(j) is not (LexKind.Month or LexKind.MonthAbbrev)) return false;
            }
            if (Iso(j, out p) || Numeric(j, out p)) return true;

            int month, day, year, e;
            // Month Day [, Year] — "August 30, 2018", "Aug. 30".
            if (Month(j, out month, out e, out _) && DayNum(e, out day, out var e2))
            {
                if (Pc(e2, ',') && YearAt(e2 + 1, out year, out var y1)) return DayOf(year, month, day, y1, out p);
                if (YearAt(e2, out year, out var y2)) return DayOf(year, month, day, y2, out p);
                return DayNoYear(month, day, weekday, i, e2, out p);
            }
            // Day [of] Month [,] [Year] — "30 August 2018", "30th of Aug".
            if (DayNum(j, out day, out e))
            {
                var k = W(e, "of") ? e + 1 : e;
                if (!Month(k, out month, out var e3, out _)) return false;
                if (Pc(e3, ',') && YearAt(e3 + 1, out year, out var y1)) return DayOf(year, month, day, y1, out p);
                if (YearAt(e3, out year, out var y2)) return DayOf(year, month, day, y2, out p);
                return DayNoYear(month, day, weekday, i, e3, out p);
            }
            // Month [,|of] Year — "August 2018"; "June last year".
            if (j == i && Month(j, out month, out e, out _))
            {
                if (RelativeYearOffset(e) is { } offset)
                {
                    if (_anchor is not { } an) { p = new P(e + 2, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
                    var yr = an.Year + offset;
                    p = new P(e + 2, ResolvedDate.Month(yr, month, $"'{Span(i, e + 2)}' → {yr:D4}-{month:D2} (publication {an:yyyy-MM-dd})"), TimexKind.Month);
                    return true;
                }
                var k = Pc(e, ',') || W(e, "of") ? e + 1 : e;
                if (YearAt(k, out year, out var afterYear))
                {
                    p = new P(afterYear, ResolvedDate.Month(year, month, $"explicit month {year:D4}-{month:D2}"), TimexKind.Month);
                    return true;
                }
            }
            return false;
        }

        /// <summary>ISO "2018-08-30".</summary>
        private bool Iso(int j, out P p)
        {
            p = default;
            if (!Year4Raw(j) || !Adj(j) || !Pc(j + 1, '-') || !Adj(j + 1) || !Num2(j + 2) || !Adj(j + 2) ||
                !Pc(j + 3, '-') || !Adj(j + 3) || !Num2(j + 4)) return false;
            return DayOf(_t[j].Number, _t[j + 2].Number, _t[j + 4].Number, j + 5, out p);
        }

        /// <summary>
        /// "30/08/2018", "30.08.2018", "30-08-2018", "8/30/18": day-first unless the second number cannot be a month.
        /// </summary>
        private bool Numeric(int j, out P p)
        {
            p = default;
            if (!Num2(j) || !Adj(j) || j + 4 >= N) return false;
            var sep = _t[j + 1].Kind == TokKind.Punct ? _t[j + 1].Char : '\0';
            if (sep is not ('/' or '.' or '-') || !Adj(j + 1) || !Num2(j + 2) || !Adj(j + 2) || !Pc(j + 3, sep) ||
                !Adj(j + 3) || !IsNum(j + 4)) return false;
            var digits = _t[j + 4].Digits;
            if (digits != 4 && !(digits == 2 && sep == '/')) return false;
            if (Adj(j + 4) && (IsNum(j + 6) || _t[j + 5].Kind == TokKind.Word)) return false;
            int a = _t[j].Number, b = _t[j + 2].Number, y = _t[j + 4].Number;
            if (digits == 2) y = FullYear(y);
            int day, month;
            if (b <= 12) { day = a; month = b; }          // day-first: the default, and the only reading when a > 12
            else if (a <= 12) { day = b; month = a; }     // month-first only when the second number cannot be a month
            else return false;
            return DayOf(y, month, day, j + 5, out p);
        }

        /// <summary>A two-digit year: this century unless that is more than a few years after publication.</summary>
        private int FullYear(int yy)
        {
            if (_anchor is { } an) return 2000 + yy <= an.Year + DateLexicon.TwoDigitYearFutureWindow ? 2000 + yy : 1900 + yy;
            return yy >= 50 ? 1900 + yy : 2000 + yy;
        }

        private bool Year4Raw(int i) => IsNum(i) && _t[i].Digits == 4;
        private bool Num2(int i) => IsNum(i) && _t[i].Digits is 1 or 2;

        private static bool DayOf(int year, int month, int day, int end, out P p)
        {
            p = default;
            if (month is < 1 or > 12 || day < 1 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month)) return false;
            var d = new DateOnly(year, month, day);
            p = new P(end, ResolvedDate.Day(d, $"explicit date {d:yyyy-MM-dd}"), TimexKind.Day);
            return true;
        }

        /// <summary>
        /// Month and day without a year: the latest such date up to a month after publication (future tense: the
        /// next one); a stated weekday that fits only one of the neighbouring years picks that year.
        /// </summary>
        private bool DayNoYear(int month, int day, DayOfWeek? weekday, int from, int end, out P p)
        {
            p = default;
            if (day > DateTime.DaysInMonth(2000, month)) return false; // Feb 29 allowed: 2000 is a leap year
            if (_anchor is not { } a)
            {
                p = new P(end, ResolvedDate.Unresolved($"{NoAnchor}: month and day without a year"), TimexKind.None);
                return true;
            }
            DateOnly? best = null;
            var future = FutureCueBefore(from);
            var limit = a.AddDays(DateLexicon.MonthDayFutureWindowDays);
            for (var y = a.Year + 1; y >= a.Year - 1; y--)
            {
                if (day > DateTime.DaysInMonth(y, month)) continue;
                var c = new DateOnly(y, month, day);
                // Future tense: the next such date on or after publication; otherwise the latest within the window.
                if (future ? c >= a : c <= limit) best = c;
                if (!future && best is not null) break;
            }
            if (weekday is { } wd && best is { } b && b.DayOfWeek != wd)
            {
                for (var y = a.Year - 1; y <= a.Year + 1; y++)
                    if (day <= DateTime.DaysInMonth(y, month) && new DateOnly(y, month, day).DayOfWeek == wd) { best = new DateOnly(y, month, day); break; }
            }
            if (best is not { } d) return false;
            p = new P(end, ResolvedDate.Day(d, $"'{Span(from, end)}' without year → {d:yyyy-MM-dd} ({(future ? "next after" : "latest up to a month after")} publication {a:yyyy-MM-dd})"), TimexKind.Day);
            return true;
        }

        // ---- modifiers, decades, quarters --------------------------------------------------------------------

        /// <summary>"early/mid/late X", "the beginning/middle/end of X" for X a month, year or decade.</summary>
        private bool Modified(int i, out P p)
        {
            p = default;
            int j;
            SubRange sr;
            if (W(i, "the") && K(i + 1) == LexKind.Modifier && W(i + 2, "of")) { sr = (SubRange)V(i + 1); j = i + 3; }
            else if (W(i, "early") || W(i, "mid") || W(i, "late"))
            {
                sr = (SubRange)V(i);
                j = i + 1;
                if (IsDash(j) && Adj(i)) j++;
            }
            else return false;
            if (!(ExplicitDate(j, out var inner) || Decade(j, out inner) || PointerUnit(j, out inner) ||
                  MonthAlone(j, out inner) || YearAlone(j, out inner))) return false;
            if (!inner.Date.IsResolved) { p = new P(inner.End, inner.Date, inner.Kind); return true; }
            var s = inner.Date.Start!.Value;
            var e = inner.Date.End!.Value;
            DateOnly a, b;
            switch (inner.Kind)
            {
                case TimexKind.Month:
                    a = sr switch { SubRange.Early => s, SubRange.Mid => s.AddDays(DateLexicon.EarlyLastDay), _ => s.AddDays(DateLexicon.MidLastDay) };
                    b = sr switch { SubRange.Early => s.AddDays(DateLexicon.EarlyLastDay - 1), SubRange.Mid => s.AddDays(DateLexicon.MidLastDay - 1), _ => e };
                    break;
                case TimexKind.Year:
                    // Thirds of a year: Jan–Apr, May–Aug, Sep–Dec.
                    a = s.AddMonths(((int)sr - 1) * 4);
                    b = a.AddMonths(4).AddDays(-1);
                    break;
                case TimexKind.Week:
                    // Monday–Wednesday, Wednesday–Friday, Thursday–Sunday.
                    a = s.AddDays(sr switch { SubRange.Early => 0, SubRange.Mid => 2, _ => 3 });
                    b = s.AddDays(sr switch { SubRange.Early => 2, SubRange.Mid => 4, _ => 6 });
                    break;
                case TimexKind.Decade:
                    a = s.AddYears(sr switch { SubRange.Early => 0, SubRange.Mid => 4, _ => 7 });
                    b = new DateOnly(s.Year + (sr switch { SubRange.Early => 3, SubRange.Mid => 6, _ => 9 }), 12, 31);
                    break;
                default:
                    return false;
            }
            p = new P(inner.End, new ResolvedDate(a, b, inner.Date.Granularity,
                $"'{Span(i, inner.End)}' → {a:yyyy-MM-dd}..{b:yyyy-MM-dd} (part of {inner.Date.Start:yyyy-MM-dd}..{inner.Date.End:yyyy-MM-dd})"), inner.Kind);
            return true;
        }

        /// <summary>"the 1990s", "1990s", "the '90s", "the nineties": a ten-year range with year granularity.</summary>
        private bool Decade(int i, out P p)
        {
            p = default;
            var hasThe = W(i, "the");
            var j = hasThe ? i + 1 : i;
            int first, end;
            if (IsNum(j) && _t[j].Digits == 4 && _t[j].Number % 10 == 0 && Adj(j) && W(j + 1, "s") && Adj(j)) { first = _t[j].Number; end = j + 2; }
            else if (IsNum(j) && _t[j].Digits == 4 && _t[j].Number % 10 == 0 && Adj(j) && IsApostrophe(j + 1) && Adj(j + 1) && W(j + 2, "s")) { first = _t[j].Number; end = j + 3; }
            else if (IsApostrophe(j) && Adj(j) && IsNum(j + 1) && _t[j + 1].Digits == 2 && _t[j + 1].Number % 10 == 0 && Adj(j + 1) && W(j + 2, "s"))
            {
                var yy = _t[j + 1].Number;
                first = yy >= 30 ? 1900 + yy : 2000 + yy;
                end = j + 3;
            }
            else if (hasThe && K(j) == LexKind.DecadeWord) { first = 1900 + V(j); end = j + 1; }
            else return false;
            if (first is < 1000 or > 2990) return false;
            p = new P(end, ResolvedDate.Between(new DateOnly(first, 1, 1), new DateOnly(first + 9, 12, 31), DateGranularity.Year,
                $"decade '{Span(i, end)}' → {first}–{first + 9}"), TimexKind.Decade);
            return true;
        }

        /// <summary>"the third quarter [of 1989]", "third-quarter": three months, month granularity.</summary>
        private bool Quarter(int i, out P p)
        {
            p = default;
            var j = W(i, "the") ? i + 1 : i;
            var prefixYear = Year4(j, out var yearBefore) && K(j + 1) == LexKind.Ordinal && j > i;
            if (prefixYear) j++;
            // "next year's first quarter", "last year's fourth quarter".
            else if (RelativeYearPossessive(j, out yearBefore, out var afterPossessive) && K(afterPossessive) == LexKind.Ordinal)
            {
                prefixYear = true;
                j = afterPossessive;
            }
            // "the year-earlier third quarter", "the year-ago quarter": the same quarter one year back.
            var yearBack = j > i && W(j, "year") && IsDash(j + 1) && (W(j + 2, "earlier") || W(j + 2, "ago"));
            if (yearBack) j += 3;
            if (W(j, "fiscal")) j++;
            if (K(j) != LexKind.Ordinal) return false;
            var q = V(j);
            j++;
            if (IsDash(j)) j++;
            if (K(j) != LexKind.Quarter) return false;
            var end = j + 1;
            int year;
            if (prefixYear) year = yearBefore;
            else if (W(end, "of") && YearAt(end + 1, out year, out var afterOf)) end = afterOf;
            else if (YearAt(end, out year, out var afterYear)) end = afterYear;
            else if (_anchor is { } a)
            {
                // The latest such quarter that has begun by publication.
                year = a.Month >= (q - 1) * 3 + 1 ? a.Year : a.Year - 1;
            }
            else
            {
                p = new P(end, ResolvedDate.Unresolved($"{NoAnchor}: quarter without a year"), TimexKind.None);
                return true;
            }
            if (yearBack) year--;
            var s = new DateOnly(year, (q - 1) * 3 + 1, 1);
            p = new P(end, ResolvedDate.Between(s, s.AddMonths(3).AddDays(-1), DateGranularity.Month,
                $"quarter Q{q} of {year}{(yearBack ? " (a year before the one in focus)" : "")}"), TimexKind.Quarter);
            return true;
        }

        /// <summary>
        /// "the first half of 1990", "the second half of next year", "the last half of 1989": six months, month
        /// granularity. A year is required: "the second half" alone is as often a match or a film.
        /// </summary>
        private bool HalfYear(int i, out P p)
        {
            p = default;
            if (!W(i, "the")) return false;
            var j = i + 1;
            int half;
            if (K(j) == LexKind.Ordinal && V(j) is 1 or 2) half = V(j);
            else if (W(j, "last") || W(j, "latter")) half = 2;
            else return false;
            if (!W(j + 1, "half") || !W(j + 2, "of")) return false;
            if (!YearAt(j + 3, out var year, out var end) && !RelativeYear(j + 3, out year, out end)) return false;
            var s = new DateOnly(year, half == 1 ? 1 : 7, 1);
            p = new P(end, ResolvedDate.Between(s, s.AddMonths(6).AddDays(-1), DateGranularity.Month,
                $"half-year H{half} of {year}"), TimexKind.HalfYear);
            return true;
        }

        /// <summary>"last year", "this year", "next year" at <paramref name="i"/>: the years after publication's (-1, 0, 1).</summary>
        private int? RelativeYearOffset(int i) =>
            K(i) == LexKind.Pointer && W(i + 1, "year") && V(i) is (int)Pointer.Last or (int)Pointer.This or (int)Pointer.Next
                ? (V(i) == (int)Pointer.Last ? -1 : V(i) == (int)Pointer.Next ? 1 : 0)
                : null;

        /// <summary>"this year", "next year", "last year" against publication (false without one).</summary>
        private bool RelativeYear(int i, out int year, out int next)
        {
            year = 0;
            next = i + 2;
            if (_anchor is not { } a || RelativeYearOffset(i) is not { } offset) return false;
            year = a.Year + offset;
            return true;
        }

        /// <summary>"next year's", "last year's", "this year's" before a unit.</summary>
        private bool RelativeYearPossessive(int i, out int year, out int next)
        {
            if (!RelativeYear(i, out year, out next)) return false;
            if (!IsApostrophe(next) || !Adj(next - 1) || !W(next + 1, "s")) return false;
            next += 2;
            return true;
        }

        /// <summary>
        /// "last summer", "this spring", "the summer of 2014", "summer 2014", "in the winter": three months
        /// (northern hemisphere; winter runs December–February), month granularity.
        /// </summary>
        private bool Season(int i, out P p)
        {
            p = default;
            var j = i;
            var ptr = (Pointer)0;
            var hasThe = W(j, "the");
            if (hasThe) j++;
            if (W(j, "this") && W(j + 1, "past")) { ptr = Pointer.Last; j += 2; }
            else if (!hasThe && K(j) == LexKind.Pointer) { ptr = (Pointer)V(j); j++; }
            if (K(j) != LexKind.Season) return false;
            var first = V(j);
            var end = j + 1;
            int year;
            if (W(end, "of") && YearAt(end + 1, out year, out var afterOf)) end = afterOf;
            else if (YearAt(end, out year, out var afterYear)) end = afterYear;
            else
            {
                // A bare "summer" is too often generic ("summer offensive") unless a determiner or "in the" fixes it.
                if (ptr == 0 && !(hasThe && i > 0 && K(i - 1) == LexKind.DateCue)) return false;
                if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
                // The season that has begun most recently by publication; "last" the one before it, "next" the one after.
                var cur = SeasonStart(a.Year, first);
                if (cur > a) cur = cur.AddYears(-1);
                // "this summer" is the current year's summer, ahead or behind: said in March it is the coming one.
                if (ptr == Pointer.This && SeasonContaining(a) != cur && first != 12) cur = SeasonStart(a.Year, first);
                cur = ptr switch { Pointer.Last or Pointer.Previous or Pointer.Past => SeasonContaining(a) <= cur ? cur.AddYears(-1) : cur, Pointer.Next => cur.AddYears(1), _ => cur };
                var s0 = cur;
                p = new P(end, ResolvedDate.Between(s0, s0.AddMonths(3).AddDays(-1), DateGranularity.Month,
                    $"season '{Span(i, end)}' → {s0:yyyy-MM-dd}..{s0.AddMonths(3).AddDays(-1):yyyy-MM-dd} (publication {a:yyyy-MM-dd})"), TimexKind.Season);
                return true;
            }
            // "winter 2014" is the winter that starts in December 2014 only if read literally; news means Jan–Feb 2014's too
            // rarely to tell, so it is the one starting in that year's December.
            var s = SeasonStart(year, first);
            p = new P(end, ResolvedDate.Between(s, s.AddMonths(3).AddDays(-1), DateGranularity.Month,
                $"season '{Span(i, end)}' → {s:yyyy-MM-dd}..{s.AddMonths(3).AddDays(-1):yyyy-MM-dd}"), TimexKind.Season);
            return true;
        }

        private static DateOnly SeasonStart(int year, int firstMonth) => new(year, firstMonth, 1);

        /// <summary>First day of the season containing <paramref name="d"/>.</summary>
        private static DateOnly SeasonContaining(DateOnly d)
        {
            var m = d.Month == 12 ? 12 : (d.Month / 3) * 3;
            return m == 0 ? new DateOnly(d.Year - 1, 12, 1) : new DateOnly(d.Year, m, 1);
        }

        // ---- weekdays and deictic days ----------------------------------------------------------------------

        private bool Weekday(int i, out P p)
        {
            p = default;
            var j = i;
            if ((W(j, "early") || W(j, "late")) && K(j + 1) is LexKind.Weekday or LexKind.Pointer) j++;
            if (W(j, "the") && K(j + 1) == LexKind.Pointer && K(j + 2) == LexKind.Weekday) j++;
            var ptr = (Pointer)0;
            if (W(j, "this") && W(j + 1, "coming")) { ptr = Pointer.Next; j += 2; }
            else if (K(j) == LexKind.Pointer && K(j + 1) == LexKind.Weekday) { ptr = (Pointer)V(j); j++; }
            if (K(j) != LexKind.Weekday) return false;
            var wd = (DayOfWeek)V(j);
            var name = Word(j);
            var end = j + 1;
            if (K(end) == LexKind.DayPart) end++;
            else if ((W(end, "early") || W(end, "late")) && K(end + 1) == LexKind.DayPart) end += 2;
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            var back = ((int)a.DayOfWeek - (int)wd + 7) % 7;      // days back to the most recent such day, 0..6
            var fwd = ((int)wd - (int)a.DayOfWeek + 7) % 7;       // days forward to the next such day, 0..6
            DateOnly d;
            string how;
            switch (ptr)
            {
                case Pointer.Next:
                    d = a.AddDays(fwd == 0 ? 7 : fwd); how = "next such day after publication"; break;
                case Pointer.Last or Pointer.Previous or Pointer.Past:
                    d = a.AddDays(-(back == 0 ? 7 : back)); how = "most recent before publication"; break;
                case Pointer.This:
                    d = a.AddDays(fwd); how = "on or after publication"; break;
                default:
                    if (FutureCueBefore(i)) { d = a.AddDays(fwd); how = "future tense: on or after publication"; }
                    else { d = a.AddDays(-back); how = "most recent on or before publication"; }
                    break;
            }
            p = new P(end, ResolvedDate.Day(d, $"weekday '{name}' → {how} {a:yyyy-MM-dd}: {d:yyyy-MM-dd}"), TimexKind.Day);
            return true;
        }

        /// <summary>
        /// Future tense around token <paramref name="i"/>: a cue ("will", "scheduled", "payable"...) in the same
        /// sentence shortly before it, or right after it ("Dec. 15 will see..."), so a year-less date or bare weekday
        /// looks forward from publication instead of back.
        /// </summary>
        private bool FutureCueBefore(int i)
        {
            for (var k = i - 1; k >= 0 && k >= i - DateLexicon.FutureCueLookback; k--)
            {
                if (IsSentenceEnd(k) || K(k) == LexKind.PastReportCue) break;
                if (K(k) == LexKind.FutureCue) return true;
            }
            // After the date only its own clause counts: "said Tuesday that Iraq would..." is a past Tuesday.
            for (var k = i + 1; k < N && k <= i + DateLexicon.FutureCueLookahead; k++)
            {
                if (IsSentenceEnd(k) || Pc(k, ',') || W(k, "that") || K(k) == LexKind.PastReportCue) break;
                if (K(k) == LexKind.FutureCue) return true;
            }
            return false;
        }

        /// <summary>"today", "yesterday morning", "late yesterday", "last night", "this morning", "earlier today".</summary>
        private bool RelativeDay(int i, out P p)
        {
            p = default;
            var j = i;
            if ((W(j, "early") || W(j, "late") || W(j, "earlier") || W(j, "later")) && K(j + 1) == LexKind.RelativeDay) j++;
            int offset, end;
            if (K(j) == LexKind.RelativeDay)
            {
                offset = V(j);
                end = j + 1;
                if (K(end) == LexKind.DayPart) end++;
            }
            else if ((W(j, "last") || W(j, "this")) && K(j + 1) == LexKind.DayPart && !W(j + 1, "overnight"))
            {
                // "last night" is the evening before publication; "this morning" is the publication day.
                offset = W(j, "last") ? -1 : 0;
                end = j + 2;
            }
            else return false;
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            var d = a.AddDays(offset);
            p = new P(end, ResolvedDate.Day(d, $"'{Span(i, end)}' → publication {a:yyyy-MM-dd} {offset:+0;-0;+0} day(s)"), TimexKind.Day);
            return true;
        }

        // ---- pointers and offsets ---------------------------------------------------------------------------

        /// <summary>
        /// "last week", "this month", "next year", "last weekend", "the weekend", "the past week",
        /// "over the last few days", "the past 24 hours", "last January", "the previous day".
        /// </summary>
        private bool PointerUnit(int i, out P p)
        {
            p = default;
            var hasThe = W(i, "the");
            var j = hasThe ? i + 1 : i;
            if (hasThe && W(j, "weekend")) return Weekend(i, j + 1, 0, out p);
            if (K(j) != LexKind.Pointer) return false;
            var ptr = (Pointer)V(j);
            j++;
            if (!hasThe && K(j) is LexKind.Month && Month(j, out var month, out var me, out _)) return PointerMonth(i, ptr, month, me, out p);
            var count = 0;
            var vague = false;
            if (W(j, "a") && K(j + 1) == LexKind.VagueCount) j++;
            if (K(j) == LexKind.VagueCount) { count = V(j); vague = true; j++; }
            else if (NumberWord(j)) { count = V(j); j++; }
            else if (IsNum(j) && _t[j].Digits <= 3 && !Adj(j)) { count = _t[j].Number; j++; }
            if (K(j) != LexKind.Unit) return false;
            var unit = (TimeUnit)V(j);
            var plural = _text[_t[j].End - 1] is 's' or 'S';
            var end = j + 1;

            if (!hasThe && count == 0 && !plural && ptr is Pointer.Last or Pointer.This or Pointer.Next)
                return unit != TimeUnit.Day && Calendar(i, ptr, unit, end, out p);
            if (hasThe && count == 0 && !plural && ptr == Pointer.Previous && unit is TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year)
                return Calendar(i, Pointer.Last, unit, end, out p);
            if (hasThe && count == 0 && !plural && ptr == Pointer.Next && unit == TimeUnit.Day)
            {
                p = new P(end, ResolvedDate.Unresolved($"'{Span(i, end)}' is relative to an earlier event, not to publication"), TimexKind.None);
                return true;
            }
            if (!hasThe && ptr != Pointer.Past && !(plural && count == 0 && ptr == Pointer.Next)) return false;

            // Spans reaching back from (or forward to) publication.
            var forward = ptr is Pointer.Next;
            if (ptr is Pointer.This) return false;
            if (count == 0 && plural)
            {
                p = new P(end, ResolvedDate.Unresolved($"'{Span(i, end)}' is a vague span"), forward ? TimexKind.FutureRef : TimexKind.PastRef);
                return true;
            }
            if (count == 0 && unit is TimeUnit.Day or TimeUnit.Hour) return false; // "the last day of the siege"
            if (count == 0) count = 1;
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            var far = Shift(a, unit, forward ? count : -count);
            if (far is not { } f) return false;
            // The span covers the publication day and the days back to it ("the past week" = 7 days).
            DateOnly s = forward ? a : (unit == TimeUnit.Hour ? f : f.AddDays(1)), e = forward ? f : a;
            if (e < s) s = e;
            var note = vague ? $" ('{Word(j - 1)}' taken as {count})" : "";
            p = new P(end, ResolvedDate.Between(s, e, ForSpan(s, e),
                $"'{Span(i, end)}' → span {(forward ? "from" : "ending at")} publication {a:yyyy-MM-dd}: {s:yyyy-MM-dd}..{e:yyyy-MM-dd}{note}"), TimexKind.Range);
            return true;
        }

        /// <summary>"last week" (previous Monday–Sunday), "this month", "next year", "the previous day".</summary>
        private bool Calendar(int i, Pointer ptr, TimeUnit unit, int end, out P p)
        {
            p = default;
            var step = ptr switch { Pointer.Last => -1, Pointer.Next => 1, _ => 0 };
            if (unit == TimeUnit.Weekend) return Weekend(i, end, step == 0 ? 2 : step, out p);
            if (unit is TimeUnit.Hour or TimeUnit.Decade) return false;
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            var text = Span(i, end);
            switch (unit)
            {
                case TimeUnit.Day:
                    if (step == 0) return false;
                    var d = a.AddDays(step);
                    p = new P(end, ResolvedDate.Day(d, $"'{text}' → relative to publication {a:yyyy-MM-dd} (no other anchor): {d:yyyy-MM-dd}"), TimexKind.Day);
                    return true;
                case TimeUnit.Week:
                    var monday = MondayOf(a).AddDays(7 * step);
                    p = new P(end, ResolvedDate.Between(monday, monday.AddDays(6), DateGranularity.Week,
                        $"'{text}' → Monday–Sunday week {monday:yyyy-MM-dd}..{monday.AddDays(6):yyyy-MM-dd} (publication {a:yyyy-MM-dd})"), TimexKind.Week);
                    return true;
                case TimeUnit.Month:
                    var m = new DateOnly(a.Year, a.Month, 1).AddMonths(step);
                    p = new P(end, ResolvedDate.Month(m.Year, m.Month, $"'{text}' → {m:yyyy-MM} (publication {a:yyyy-MM-dd})"), TimexKind.Month);
                    return true;
                case TimeUnit.Year:
                    var y = a.Year + step;
                    p = new P(end, ResolvedDate.Year(y, $"'{text}' → {y} (publication {a:yyyy-MM-dd})"), TimexKind.Year);
                    return true;
            }
            return false;
        }

        /// <summary>A Saturday–Sunday weekend. step 0: the latest begun by publication; -1 last; 1 next; 2 this.</summary>
        private bool Weekend(int i, int end, int step, out P p)
        {
            p = default;
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            var thisSaturday = MondayOf(a).AddDays(5);
            var sat = step switch
            {
                0 => thisSaturday <= a ? thisSaturday : thisSaturday.AddDays(-7),
                -1 => thisSaturday.AddDays(-7),
                1 => thisSaturday.AddDays(7),
                _ => thisSaturday,
            };
            p = new P(end, ResolvedDate.Between(sat, sat.AddDays(1), DateGranularity.Week,
                $"'{Span(i, end)}' → weekend {sat:yyyy-MM-dd}..{sat.AddDays(1):yyyy-MM-dd} (publication {a:yyyy-MM-dd})"), TimexKind.Weekend);
            return true;
        }

        /// <summary>"last January" (latest before the publication month), "this June", "next March".</summary>
        private bool PointerMonth(int i, Pointer ptr, int month, int end, out P p)
        {
            p = default;
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            var year = ptr switch
            {
                Pointer.Last or Pointer.Previous or Pointer.Past => month < a.Month ? a.Year : a.Year - 1,
                Pointer.Next => month > a.Month ? a.Year : a.Year + 1,
                _ => a.Year,
            };
            p = new P(end, ResolvedDate.Month(year, month, $"'{Span(i, end)}' → {year:D4}-{month:D2} (publication {a:yyyy-MM-dd})"), TimexKind.Month);
            return true;
        }

        /// <summary>"two days ago", "a day earlier", "three years ago", "the day before": relative to publication.</summary>
        private bool Offset(int i, out P p)
        {
            p = default;
            var j = i;
            int count;
            var vague = false;
            if (W(j, "the") && K(j + 1) == LexKind.Unit && (W(j + 2, "before") || W(j + 2, "after"))) { count = 1; j++; }
            else
            {
                if (W(j, "a") && K(j + 1) == LexKind.VagueCount) j++;
                if (K(j) == LexKind.VagueCount) { count = V(j); vague = true; }
                else if (K(j) == LexKind.Number) count = V(j);
                else if (IsNum(j) && _t[j].Digits <= 3 && !(j > 0 && Adj(j - 1)) && !Adj(j)) count = _t[j].Number;
                else return false;
                j++;
            }
            if (K(j) != LexKind.Unit || K(j + 1) != LexKind.Direction) return false;
            var unit = (TimeUnit)V(j);
            var dir = V(j + 1);
            // "two days after the attack" is relative to the attack, not to publication: only adverbial uses count.
            if ((W(j + 1, "before") || W(j + 1, "after")) && !(j + 2 >= N || _t[j + 2].Kind == TokKind.Punct)) return false;
            var end = j + 2;
            if (vague)
            {
                p = new P(end, ResolvedDate.Unresolved($"'{Span(i, end)}' is vague"), dir < 0 ? TimexKind.PastRef : TimexKind.FutureRef);
                return true;
            }
            if (dir > 0)
            {
                // In past-tense reporting "two days later" counts from an event in the story, which we do not know.
                p = new P(end, ResolvedDate.Unresolved($"'{Span(i, end)}' is relative to an earlier event, not to publication"), TimexKind.None);
                return true;
            }
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            if (unit is TimeUnit.Weekend or TimeUnit.Decade) return false;
            if (Shift(a, unit, dir * count) is not { } d) return false;
            var why = $"'{Span(i, end)}' → {count} {unit.ToString().ToLowerInvariant()}(s) {(dir < 0 ? "before" : "after")} publication {a:yyyy-MM-dd} (no other anchor)";
            switch (unit)
            {
                case TimeUnit.Week:
                    var monday = MondayOf(d);
                    p = new P(end, ResolvedDate.Between(monday, monday.AddDays(6), DateGranularity.Week, why), TimexKind.Week);
                    return true;
                case TimeUnit.Month:
                    p = new P(end, ResolvedDate.Month(d.Year, d.Month, why), TimexKind.Month);
                    return true;
                case TimeUnit.Year:
                    p = new P(end, ResolvedDate.Year(d.Year, why), TimexKind.Year);
                    return true;
                default:
                    p = new P(end, ResolvedDate.Day(d, why), TimexKind.Day);
                    return true;
            }
        }

        /// <summary>"earlier this month" (start of month to publication), "later this week", "earlier today".</summary>
        private bool EarlierThis(int i, out P p)
        {
            p = default;
            var earlier = W(i, "earlier");
            if (!earlier && !W(i, "later")) return false;
            if (!W(i + 1, "this") || K(i + 2) != LexKind.Unit) return false;
            var unit = (TimeUnit)V(i + 2);
            if (unit is not (TimeUnit.Week or TimeUnit.Month or TimeUnit.Year)) return false;
            var end = i + 3;
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            DateOnly s, e;
            DateGranularity g;
            TimexKind kind;
            switch (unit)
            {
                case TimeUnit.Week: s = MondayOf(a); e = s.AddDays(6); g = DateGranularity.Week; kind = TimexKind.Week; break;
                case TimeUnit.Month: s = new DateOnly(a.Year, a.Month, 1); e = s.AddMonths(1).AddDays(-1); g = DateGranularity.Month; kind = TimexKind.Month; break;
                default: s = new DateOnly(a.Year, 1, 1); e = new DateOnly(a.Year, 12, 31); g = DateGranularity.Year; kind = TimexKind.Year; break;
            }
            if (earlier) e = a; else s = a;
            p = new P(end, ResolvedDate.Between(s, e, g, $"'{Span(i, end)}' → {s:yyyy-MM-dd}..{e:yyyy-MM-dd} (publication {a:yyyy-MM-dd})"), kind);
            return true;
        }

        // ---- refusals ---------------------------------------------------------------------------------------

        /// <summary>"recently", "soon", "now", "in recent weeks", "the past", "the future": vague, unresolved.</summary>
        private bool Vague(int i, out P p)
        {
            p = default;
            int end;
            VagueRef kind;
            if (K(i) == LexKind.Vague) { kind = (VagueRef)V(i); end = i + 1; }
            else if (W(i, "recent") && K(i + 1) == LexKind.Unit && (_text[_t[i + 1].End - 1] is 's')) { kind = VagueRef.Past; end = i + 2; }
            else if (W(i, "the") && W(i + 1, "past") && K(i + 2) is not (LexKind.Unit or LexKind.Number or LexKind.VagueCount) && !IsNum(i + 2)) { kind = VagueRef.Past; end = i + 2; }
            else if (W(i, "the") && W(i + 1, "future")) { kind = VagueRef.Future; end = i + 2; }
            else if (W(i, "the") && W(i + 1, "near") && W(i + 2, "future")) { kind = VagueRef.Future; end = i + 3; }
            else return false;
            var tk = kind switch { VagueRef.Past => TimexKind.PastRef, VagueRef.Present => TimexKind.PresentRef, _ => TimexKind.FutureRef };
            p = new P(end, ResolvedDate.Unresolved($"'{Span(i, end)}' is vague: no calendar range"), tk);
            return true;
        }

        /// <summary>
        /// "during Ramadan", "Eid al-Adha": Islamic-calendar dates. Without a year they stay unresolved (which year's
        /// Ramadan is meant is a guess); with a Gregorian year in which exactly one such date begins, they resolve
        /// through the Umm al-Qura calendar (local observance may differ by a day, which the reason says).
        /// </summary>
        private bool Lunar(int i, out P p)
        {
            p = default;
            var j = i;
            if (W(j, "the")) j++;
            if (W(j, "holy") && W(j + 1, "month") && W(j + 2, "of")) j += 3;
            if (K(j) != LexKind.LunarHoliday || V(j) > 1000) return false;
            var code = V(j);
            var end = j + 1;
            if (W(end, "al") && IsDash(end + 1) && end + 2 < N && _t[end + 2].Kind == TokKind.Word)
            {
                if (code == 0 && K(end + 2) == LexKind.LunarHoliday) code = V(end + 2);
                end += 3;
            }
            var hasYear = Year4(end, out var year);
            if (hasYear) end++;
            var text = Span(i, end);
            if (code <= 0)
            {
                p = new P(end, ResolvedDate.Unresolved($"'{text}' does not name one Islamic-calendar date"), TimexKind.None);
                return true;
            }
            if (!hasYear)
            {
                p = new P(end, ResolvedDate.Unresolved($"'{text}' is an Islamic-calendar date without a year"), TimexKind.None);
                return true;
            }
            p = new P(end, HijriCalendar.Resolve(code / 100, code % 100, year, text), TimexKind.None);
            if (p.Date.IsResolved) p.Kind = p.Date.Granularity == DateGranularity.Day ? TimexKind.Day : TimexKind.Range;
            return true;
        }

        // ---- bare months and years --------------------------------------------------------------------------

        /// <summary>"in June": the latest June not after the publication month.</summary>
        private bool MonthAlone(int i, out P p)
        {
            p = default;
            if (!Month(i, out var month, out var end, out var weak)) return false;
            if (weak && !CueBefore(i)) return false;
            if (_anchor is not { } a) { p = new P(end, ResolvedDate.Unresolved(NoAnchor), TimexKind.None); return true; }
            var future = FutureCueBefore(i);
            var year = future ? (month >= a.Month ? a.Year : a.Year + 1) : (month <= a.Month ? a.Year : a.Year - 1);
            var how = future ? "future tense: next on or after" : "latest not after";
            p = new P(end, ResolvedDate.Month(year, month, $"month '{Word(i)}' → {how} publication {a:yyyy-MM-dd}: {year:D4}-{month:D2}"), TimexKind.Month);
            return true;
        }

        /// <summary>A bare year "2014" when the context says it is one ("in 2014", "2014.", "the 2014 election").</summary>
        private bool YearAlone(int i, out P p)
        {
            p = default;
            // Spelled out: "nineteen ninety-six" is a year anywhere; "two thousand [one]" only as "the year two thousand".
            if (SpelledYear(i, out var spelled, out var afterSpelled) && (!W(i + 1, "thousand") || (i > 0 && W(i - 1, "year"))))
            {
                if (spelled is < DateLexicon.MinYear or > DateLexicon.MaxYear) return false;
                p = new P(afterSpelled, ResolvedDate.Year(spelled, $"year {spelled} (spelled out)"), TimexKind.Year);
                return true;
            }
            if (!Year4(i, out var year) || year is < DateLexicon.MinYear or > DateLexicon.MaxYear) return false;
            if (i > 0 && (Pc(i - 1, '$') || Pc(i - 1, '#') || Pc(i - 1, '£') || Pc(i - 1, '€'))) return false;
            if (Pc(i + 1, '%')) return false;
            var next = i + 1;
            var ok = CueBefore(i) || (i > 0 && W(i - 1, "the")) || next >= N || _t[next].Kind == TokKind.Punct ||
                     (_t[next].Kind == TokKind.Word && (_t[next].Capitalized || K(next) != LexKind.None));
            if (!ok) return false;
            p = new P(next, ResolvedDate.Year(year, $"year {year}"), TimexKind.Year);
            return true;
        }

        // ---- calendar helpers -------------------------------------------------------------------------------

        private static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

        private static DateOnly? Shift(DateOnly a, TimeUnit unit, int n)
        {
            try
            {
                return unit switch
                {
                    TimeUnit.Hour => a.AddDays(n < 0 ? -((-n + 23) / 24) : (n + 23) / 24),
                    TimeUnit.Day => a.AddDays(n),
                    TimeUnit.Week or TimeUnit.Weekend => a.AddDays(7 * n),
                    TimeUnit.Month => a.AddMonths(n),
                    TimeUnit.Year => a.AddYears(n),
                    TimeUnit.Decade => a.AddYears(10 * n),
                    _ => null,
                };
            }
            catch (ArgumentOutOfRangeException)
            {
                return null; // beyond year 1..9999: not a date we can state
            }
        }

        /// <summary>Granularity of a day range by its length: day, week (up to 7 days), month (up to a quarter), else year.</summary>
        private static DateGranularity ForSpan(DateOnly s, DateOnly e)
        {
            var days = e.DayNumber - s.DayNumber + 1;
            return days <= 1 ? DateGranularity.Day : days <= 7 ? DateGranularity.Week
                : days <= DateLexicon.MonthGranularityMaxDays ? DateGranularity.Month : DateGranularity.Year;
        }
    }
}
