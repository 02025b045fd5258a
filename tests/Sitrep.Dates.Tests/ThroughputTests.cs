using System.Diagnostics;
using Xunit.Abstractions;

namespace Sitrep.Dates.Tests;

/// <summary>Throughput sanity check (slow-ish: ~2 s). Numbers in docs/results/dates.md come from a Release run.</summary>
public sealed class ThroughputTests(ITestOutputHelper output)
{
    private const string Paragraph =
        "On August 30, US-led coalition warplanes carried out a series of airstrikes on several positions on the " +
        "eastern bank of the river, according to the observatory. A day earlier, fighters attacked positions of the " +
        "SDF around the oil field, and the coalition deployed units over the last few days. The 28-year-old militant " +
        "said the nine-month battle had cost 2,500 $ a day. Abu Talha said he took over Mosul in June; the strikes " +
        "began last week and continued on Saturday, 27 September 2014, while talks are set for next Tuesday. " +
        "Comments: 6 Oldest Newest Most Voted Inline Feedbacks View all comments KennyB Will someone please explain?\n";

    [Fact]
    [Trait("Category", "Perf")]
    public void Find_HandlesAtLeastHalfAMillionCharsPerSecond_EvenInDebug()
    {
        var text = string.Concat(Enumerable.Repeat(Paragraph, 200));
        var recognizer = new TimeExpressionRecognizer();
        var anchor = new DateOnly(2018, 9, 27);
        for (var k = 0; k < 50; k++) recognizer.Find(text, anchor); // past tiered-JIT warm-up
        var sw = Stopwatch.StartNew();
        long chars = 0;
        var runs = 0;
        while (sw.ElapsedMilliseconds < 1500 || runs < 10)
        {
            recognizer.Find(text, anchor);
            chars += text.Length;
            runs++;
        }
        var rate = chars / sw.Elapsed.TotalSeconds;
        output.WriteLine($"{rate / 1e6:F2} M chars/s ({runs} runs of {text.Length} chars)");
        // A floor far below the measured rate, so a shared, busy machine does not make it flaky.
        Assert.True(rate > 500_000, $"{rate:F0} chars/s");
    }
}
