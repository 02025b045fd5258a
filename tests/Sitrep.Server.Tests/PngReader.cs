using System.Buffers.Binary;
using System.IO.Compression;

namespace Sitrep.Server.Tests;

/// <summary>
/// Reads the PNGs the server writes, independently of its writer: checks the signature and every chunk's CRC (bit by
/// bit, no table), inflates the IDAT data and undoes the row filters None and Sub (the only ones the writer may use).
/// </summary>
internal static class PngReader
{
    public static (int Width, int Height, byte[] Rgba) Read(ReadOnlySpan<byte> png)
    {
        Assert.True(png[..8].SequenceEqual((byte[])[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "not a PNG signature");
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var at = 8;
        var types = new List<string>();
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[at..]);
            var typeAndData = png.Slice(at + 4, 4 + length);
            var type = System.Text.Encoding.ASCII.GetString(typeAndData[..4]);
            types.Add(type);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8 + length)..]), Crc(typeAndData));
            var data = typeAndData[4..];
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                Assert.Equal([8, 6, 0, 0, 0], data[8..13].ToArray().Select(b => (int)b));
            }
            if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        Assert.Equal("IHDR", types[0]);
        Assert.Equal("IEND", types[^1]);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = 4 * width;
        Assert.Equal((stride + 1) * height, raw.Length);
        var rgba = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                var v = raw[y * (stride + 1) + 1 + i];
                rgba[y * stride + i] = filter switch
                {
                    0 => v,
                    1 => (byte)(v + (i >= 4 ? rgba[y * stride + i - 4] : 0)),
                    _ => throw new InvalidDataException($"row {y}: filter {filter} is not one the server writes"),
                };
            }
        }
        return (width, height, rgba);
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (uint)-(int)(c & 1));
        }
        return ~c;
    }
}
