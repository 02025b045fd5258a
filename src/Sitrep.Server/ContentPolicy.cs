using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Server;

/// <summary>
/// The Content-Security-Policy every answer carries: only the server's own scripts and styles run, plus the page's
/// inline ones, each allowed by its SHA-256 (read from the page at startup, so an edited page cannot drift from its
/// policy). Article text is shown as text, never markup; the policy stops any script but ours should that ever slip.
/// </summary>
public static partial class ContentPolicy
{
    [GeneratedRegex(@"<(script|style)>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex InlineElement();

    /// <summary>The policy for a page whose markup is <paramref name="page"/> (inline elements without attributes).</summary>
    public static string For(string page)
    {
        var hashes = new Dictionary<string, string> { ["script"] = "", ["style"] = "" };
        foreach (Match m in InlineElement().Matches(page))
            hashes[m.Groups[1].Value] += $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[2].Value)))}'";
        return $"default-src 'self'; script-src 'self'{hashes["script"]}; style-src 'self'{hashes["style"]}; img-src 'self' data:; " +
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
