using System.Text.Json;

namespace Codegen.Runtime.Protocols.Json;

/// <summary>
/// The fields of a JSON error body that name the error and say what went wrong: <c>__type</c>, <c>code</c> (or
/// <c>Code</c>) and the message (<c>message</c>, <c>Message</c> or <c>errorMessage</c>). Both JSON protocols read
/// them; they differ only in which name wins (see their error readers).
/// </summary>
/// <param name="Type">The <c>__type</c> string, not normalised.</param>
/// <param name="Code">The <c>code</c> or <c>Code</c> string, not normalised.</param>
/// <param name="Message">The message.</param>
public readonly record struct JsonErrorBody(string? Type, string? Code, string? Message)
{
    /// <summary>
    /// Reads the fields from <paramref name="body"/>. A body that is empty, not JSON or not an object gives no
    /// fields (the headers may still name the error), and a field whose text is not valid UTF-8 or holds an unpaired
    /// surrogate is left out; it never throws, so the status code still decides whether the error is retried.
    /// </summary>
    public static JsonErrorBody Read(System.ReadOnlySpan<byte> body)
    {
        string? type = null;
        string? code = null;
        string? message = null;
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var reader = new Utf8JsonReader(body, JsonWireReader.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // A name that is not text (ValueTextEquals would throw on its escapes) is no field of ours.
                var name = reader.ValueIsEscaped ? JsonWireReader.TryReadText(ref reader) ?? "" : null;
                var isType = Is(ref reader, name, "__type"u8, "__type");
                var isCode = !isType && (Is(ref reader, name, "code"u8, "code") || Is(ref reader, name, "Code"u8, "Code"));
                var isMessage = !isType && !isCode
                    && (Is(ref reader, name, "message"u8, "message") || Is(ref reader, name, "Message"u8, "Message") || Is(ref reader, name, "errorMessage"u8, "errorMessage"));
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                }
                else if (isType)
                {
                    type ??= JsonWireReader.TryReadText(ref reader);
                }
                else if (isCode)
                {
                    code ??= JsonWireReader.TryReadText(ref reader);
                }
                else if (isMessage)
                {
                    message ??= JsonWireReader.TryReadText(ref reader);
                }
            }
        }
        catch (JsonException)
        {
            // What was read before the body went wrong is kept; the rest is lost either way.
        }

        return new JsonErrorBody(type, code, message);
    }

    // An unescaped name is compared as bytes; an escaped one by its decoded text (empty when it is not text).
    private static bool Is(ref Utf8JsonReader reader, string? escapedName, System.ReadOnlySpan<byte> utf8, string text) =>
        escapedName is null ? reader.ValueTextEquals(utf8) : escapedName == text;
}
