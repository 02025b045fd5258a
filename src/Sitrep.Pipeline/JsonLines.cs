using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sitrep.Pipeline;

/// <summary>Writes one JSON value per line to a <see cref="TextWriter"/>, reusing one buffer.</summary>
public sealed class JsonLines(TextWriter output)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private char[] _chars = new char[16 * 1024];

    /// <summary>Writes the value produced by <paramref name="write"/> followed by a newline.</summary>
    public void Write(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, ContractJson.WriterOptions)) write(w);
        var bytes = _buffer.WrittenSpan;
        var need = Encoding.UTF8.GetMaxCharCount(bytes.Length) + 1;
        if (_chars.Length < need) _chars = new char[Math.Max(need, 2 * _chars.Length)];
        var n = Encoding.UTF8.GetChars(bytes, _chars);
        _chars[n] = '\n';
        // One call per line, no string: an auto-flushing console writer makes one write(2) per call.
        output.Write(_chars, 0, n + 1);
    }
}
