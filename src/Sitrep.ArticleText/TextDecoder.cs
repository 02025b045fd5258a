using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.ArticleText;

/// <summary>
/// Turns raw bytes into text: BOM first, then a charset declared in the first bytes (meta tag, XML declaration,
/// HTTP-style Content-Type line), then UTF-8 when the bytes are valid UTF-8, else windows-1252.
/// </summary>
public static partial class TextDecoder
{
    /// <summary>How far into the bytes a charset declaration is looked for.</summary>
    private const int DeclarationWindow = 4096;

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="encodingName"/> is the encoding used.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out string encodingName)
    {
        var encoding = Choose(bytes, out var bom, out encodingName);
        return encoding.GetString(bytes[bom..]);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> into a buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller
    /// returns it): a page's text is used once, and a string of a large page would go to the large-object heap.
    /// </summary>
    internal static char[] DecodePooled(ReadOnlySpan<byte> bytes, out int length)
    {
        var encoding = Choose(bytes, out var bom, out _);
        var body = bytes[bom..];
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(body.Length)));
        length = encoding.GetChars(body, buffer);
        return buffer;
    }

    /// <summary>The encoding of <paramref name="bytes"/> and the length of its byte-order mark.</summary>
    private static Encoding Choose(ReadOnlySpan<byte> bytes, out int bom, out string encodingName)
    {
        bom = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { bom = 3; encodingName = "utf-8"; return Encoding.UTF8; }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { bom = 2; encodingName = "utf-16le"; return Encoding.Unicode; }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { bom = 2; encodingName = "utf-16be"; return Encoding.BigEndianUnicode; }
        var declared = DeclaredEncoding(bytes);
        var validUtf8 = System.Text.Unicode.Utf8.IsValid(bytes);
        // A page that says it is single-byte but is valid UTF-8 with multi-byte sequences is UTF-8 in practice.
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage && !(validUtf8 && HasMultiByte(bytes)))
        {
            encodingName = declared.WebName;
            return declared;
        }
        if (validUtf8 || declared is not null) { encodingName = "utf-8"; return Encoding.UTF8; }
        encodingName = "windows-1252";
        return Encoding.GetEncoding(1252);
    }

    private static bool HasMultiByte(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>The encoding a charset declaration near the start names, when it names a known one.</summary>
    public static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, DeclarationWindow)]);
        var m = CharsetDeclaration().Match(head);
        if (!m.Success) return null;
        var name = m.Groups["cs"].Value.ToLowerInvariant();
        // Browsers read latin-1 and ascii labels as windows-1252 (WHATWG Encoding).
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1") name = "windows-1252";
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    [GeneratedRegex(@"(?:charset|encoding)\s*=\s*[""']?(?<cs>[A-Za-z0-9_.:-]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetDeclaration();
}
