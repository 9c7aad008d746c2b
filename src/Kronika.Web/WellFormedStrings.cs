using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Kronika.Ingest;

namespace Kronika.Web;

/// <summary>
/// Strings in the API's JSON, read and written as Kronika reads text: a `\ud800` escape (half of a surrogate pair,
/// which System.Text.Json refuses to read with an exception that would be a 500) is read as U+FFFD, as decoding reads
/// a broken byte sequence; a string with such a half is written with U+FFFD in its place.
/// </summary>
internal sealed class WellFormedStrings : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException) when (reader.TokenType == JsonTokenType.String)
        {
            var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            return TextDecoder.WellFormed(Regex.Unescape(raw));
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(TextDecoder.WellFormed(value));
}
