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
    /// fields (the headers may still name the error); it never throws.
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
                var isType = reader.ValueTextEquals("__type"u8);
                var isCode = !isType && (reader.ValueTextEquals("code"u8) || reader.ValueTextEquals("Code"u8));
                var isMessage = !isType && !isCode
                    && (reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("Message"u8) || reader.ValueTextEquals("errorMessage"u8));
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                }
                else if (isType)
                {
                    type ??= reader.GetString();
                }
                else if (isCode)
                {
                    code ??= reader.GetString();
                }
                else if (isMessage)
                {
                    message ??= reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // What was read before the body went wrong is kept; the rest is lost either way.
        }

        return new JsonErrorBody(type, code, message);
    }
}
