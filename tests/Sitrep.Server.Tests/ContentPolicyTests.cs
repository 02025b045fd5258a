namespace Sitrep.Server.Tests;

public sealed class ContentPolicyTests
{
    [Fact]
    public void InlineScriptsAndStyles_AreAllowedByTheirHashes_ScriptsWithASourceAreNot()
    {
        // SHA-256 of "alert(1)" and of "p{}" in base64 (as `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`).
        var policy = ContentPolicy.For("<style>p{}</style><script src=\"a.js\"></script>\n<script>alert(1)</script>");
        Assert.Contains("script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; ", policy);
        Assert.Contains("style-src 'self' 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='; ", policy);
        Assert.Contains("object-src 'none'", policy);
    }

    [Fact]
    public void APageWithNothingInline_AllowsOnlyTheServersOwnScriptsAndStyles() =>
        Assert.Contains("script-src 'self'; style-src 'self'; ", ContentPolicy.For("<script src=\"a.js\"></script>"));
}
