using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>
/// JSON options for storing Core records losslessly: snake_case names, dates as yyyy-MM-dd, enums by name, text
/// ranges as {"start","end"}, and computed properties (EventType, Fatalities, IsResolved...) left out because they
/// are derived on reading.
/// </summary>
public static class SitrepJson
{
    /// <summary>The shared options (immutable once first used).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serialises <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserialises <paramref name="json"/> with <see cref="Options"/>; throws <see cref="JsonException"/> on null.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null where a {typeof(T).Name} was stored");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropComputedProperties } },
            Converters = { new DateOnlyConverter(), new TextRangeConverter(), new JsonStringEnumConverter() },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void DropComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var p = info.Properties[i];
            if (p.Set is null && p.AssociatedParameter is null) info.Properties.RemoveAt(i);
        }
    }

    /// <summary>DateOnly as ISO yyyy-MM-dd, strictly.</summary>
    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new JsonException($"not a yyyy-MM-dd date: {reader.GetString()}");

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>TextRange as {"start": n, "end": n}, the contract's evidence shape.</summary>
    private sealed class TextRangeConverter : JsonConverter<TextRange>
    {
        public override TextRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("a text range must be an object");
            int? start = null, end = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var isStart = reader.ValueTextEquals("start"u8);
                var isEnd = reader.ValueTextEquals("end"u8);
                reader.Read();
                if (isStart) start = reader.GetInt32();
                else if (isEnd) end = reader.GetInt32();
                else reader.Skip();
            }
            return start is { } s && end is { } e ? new TextRange(s, e) : throw new JsonException("a text range needs start and end");
        }

        public override void Write(Utf8JsonWriter writer, TextRange value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start"u8, value.Start);
            writer.WriteNumber("end"u8, value.End);
            writer.WriteEndObject();
        }
    }
}
