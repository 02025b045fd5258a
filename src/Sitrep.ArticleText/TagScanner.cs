namespace Sitrep.ArticleText;

/// <summary>What <see cref="TagScanner"/> found next.</summary>
internal enum TagToken : byte { End, Text, Open, Close }

/// <summary>
/// A forward-only, allocation-free HTML tokenizer for pages the tree parser must not see: text runs, start tags and
/// end tags with their names; comments, doctypes and processing instructions are skipped. Linear in the input: every
/// search moves forward and nothing backtracks. Attribute values containing '&gt;' may end a tag early — accepted,
/// since the result only feeds guards and a fallback.
/// </summary>
internal ref struct TagScanner(ReadOnlySpan<char> html)
{
    private readonly ReadOnlySpan<char> _html = html;
    private int _pos;

    /// <summary>Tag name of the last <see cref="TagToken.Open"/> or <see cref="TagToken.Close"/>.</summary>
    public ReadOnlySpan<char> Name { get; private set; }
    /// <summary>Characters of the last <see cref="TagToken.Text"/>.</summary>
    public ReadOnlySpan<char> Text { get; private set; }
    /// <summary>True when the last start tag ended with "/&gt;".</summary>
    public bool SelfClosing { get; private set; }

    /// <summary>Moves to the next token.</summary>
    public TagToken Next()
    {
        while (_pos < _html.Length)
        {
            var rest = _html[_pos..];
            if (rest[0] != '<')
            {
                var lt = rest.IndexOf('<');
                var len = lt < 0 ? rest.Length : lt;
                Text = rest[..len];
                _pos += len;
                return TagToken.Text;
            }
            if (rest.Length < 2) { Text = rest; _pos = _html.Length; return TagToken.Text; }
            var c = rest[1];
            if (c == '!' || c == '?')
            {
                // Comments end at "-->", everything else (doctype, CDATA, PI) at the next '>'.
                var end = rest.StartsWith("<!--") ? rest[4..].IndexOf("-->") : rest.IndexOf('>');
                _pos = end < 0 ? _html.Length : _pos + end + (rest.StartsWith("<!--") ? 7 : 1);
                continue;
            }
            var closing = c == '/';
            var nameStart = closing ? 2 : 1;
            var n = nameStart;
            while (n < rest.Length && IsNameChar(rest[n])) n++;
            if (n == nameStart || !char.IsAsciiLetter(rest[nameStart]))
            {
                // A lone '<' ("a < b") is text.
                Text = rest[..1];
                _pos++;
                return TagToken.Text;
            }
            Name = rest[nameStart..n];
            var gt = rest[n..].IndexOf('>');
            if (gt < 0) { _pos = _html.Length; return closing ? TagToken.Close : TagToken.Open; }
            SelfClosing = !closing && n + gt > 0 && rest[n + gt - 1] == '/';
            _pos += n + gt + 1;
            return closing ? TagToken.Close : TagToken.Open;
        }
        return TagToken.End;
    }

    /// <summary>Skips to just after the end tag "&lt;/name&gt;" (for script, style and the like); to the end when absent.</summary>
    public void SkipPast(ReadOnlySpan<char> name)
    {
        while (_pos < _html.Length)
        {
            var rest = _html[_pos..];
            var i = rest.IndexOf("</");
            if (i < 0) break;
            var after = rest[(i + 2)..];
            if (after.Length >= name.Length && after[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase) &&
                (after.Length == name.Length || !IsNameChar(after[name.Length])))
            {
                var gt = after.IndexOf('>');
                _pos = gt < 0 ? _html.Length : _pos + i + 2 + gt + 1;
                return;
            }
            _pos += i + 2;
        }
        _pos = _html.Length;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':';
}
