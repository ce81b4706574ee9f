using System;
using System.Formats.Cbor;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Serialization;

namespace Codegen.Runtime.Protocols.Cbor;

/// <summary>Reads the error code and message of an rpcv2Cbor error response.</summary>
public static class CborErrors
{
    /// <summary>
    /// The code comes from <c>__type</c> in the body (the error's shape id), normalised
    /// (<see cref="ErrorCodes.Normalize"/>); the message from <c>message</c> or <c>Message</c>. The protocol names the
    /// error only in the body: <c>code</c> and the <c>x-amzn-ErrorType</c> header are ignored, and a body that cannot
    /// be read gives the code <c>Unknown</c> (the status code still says what kind of failure it was). For a
    /// query-compatible service (<paramref name="queryCompatible"/>) the code of the <c>x-amzn-query-error</c> header
    /// is the one reported, while <see cref="AwsErrorInfo.TypeCode"/> keeps the code that names the shape.
    /// </summary>
    public static AwsErrorInfo Read(AwsHttpResponse response, bool queryCompatible = false)
    {
        var (type, message) = ReadBody(response.Body);
        var typeCode = ErrorCodes.NormalizeOrNull(type);
        var queryCode = queryCompatible ? ErrorCodes.QueryCompatibleCode(response) : null;
        return new AwsErrorInfo(queryCode ?? typeCode ?? AwsErrorInfo.UnknownCode, message)
        {
            TypeCode = typeCode ?? queryCode ?? AwsErrorInfo.UnknownCode,
        };
    }

    /// <summary>The <c>__type</c> and message of the body's top-level map; what cannot be read is left out, never thrown.</summary>
    private static (string? Type, string? Message) ReadBody(ReadOnlyMemory<byte> body)
    {
        string? type = null;
        string? message = null;
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var reader = CborWireReader.CreateReader(body);
            if (!CborWireReader.StartMap(reader))
            {
                return default;
            }

            while (CborWireReader.NextEntry(reader))
            {
                // A key or a string that is not valid UTF-8 is left out (each is read whole before it is decoded, so
                // the reader is past it), as in the JSON protocols: the fields that are text still name the error.
                ReadOnlySpan<byte> name;
                var keyIsText = reader.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString;
                try
                {
                    name = CborWireReader.ReadMemberName(reader);
                }
                catch (AwsDeserializationException exception) when (keyIsText && exception.InnerException is null)
                {
                    CborWireReader.Skip(reader);
                    continue;
                }

                var isType = name.SequenceEqual("__type"u8);
                var isMessage = !isType && (name.SequenceEqual("message"u8) || name.SequenceEqual("Message"u8));
                if ((isType || isMessage) && reader.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString)
                {
                    var text = TryReadString(reader);
                    if (isType)
                    {
                        type ??= text;
                    }
                    else
                    {
                        message ??= text;
                    }
                }
                else
                {
                    CborWireReader.Skip(reader);
                }
            }

            return (type, message);
        }
        catch (Exception exception) when (exception is AwsDeserializationException || CborWireReader.IsReaderFailure(exception))
        {
            // What was read before the body went wrong is kept; the rest is lost either way.
        }

        return (type, message);
    }

    private static string? TryReadString(CborReader reader)
    {
        try
        {
            return CborWireReader.ReadString(reader);
        }
        catch (AwsDeserializationException exception) when (exception.InnerException is System.Text.DecoderFallbackException)
        {
            return null; // read whole, then found not to be UTF-8: the reader is past it
        }
    }
}
