using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Sitrep.Server.Tests;

/// <summary>Reads <c>/api/points.bin</c> as openapi.json describes it, independently of the server's writer.</summary>
internal static class PointColumnsReader
{
    public static (JsonElement Header, List<(string Name, int?[] Values)> Values) Read(byte[] body)
    {
        Assert.Equal("SPC\u0001", Encoding.ASCII.GetString(body, 0, 4));
        var headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(4));
        var header = JsonDocument.Parse(body.AsMemory(8, headerLength)).RootElement;
        var data = (8 + headerLength + 3) / 4 * 4;
        var total = header.GetProperty("total").GetInt32();
        var columns = new List<(string, int?[])>();
        foreach (var c in header.GetProperty("columns").EnumerateArray())
        {
            var (type, offset, missing) = (c.GetProperty("type").GetString(), c.GetProperty("offset").GetInt32(), c.GetProperty("null").GetInt32());
            Assert.Equal(0, offset % 4);
            var values = new int?[total];
            for (var i = 0; i < total; i++)
            {
                var at = body.AsSpan(data + offset);
                int v = type switch
                {
                    "uint8" => at[i],
                    "uint16" => BinaryPrimitives.ReadUInt16LittleEndian(at[(2 * i)..]),
                    "int32" => BinaryPrimitives.ReadInt32LittleEndian(at[(4 * i)..]),
                    _ => throw new InvalidDataException($"unknown column type {type}"),
                };
                values[i] = v == missing ? null : v;
            }
            columns.Add((c.GetProperty("name").GetString()!, values));
        }
        return (header, columns);
    }
}
