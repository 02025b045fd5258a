using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sitrep.Pipeline;

/// <summary>Writes one JSON value per line to a <see cref="TextWriter"/>, reusing one buffer.</summary>
public sealed class JsonLines(TextWriter output)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    /// <summary>Writes the value produced by <paramref name="write"/> followed by a newline.</summary>
    public void Write(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, ContractJson.WriterOptions)) write(w);
        output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        output.Write('\n');
    }
}
