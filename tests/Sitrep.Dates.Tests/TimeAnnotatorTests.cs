using Sitrep.Core;
using Sitrep.Testing;

namespace Sitrep.Dates.Tests;

public sealed class TimeAnnotatorTests
{
    [Fact]
    public void Annotate_SetsTimes_ResolvedAgainstPublicationDate()
    {
        var doc = DocumentBuilder.Of("On August 30, warplanes struck. A day earlier, fighters attacked.", "2018-09-27");
        var annotated = new TimeAnnotator().Annotate(doc);
        Assert.Equal(2, annotated.Times.Count);
        Assert.Equal(new DateOnly(2018, 8, 30), annotated.Times[0].Date.Start);
        Assert.Equal(new DateOnly(2018, 9, 26), annotated.Times[1].Date.Start);
        Assert.Empty(doc.Times); // the input document is not changed
    }

    [Fact]
    public void Annotate_WithoutPublicationDate_LeavesRelativeDatesUnresolved()
    {
        var annotated = new TimeAnnotator().Annotate(DocumentBuilder.Of("Jets struck on Saturday."));
        var m = Assert.Single(annotated.Times);
        Assert.False(m.Date.IsResolved);
        Assert.Equal("no publication date", m.Date.Reason);
    }

    [Fact]
    public void Annotator_DeclaresItReadsTextAndWritesTimes()
    {
        var a = new TimeAnnotator();
        Assert.Equal([Layers.Text], a.Reads);
        Assert.Equal([Layers.Times], a.Writes);
    }
}
