using Sitrep.Incidents;

namespace Sitrep.Incidents.Tests;

public class NearDuplicateDetectorTests
{
    private const string Story =
        "On August 30, US-led coalition warplanes carried out a series of airstrikes on several ISIS positions on " +
        "the eastern bank of the Euphrates River, including the area of the al-Azraq oil field in the southeastern " +
        "Deir Ezzor countryside, according to the Syrian Observatory of Human Rights. A day earlier, several ISIS " +
        "fighters attacked positions of the US-backed Syrian Democratic Forces around the oil field.";

    [Fact]
    public void SameText_UnderAnotherHeadline_AndCasing_IsACopyOfTheFirst()
    {
        var detector = new NearDuplicateDetector();
        Assert.Null(detector.FindDuplicateOf("original", "Warplanes pound ISIS\n\n" + Story));
        Assert.Equal("original", detector.FindDuplicateOf("copy", "COALITION JETS HIT EAST SYRIA\n\n" + Story.ToUpperInvariant()));
    }

    [Fact]
    public void CopyOfACopy_PointsToTheOriginal()
    {
        var detector = new NearDuplicateDetector();
        detector.FindDuplicateOf("original", Story);
        detector.FindDuplicateOf("copy1", Story + " Subscribe to our newsletter.");
        Assert.Equal("original", detector.FindDuplicateOf("copy2", Story + " Subscribe to our newsletter. Share."));
    }

    [Fact]
    public void DifferentStory_OnTheSameTopic_IsNotACopy()
    {
        var detector = new NearDuplicateDetector();
        detector.FindDuplicateOf("a", Story);
        const string other =
            "Russian warplanes struck rebel positions in Idlib province on Tuesday, killing at least twelve " +
            "civilians, a war monitor said, as government forces pressed an offensive on the eastern bank of the " +
            "Euphrates River near the al-Azraq oil field where US-backed Syrian Democratic Forces are deployed.";
        Assert.Null(detector.FindDuplicateOf("b", other));
        Assert.True(detector.EstimateSimilarity(Story, other) < 0.5);
    }

    [Fact]
    public void SameId_Registered_Twice_GivesItsFirstAnswer_AndTextsWithoutWordsAreNeverCopies()
    {
        var detector = new NearDuplicateDetector();
        detector.FindDuplicateOf("a", Story);
        Assert.Equal("a", detector.FindDuplicateOf("b", Story));
        Assert.Equal("a", detector.FindDuplicateOf("b", "something else entirely"));
        Assert.Null(detector.FindDuplicateOf("c", " -- !! "));
        Assert.Null(detector.FindDuplicateOf("d", " -- !! "));
        Assert.Equal(2, detector.Count);
    }

    [Fact]
    public void ShortIdenticalTexts_AreCopies()
    {
        var detector = new NearDuplicateDetector();
        detector.FindDuplicateOf("a", "Airstrike kills three");
        Assert.Equal("a", detector.FindDuplicateOf("b", "Airstrike kills three."));
    }

    [Fact]
    public void StoredSignatures_ReSeedANewDetector_SoCopiesAreFoundAcrossRuns()
    {
        var firstRun = new NearDuplicateDetector();
        var signature = firstRun.Signature(Story)!;
        Assert.Null(firstRun.FindDuplicateOf("original", signature));
        var stored = NearDuplicateDetector.ToBytes(signature);

        var secondRun = new NearDuplicateDetector();
        secondRun.Register("original", NearDuplicateDetector.FromBytes(stored)!, duplicateOf: null);

        Assert.Equal("original", secondRun.FindDuplicateOf("copy", "Breaking: " + Story));
        Assert.Null(NearDuplicateDetector.FromBytes(new byte[7]));
    }

    [Fact]
    public void RegisteredCopy_KeepsPointingToItsOriginal()
    {
        var detector = new NearDuplicateDetector();
        var signature = detector.Signature(Story)!;
        detector.Register("original", signature, null);
        detector.Register("copy", signature, "original");
        Assert.Equal("original", detector.FindDuplicateOf("copy", Story));
        Assert.Equal("original", detector.FindDuplicateOf("copy2", Story));
    }

    [Fact]
    public void ThousandsOfTexts_CopiesOfTheFirstMiddleAndLastAreFound_AndNoOriginalIsACopy()
    {
        var detector = new NearDuplicateDetector();
        string Text(int n) => $"Report {n}: forces of unit {n * 7919 % 10007} shelled district {n} of town {n % 97} " +
                              $"on day {n % 365}, killing {n % 50} people and wounding {n % 31} more, officials of {n} said.";
        for (var n = 0; n < 3000; n++) Assert.Null(detector.FindDuplicateOf($"doc-{n}", Text(n)));

        Assert.Equal("doc-0", detector.FindDuplicateOf("copy-0", "Reposted. " + Text(0)));
        Assert.Equal("doc-1500", detector.FindDuplicateOf("copy-1500", Text(1500) + " Read more."));
        Assert.Equal("doc-2999", detector.FindDuplicateOf("copy-2999", Text(2999)));
        Assert.Equal(3003, detector.Count);
    }
}
