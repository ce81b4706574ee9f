using System;
using System.Xml;
using Codegen.Runtime.Protocols.Xml;

namespace Codegen.Runtime.Protocols.Query;

/// <summary>Finds the output members in a successful awsQuery or ec2Query response.</summary>
public static class QueryResponses
{
    /// <summary>
    /// A reader on the element whose children are the output's members, or <see langword="null"/> when the body has
    /// none (an empty body, or an awsQuery response without its result element). awsQuery wraps them twice,
    /// <c>&lt;{Operation}Response&gt;&lt;{Operation}Result&gt;</c> (<paramref name="resultWrapper"/>; the
    /// <c>ResponseMetadata</c> beside it is skipped); ec2Query (<paramref name="resultWrapper"/> null) puts them in the
    /// root element, beside <c>requestId</c>. The caller disposes the reader.
    /// </summary>
    /// <exception cref="Serialization.AwsDeserializationException">The body is not well-formed XML up to the members.</exception>
    public static XmlReader? Open(ReadOnlyMemory<byte> body, string? resultWrapper)
    {
        var reader = XmlWireReader.OpenRoot(body);
        if (reader is null || resultWrapper is null)
        {
            return reader;
        }

        try
        {
            if (XmlWireReader.Enter(reader) && XmlWireReader.FindChild(reader, resultWrapper))
            {
                return reader;
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
