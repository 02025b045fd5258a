using System.Buffers.Binary;
using System.IO.Compression;

namespace Sitrep.Ingest;

/// <summary>
/// Opens a file, decompressing it when it is gzip (by magic bytes). .NET's GZipStream ends silently on a truncated
/// file, so the returned stream checks the gzip trailer's size field at the end and throws
/// <see cref="InvalidDataException"/> when the data stopped short.
/// </summary>
public static class GzipInput
{
    /// <summary>Opens <paramref name="path"/>; <paramref name="compressed"/> tells whether it was gzip.</summary>
    public static Stream Open(string path, out bool compressed)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> head = stackalloc byte[2];
            var n = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            file.Position = 0;
            compressed = n == 2 && ContentSniffer.IsGzip(head);
            if (!compressed) return file;
            uint? trailerSize = null;
            if (file.Length >= 18)
            {
                Span<byte> tail = stackalloc byte[4];
                file.Position = file.Length - 4;
                file.ReadExactly(tail);
                file.Position = 0;
                trailerSize = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            }
            return new CheckedGzipStream(new GZipStream(file, CompressionMode.Decompress), trailerSize);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Wraps a GZipStream and verifies at end of data that the output length fits the trailer.</summary>
    private sealed class CheckedGzipStream(GZipStream inner, uint? trailerSize) : Stream
    {
        private long _total;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try { n = inner.Read(buffer); }
            catch (InvalidDataException) { throw; }
            catch (Exception e) when (e is not IOException) { throw new InvalidDataException(e.Message, e); }
            if (n == 0 && buffer.Length > 0) Verify();
            _total += n;
            return n;
        }

        private void Verify()
        {
            if (trailerSize is not { } size) { if (_total == 0) throw new InvalidDataException(IngestErrors.TruncatedGzip); return; }
            // A concatenated (multi-member) file's last trailer counts only its member, so it can be smaller than
            // the total; a truncated file's "trailer" is compressed noise, almost always larger.
            if (size != (uint)_total && (size > _total || _total > uint.MaxValue))
                throw new InvalidDataException(IngestErrors.TruncatedGzip);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _total; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
