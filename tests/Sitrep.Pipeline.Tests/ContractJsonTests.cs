using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Pipeline.Tests;

public class ContractJsonTests
{
    private static JsonElement ExtractLine(ProcessedDocument outcome)
    {
        var sw = new StringWriter();
        new JsonLines(sw).Write(w => ContractJson.WriteExtractLine(w, outcome));
        var line = sw.ToString();
        Assert.EndsWith("\n", line);
        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        return JsonDocument.Parse(line).RootElement;
    }

    [Fact]
    public void ExtractLine_HasContractFields_AndOnlyCountedEventsInEvents()
    {
        var pipeline = new DocumentPipeline(new PassThroughExtractor(), [new OneEventAnnotator()]);
        var json = ExtractLine(pipeline.Process(Raw.Text("d1", "DATE:2018-08-31 Jets struck Hajin.")));
        foreach (var key in new[] { "id", "path", "url", "source", "title", "published", "text", "events", "quotes", "entities", "errors" })
            Assert.True(json.TryGetProperty(key, out _), $"missing {key}");
        Assert.Equal("2018-08-31", json.GetProperty("published").GetString());
        var ev = Assert.Single(json.GetProperty("events").EnumerateArray());
        Assert.Equal("Explosions/Remote violence", ev.GetProperty("event_type").GetString());
        Assert.Equal("Air/drone strike", ev.GetProperty("sub_event_type").GetString());
        Assert.Equal("2018-08-31", ev.GetProperty("event_date").GetString());
        Assert.Equal("day", ev.GetProperty("time_precision").GetString());
        Assert.Equal("asserted", ev.GetProperty("modality").GetString());
        Assert.Equal(0, ev.GetProperty("fatalities").GetInt32());
        Assert.Equal(JsonValueKind.Null, ev.GetProperty("latitude").ValueKind);
        Assert.Equal("FIGHT:aerial", ev.GetProperty("plover").GetString());
        Assert.Equal("195", ev.GetProperty("cameo").GetString());
        Assert.Equal("planned", json.GetProperty("other_reports")[0].GetProperty("modality").GetString());
    }

    [Fact]
    public void ExtractLine_ForFailedDocument_KeepsShapeAndNamesTheReason()
    {
        var json = ExtractLine(new ProcessedDocument("bad", "bad.gz", DocumentStatus.Failed, null, ["truncated gzip stream"]));
        Assert.Equal("bad", json.GetProperty("id").GetString());
        Assert.Equal("", json.GetProperty("text").GetString());
        Assert.Equal("truncated gzip stream", json.GetProperty("errors")[0].GetString());
        Assert.Empty(json.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public void NonAsciiText_IsWrittenReadably()
    {
        var sw = new StringWriter();
        new JsonLines(sw).Write(w => { w.WriteStartObject(); w.WriteString("t", "Deir ez-Zor “quote” دير الزور"); w.WriteEndObject(); });
        Assert.Contains("“quote” دير الزور", sw.ToString());
    }

    [Fact]
    public void EachLine_IsOneWriteToTheOutput_SoAnAutoFlushingConsoleMakesOneSystemCall()
    {
        var output = new CountingWriter();
        var lines = new JsonLines(output);
        var longText = new string('x', 40_000) + " دير الزور";
        lines.Write(w => { w.WriteStartObject(); w.WriteString("t", "short"); w.WriteEndObject(); });
        lines.Write(w => { w.WriteStartObject(); w.WriteString("t", longText); w.WriteEndObject(); });
        Assert.Equal(2, output.Writes);
        Assert.Equal("{\"t\":\"short\"}\n{\"t\":\"" + longText + "\"}\n", output.ToString());
    }

    [Fact]
    public void LinesToAByteStream_AreTheUtf8OfTheLinesToATextWriter_OneWritePerLine()
    {
        var text = new StringWriter();
        var bytes = new CountingStream();
        Action<System.Text.Json.Utf8JsonWriter> value = w => { w.WriteStartObject(); w.WriteString("t", "Deir ez-Zor “quote” دير الزور"); w.WriteEndObject(); };
        foreach (var lines in new[] { new JsonLines(text), new JsonLines(bytes) }) { lines.Write(value); lines.Write(value); }
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text.ToString()), bytes.ToArray());
        Assert.Equal(2, bytes.Writes);
    }

    /// <summary>A write-only stream that keeps the bytes and counts the write calls it receives.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly MemoryStream _bytes = new();
        public int Writes { get; private set; }
        public byte[] ToArray() => _bytes.ToArray();
        public override void Write(byte[] buffer, int offset, int count) { Writes++; _bytes.Write(buffer, offset, count); }
        public override void Write(ReadOnlySpan<byte> buffer) { Writes++; _bytes.Write(buffer); }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _bytes.Length;
        public override long Position { get => _bytes.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>A string writer that counts the write calls it receives.</summary>
    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }
        public override void Write(char value) { Writes++; base.Write(value); }
        public override void Write(char[] buffer, int index, int count) { Writes++; base.Write(buffer, index, count); }
        public override void Write(string? value) { Writes++; base.Write(value); }
        public override void Write(ReadOnlySpan<char> buffer) { Writes++; base.Write(buffer); }
    }
}
