using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waymark.Web.Api;

/// <summary>
/// Reads every string of an API body, turning text that is not valid Unicode (invalid UTF-8, or an escaped half of a
/// UTF-16 surrogate pair such as "\ud800") into a JSON error against its field (a 400), where the reader itself would
/// throw an exception that is not a JSON error (a 500).
/// </summary>
internal sealed class ApiJsonText : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // The serializer's own wording ("The JSON value could not be converted to System.String"), with the path.
            throw new JsonException();
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("The text holds a broken character (invalid UTF-8, or half of a UTF-16 surrogate pair)", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
