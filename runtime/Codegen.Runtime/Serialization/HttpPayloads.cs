using System;
using System.Text;

namespace Codegen.Runtime.Serialization;

/// <summary>Payloads that are the whole body of a message as text (a string or enum member bound to the body).</summary>
public static class HttpPayloads
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as UTF-8 text; <see langword="null"/> for an empty body.</summary>
    /// <exception cref="AwsDeserializationException">The body is not valid UTF-8.</exception>
    public static string? ReadText(ReadOnlyMemory<byte> body, string member)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(body.Span);
        }
        catch (DecoderFallbackException exception)
        {
            throw new AwsDeserializationException("$." + member, "the body is not valid UTF-8", exception);
        }
    }

    /// <summary>
    /// The body of a streaming payload: the unbuffered <see cref="Http.AwsHttpResponse.BodyStream"/>, or a read-only
    /// stream over a buffered body (an error, or a response read from memory). Never null: an empty body is an empty stream.
    /// </summary>
    public static System.IO.Stream ReadStream(Http.AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.BodyStream is { } stream)
        {
            return stream;
        }

        return response.Body.IsEmpty
            ? new System.IO.MemoryStream(Array.Empty<byte>(), writable: false)
            : new System.IO.MemoryStream(response.Body.ToArray(), writable: false);
    }

    /// <summary>The UTF-8 bytes of a text payload.</summary>
    public static byte[] WriteText(string text) => StrictUtf8.GetBytes(text);
}
