using Sitrep.Places;

namespace Sitrep.Places.Tests;

public class GazetteerCacheTests
{
    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"sitrep-gz-{Guid.NewGuid():N}", "g.bin");

    [Fact]
    public void CacheRoundTrip_AnswersEveryLookupTheSame()
    {
        var path = TempFile();
        try
        {
            GazetteerCache.TryWrite(path, TinyGazetteer.Value);
            Assert.True(GazetteerCache.TryRead(path, out var copy));
            Assert.Equal(TinyGazetteer.Value.Count, copy.Count);
            foreach (var name in new[] { "Raqqa", "Deir el-Zor", "Tripoli", "Maarat al-Numan", "Syrian Arab Republic", "Euphrates", "rural Damascus" })
                Assert.Equal(TinyGazetteer.Value.Lookup(name), copy.Lookup(name));
            Assert.Equal("LB", copy.CountryOfDemonym("Lebanese"));
            Assert.True(copy.IsStopWord("Saturday"));
            Assert.Equal("Deir ez-Zor", copy.Admin1Name("SY", "07"));
            Assert.Equal(TinyGazetteer.Value.UnmatchedAliases, copy.UnmatchedAliases);
            Assert.Equal("Syria", copy.Country("SY")?.Name);
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); }
    }

    [Fact]
    public void TruncatedCache_IsRejected()
    {
        var path = TempFile();
        try
        {
            GazetteerCache.TryWrite(path, TinyGazetteer.Value);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            Assert.False(GazetteerCache.TryRead(path, out _));
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); }
    }

    [Fact]
    public void MissingCache_IsRejected()
    {
        Assert.False(GazetteerCache.TryRead(TempFile(), out _));
    }

    [Fact]
    public void CacheVariableOff_DisablesTheCache()
    {
        var before = Environment.GetEnvironmentVariable(GazetteerCache.Variable);
        try
        {
            Environment.SetEnvironmentVariable(GazetteerCache.Variable, "off");
            Assert.Null(GazetteerCache.PathFor(Guid.NewGuid()));
        }
        finally { Environment.SetEnvironmentVariable(GazetteerCache.Variable, before); }
    }
}
