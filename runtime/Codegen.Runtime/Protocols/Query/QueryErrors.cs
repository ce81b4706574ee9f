using System;
using System.Xml;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Protocols.Xml;
using Codegen.Runtime.Serialization;

namespace Codegen.Runtime.Protocols.Query;

/// <summary>
/// Reads the error responses of awsQuery (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;...</c>, then
/// <c>&lt;RequestId&gt;</c>) and ec2Query (<c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;...</c>, then
/// <c>&lt;RequestID&gt;</c>). Both shapes are accepted for either protocol. A body that cannot be read never throws
/// here: the code is then <c>Unknown</c> (the status code still says what kind of failure it was).
/// </summary>
public static class QueryErrors
{
    /// <summary>The error's code (<c>Code</c>, as sent: awsQuery codes such as <c>AWS.SimpleQueueService.NonExistentQueue</c> are kept whole) and message.</summary>
    public static AwsErrorInfo Read(AwsHttpResponse response)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var reader = OpenError(response.Body);
            if (reader is not null && XmlWireReader.Enter(reader))
            {
                while (XmlWireReader.NextChild(reader))
                {
                    if (XmlWireReader.Is(reader, "Code"))
                    {
                        code ??= XmlWireReader.ReadString(reader).Trim();
                    }
                    else if (XmlWireReader.Is(reader, "Message") || XmlWireReader.Is(reader, "message"))
                    {
                        message ??= XmlWireReader.ReadString(reader);
                    }
                    else
                    {
                        XmlWireReader.Skip(reader);
                    }
                }
            }
        }
        catch (AwsDeserializationException)
        {
            // What was read before the body went wrong is kept.
        }

        return new AwsErrorInfo(string.IsNullOrEmpty(code) ? AwsErrorInfo.UnknownCode : code!, message);
    }

    /// <summary>
    /// The request id of an error response: the <c>x-amzn-RequestId</c> header, else the body's <c>RequestId</c>
    /// (awsQuery) or <c>RequestID</c> (ec2Query) beside the error.
    /// </summary>
    public static string? RequestId(AwsHttpResponse response)
    {
        if (response.RequestId is { } header)
        {
            return header;
        }

        try
        {
            using var reader = XmlWireReader.OpenRoot(response.Body);
            if (reader is null || !XmlWireReader.Enter(reader))
            {
                return null;
            }

            while (XmlWireReader.NextChild(reader))
            {
                if (XmlWireReader.Is(reader, "RequestId") || XmlWireReader.Is(reader, "RequestID"))
                {
                    return XmlWireReader.ReadString(reader).Trim();
                }

                XmlWireReader.Skip(reader);
            }
        }
        catch (AwsDeserializationException)
        {
            // No request id, then.
        }

        return null;
    }

    /// <summary>
    /// A reader on the <c>&lt;Error&gt;</c> element of an error body (its members are the error's), or
    /// <see langword="null"/> when the body has none. The caller disposes it.
    /// </summary>
    /// <exception cref="AwsDeserializationException">The body is not well-formed XML up to the error.</exception>
    public static XmlReader? OpenError(ReadOnlyMemory<byte> body)
    {
        var reader = XmlWireReader.OpenRoot(body);
        if (reader is null)
        {
            return null;
        }

        try
        {
            if (XmlWireReader.Is(reader, "Error"))
            {
                return reader;
            }

            if (XmlWireReader.Enter(reader))
            {
                while (XmlWireReader.NextChild(reader))
                {
                    if (XmlWireReader.Is(reader, "Error"))
                    {
                        return reader;
                    }

                    if (XmlWireReader.Is(reader, "Errors"))
                    {
                        if (XmlWireReader.Enter(reader) && XmlWireReader.FindChild(reader, "Error"))
                        {
                            return reader;
                        }

                        continue;
                    }

                    XmlWireReader.Skip(reader);
                }
            }
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        reader.Dispose();
        return null;
    }
}
