using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Sitrep.Server;

/// <summary>
/// Writes 8-bit RGBA pictures as PNG (one IHDR, one IDAT, IEND; every row filtered with Sub), with the framework's
/// zlib and a CRC-32 of its own: no imaging package for one picture format.
/// </summary>
public static class Png
{
    /// <summary>The eight bytes every PNG file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

    /// <summary>The Content-Type of a PNG.</summary>
    public const string MediaType = "image/png";

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> straight RGBA pixels, row by row.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (width <= 0 || height <= 0 || rgba.Length != checked(width * height * 4))
            throw new ArgumentException($"a {width} x {height} RGBA picture needs {(long)width * height * 4} bytes, got {rgba.Length}", nameof(rgba));
        using var file = new MemoryStream();
        file.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        // header[10..12]: deflate, adaptive filtering, no interlace (all 0)
        Chunk(file, "IHDR"u8, header);
        Chunk(file, "IDAT"u8, Compress(rgba, width, height));
        Chunk(file, "IEND"u8, []);
        return file.ToArray();
    }

    // Rows filtered with Sub (each byte less the same channel of the pixel before): runs of one colour become zeros,
    // which deflate packs well, at the cost of one subtraction a byte. Deflated at the fastest level: the discs are
    // drawn per request when not cached, and the page is on loopback or a local network.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] Compress(ReadOnlySpan<byte> rgba, int width, int height)
    {
        var stride = 4 * width;
        var filtered = new byte[stride + 1];
        filtered[0] = 1;
        using var packed = new MemoryStream(stride * height / 8 + 64);
        using (var z = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            for (var y = 0; y < height; y++)
            {
                var row = rgba.Slice(y * stride, stride);
                row[..4].CopyTo(filtered.AsSpan(1));
                for (var i = 4; i < stride; i++) filtered[1 + i] = (byte)(row[i] - row[i - 4]);
                z.Write(filtered);
            }
        return packed.ToArray();
    }

    private static void Chunk(Stream file, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        file.Write(type);
        file.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Of(type, data));
        file.Write(number);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320), over the type and then the data.</summary>
    public static class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        /// <summary>The CRC of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
        public static uint Of(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) => ~Update(Update(~0u, first), second);

        private static uint Update(uint c, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes) c = Table[(c ^ b) & 0xff] ^ (c >> 8);
            return c;
        }
    }
}
