using Sitrep.Storage;

namespace Sitrep.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_WithoutAStore_IsBadUsage_AndCreatesNoEmptyStore()
    {
        using var dir = new TempDir();
        var db = dir.File("none.db");
        var r = CliRunner.Run("serve", "--db", db);
        Assert.Equal(SitrepCommand.BadUsage, r.ExitCode);
        Assert.Contains($"no store at {db}", r.Err);
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5000")]
    public void Serve_WithAnAddressThatIsNotHttp_IsBadUsage(string url)
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        SqliteStore.Open(db).Dispose();
        var r = CliRunner.Run("serve", "--db", db, "--urls", url);
        Assert.Equal(SitrepCommand.BadUsage, r.ExitCode);
        Assert.Contains($"--urls '{url}' is not an http:// or https:// address", r.Err);
    }
}
