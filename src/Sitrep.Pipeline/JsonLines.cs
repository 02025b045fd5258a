using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sitrep.Pipeline;

/// <summary>Writes one JSON value per line to a <see cref="TextWriter"/> or a UTF-8 byte stream, reusing one buffer.</summary>
public sealed class JsonLines
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly TextWriter? _text;
    private readonly Stream? _utf8;
    private char[] _chars = [];

    /// <summary>Lines written as text (a test's string writer, an export file).</summary>
    public JsonLines(TextWriter output) => _text = output;

    /// <summary>Lines written as the UTF-8 bytes the JSON writer makes, with no transcoding (standard output).</summary>
    public JsonLines(Stream utf8Output) => _utf8 = utf8Output;

    /// <summary>Writes the value produced by <paramref name="write"/> followed by a newline.</summary>
    public void Write(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, ContractJson.WriterOptions)) write(w);
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        var bytes = _buffer.WrittenSpan;
        // One call per line: an unbuffered console stream or auto-flushing console writer makes one write(2) per call.
        if (_utf8 is not null)
        {
            _utf8.Write(bytes);
            return;
        }
        var need = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < need) _chars = new char[Math.Max(need, 2 * _chars.Length)];
        var n = Encoding.UTF8.GetChars(bytes, _chars);
        _text!.Write(_chars, 0, n);
    }
}
