using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Ingest.Tests;

/// <summary>A WARC far larger than the memory it may use is read record by record.</summary>
public sealed class WarcStreamingTests
{
    /// <summary>Generates a WARC of <c>records</c> response records on the fly: the bytes never exist all at once.</summary>
    private sealed class GeneratedWarc(int records, int bodyBytes) : Stream
    {
        private readonly byte[] _record = Record(bodyBytes);
        private long _position;
        private long Total => (long)records * _record.Length;

        private static byte[] Record(int bodyBytes)
        {
            var filler = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>");
            while (filler.Length < bodyBytes - 20) filler.Append("<p>Shelling was reported near the town again today.</p>");
            filler.Append("</body></html>");
            var body = Encoding.ASCII.GetBytes(filler.ToString());
            return Encoding.ASCII.GetBytes($"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\nContent-Length: {body.Length}\r\n\r\n")
                .Concat(body).Concat("\r\n\r\n"u8.ToArray()).ToArray();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, Total - _position);
            for (var done = 0; done < n;)
            {
                var at = (int)((_position + done) % _record.Length);
                var take = Math.Min(n - done, _record.Length - at);
                Buffer.BlockCopy(_record, at, buffer, offset + done, take);
                done += take;
            }
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => Total;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void ThreeHundredMegabyteWarc_IsReadWithBoundedMemory()
    {
        const int records = 1600, bodyBytes = 200_000; // 320 MB in all
        var stream = new GeneratedWarc(records, bodyBytes);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLive = 0;
        var count = 0;
        foreach (var doc in WarcReader.ReadRecords(stream, "gen.warc", "gen"))
        {
            Assert.Empty(doc.Errors);
            if (++count % 100 == 0) peakLive = Math.Max(peakLive, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }
        Assert.Equal(records, count);
        Assert.True(stream.Length > 300_000_000);
        // Live memory while reading stays at a few records' worth, not the stream's size.
        Assert.True(peakLive < 16L << 20, $"live memory grew by {peakLive >> 20} MB while reading");
    }
}
