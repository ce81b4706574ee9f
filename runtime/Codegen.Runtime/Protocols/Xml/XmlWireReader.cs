using System;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Xml;
using Codegen.Runtime.Serialization;

namespace Codegen.Runtime.Protocols.Xml;

/// <summary>
/// Reads the values of XML bodies (the awsQuery and ec2Query responses; restXml's too) from a forward-only
/// <see cref="XmlReader"/>, without building a document. The reader never processes a DTD (a body with one is
/// rejected, so no entity can be expanded and nothing is fetched), resolves nothing, and refuses nesting deeper than
/// <see cref="MaxDepth"/>. Elements are matched by local name (namespaces are not checked), whitespace, comments and
/// processing instructions between elements are skipped, and every failure (malformed XML, an invalid character, a
/// number, boolean, timestamp or base64 value that does not parse, an element where text was expected) is an
/// <see cref="AwsDeserializationException"/> with path <c>$</c>, made longer by each enclosing reader. The XML
/// reader's own messages are not kept, since they may quote input.
/// </summary>
/// <remarks>
/// The generated readers walk elements with <see cref="Enter"/> and <see cref="NextChild"/>: a value reader is called
/// with the reader on the value's start element and leaves it after the value's end element.
/// </remarks>
public static class XmlWireReader
{
    /// <summary>The deepest element nesting accepted in a body.</summary>
    public const int MaxDepth = 128;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CheckCharacters = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
        ConformanceLevel = ConformanceLevel.Document,
    };

    /// <summary>
    /// A reader over <paramref name="body"/> positioned on its root element, or <see langword="null"/> for an empty
    /// body (or one holding only whitespace).
    /// </summary>
    public static XmlReader? OpenRoot(ReadOnlyMemory<byte> body)
    {
        if (IsBlank(body.Span))
        {
            return null;
        }

        var reader = XmlReader.Create(new ReadOnlyMemoryStream(body), Settings);
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new AwsDeserializationException("$", "the body has no root element");
            }

            return reader;
        }
        catch (XmlException exception)
        {
            reader.Dispose();
            throw Malformed(exception);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The exception for XML the reader could not read: the line and column are kept, the message is not (it may
    /// quote input).
    /// </summary>
    public static AwsDeserializationException Malformed(XmlException exception) =>
        new("$", "malformed XML (line " + exception.LineNumber.ToString(CultureInfo.InvariantCulture) + ", position "
            + exception.LinePosition.ToString(CultureInfo.InvariantCulture) + ")", exception);

    /// <summary>
    /// Enters the element the reader is on: <see langword="true"/> when it has content (the reader is then inside it,
    /// for <see cref="NextChild"/>), <see langword="false"/> for an empty element (<c>&lt;a/&gt;</c>, consumed).
    /// </summary>
    public static bool Enter(XmlReader reader)
    {
        try
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw new AwsDeserializationException("$", "expected an element");
            }

            if (reader.Depth >= MaxDepth)
            {
                throw new AwsDeserializationException("$", "elements are nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            }

            if (reader.IsEmptyElement)
            {
                reader.Read();
                return false;
            }

            reader.Read();
            return true;
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>
    /// Moves to the next child element of the element entered (skipping text, whitespace and comments):
    /// <see langword="true"/> with the reader on it, or <see langword="false"/> at the end of the entered element (its
    /// end tag consumed).
    /// </summary>
    public static bool NextChild(XmlReader reader)
    {
        try
        {
            while (true)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        return true;
                    case XmlNodeType.EndElement:
                        reader.Read();
                        return false;
                    case XmlNodeType.None:
                        throw new AwsDeserializationException("$", "the body ends inside an element");
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>
    /// Reads the rest of the body after its members were read (what follows them, such as awsQuery's
    /// <c>ResponseMetadata</c>, up to the root's end tag), so that a truncated or malformed end is an error too.
    /// </summary>
    public static void Finish(XmlReader? reader)
    {
        if (reader is null)
        {
            return;
        }

        try
        {
            while (reader.Read())
            {
                if (reader.Depth > MaxDepth)
                {
                    throw new AwsDeserializationException("$", "elements are nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
                }
            }
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>Whether the element the reader is on has the local name <paramref name="name"/>.</summary>
    public static bool Is(XmlReader reader, string name) => string.Equals(reader.LocalName, name, StringComparison.Ordinal);

    /// <summary>Skips the element the reader is on, with everything in it (nested no deeper than <see cref="MaxDepth"/>).</summary>
    public static void Skip(XmlReader reader)
    {
        try
        {
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return;
            }

            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth || reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.Depth >= MaxDepth)
                {
                    throw new AwsDeserializationException("$", "elements are nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
                }

                if (!reader.Read())
                {
                    throw new AwsDeserializationException("$", "the body ends inside an element");
                }
            }

            reader.Read();
        }
        catch (XmlException exception)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>
    /// Moves into the child element named <paramref name="name"/> of the element entered, skipping the others before
    /// it: <see langword="true"/> with the reader on it, <see langword="false"/> when there is none (the entered
    /// element then consumed).
    /// </summary>
    public static bool FindChild(XmlReader reader, string name)
    {
        while (NextChild(reader))
        {
            if (Is(reader, name))
            {
                return true;
            }

            Skip(reader);
        }

        return false;
    }

    /// <summary>The text of the element the reader is on (empty for an empty element); a child element is an error.</summary>
    public static string ReadString(XmlReader reader)
    {
        try
        {
            if (reader.Depth >= MaxDepth)
            {
                throw new AwsDeserializationException("$", "elements are nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            }

            return reader.ReadElementContentAsString();
        }
        catch (XmlException exception)
        {
            throw new AwsDeserializationException("$", "expected text, found markup or malformed XML", exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new AwsDeserializationException("$", "expected an element holding text", exception);
        }
    }

    /// <summary>A <c>byte</c> (Smithy's 8-bit integer).</summary>
    public static sbyte ReadSByte(XmlReader reader) =>
        sbyte.TryParse(Trim(ReadString(reader)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("an 8-bit integer");

    /// <summary>A <c>short</c>.</summary>
    public static short ReadInt16(XmlReader reader) =>
        short.TryParse(Trim(ReadString(reader)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("a 16-bit integer");

    /// <summary>An <c>integer</c>.</summary>
    public static int ReadInt32(XmlReader reader) =>
        int.TryParse(Trim(ReadString(reader)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("a 32-bit integer");

    /// <summary>A <c>long</c>.</summary>
    public static long ReadInt64(XmlReader reader) =>
        long.TryParse(Trim(ReadString(reader)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("a 64-bit integer");

    /// <summary>A <c>bigInteger</c>.</summary>
    public static BigInteger ReadBigInteger(XmlReader reader) =>
        BigInteger.TryParse(Trim(ReadString(reader)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("an integer");

    /// <summary>A <c>bigDecimal</c>.</summary>
    public static decimal ReadDecimal(XmlReader reader) =>
        decimal.TryParse(Trim(ReadString(reader)), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("a decimal number");

    /// <summary>A <c>float</c>; <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> as the protocols write them.</summary>
    public static float ReadSingle(XmlReader reader) => ParseFloating(Trim(ReadString(reader)), out var value) ? (float)value : throw Invalid("a number");

    /// <summary>A <c>double</c>; <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> as the protocols write them.</summary>
    public static double ReadDouble(XmlReader reader) => ParseFloating(Trim(ReadString(reader)), out var value) ? value : throw Invalid("a number");

    /// <summary>A boolean: <c>true</c> or <c>false</c>.</summary>
    public static bool ReadBoolean(XmlReader reader) => Trim(ReadString(reader)) switch
    {
        "true" => true,
        "false" => false,
        _ => throw Invalid("true or false"),
    };

    /// <summary>A blob in base64 (an empty element is an empty blob).</summary>
    public static ReadOnlyMemory<byte> ReadBlob(XmlReader reader)
    {
        var text = Trim(ReadString(reader));
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException exception)
        {
            throw new AwsDeserializationException("$", "expected base64", exception);
        }
    }

    /// <summary>A timestamp in <paramref name="format"/> (the XML protocols' default is <see cref="TimestampFormat.Iso8601"/>).</summary>
    public static DateTimeOffset ReadTimestamp(XmlReader reader, TimestampFormat format)
    {
        var text = Trim(ReadString(reader));
        switch (format)
        {
            case TimestampFormat.EpochSeconds:
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    try
                    {
                        return Timestamps.FromEpochSeconds(seconds);
                    }
                    catch (ArgumentOutOfRangeException exception)
                    {
                        throw new AwsDeserializationException("$", "epoch seconds out of range", exception);
                    }
                    catch (OverflowException exception)
                    {
                        throw new AwsDeserializationException("$", "epoch seconds out of range", exception);
                    }
                }

                throw Invalid("epoch seconds");
            case TimestampFormat.HttpDate:
                return Timestamps.TryParseHttpDate(text, out var date) ? date : throw Invalid("an HTTP date");
            default:
                return Timestamps.TryParseIso8601(text, out var time) ? time : throw Invalid("an ISO 8601 date-time");
        }
    }

    /// <summary>The exception for a map entry without its key element.</summary>
    public static AwsDeserializationException MissingMapKey() => new("$", "a map entry has no key");

    private static bool ParseFloating(string text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-Infinity":
                value = double.NegativeInfinity;
                return true;
        }

        // Only decimal forms: .NET's own spellings of the special values ("∞", "nan" in any case) are not the protocol's.
        if (text.Length == 0 || (!char.IsAsciiDigit(text[text.Length - 1]) && text[text.Length - 1] != '.'))
        {
            value = 0;
            return false;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static AwsDeserializationException Invalid(string expected) => new("$", "expected " + expected);

    private static string Trim(string text) => text.Trim(' ', '\t', '\r', '\n');

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A read-only stream over the body's memory, without copying it.</summary>
    private sealed class ReadOnlyMemoryStream : Stream
    {
        private readonly ReadOnlyMemory<byte> _memory;
        private int _position;

        public ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) => _memory = memory;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _memory.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, _memory.Length - _position);
            _memory.Span.Slice(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
