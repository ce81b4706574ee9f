using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Codegen.Runtime.Model;

/// <summary>
/// Builds the <c>ToString()</c> text of generated types: <c>Type { A = 1, B = "x", Secret = *** }</c>.
/// Sensitive members are written as <see cref="Redacted"/> and never read.
/// </summary>
public sealed class ShapeText
{
    /// <summary>What a sensitive member prints as.</summary>
    public const string Redacted = "***";

    /// <summary>Beyond this nesting, values print as <c>...</c>, so a deep recursive value cannot exhaust the stack.</summary>
    public const int MaxDepth = 32;

    [ThreadStatic]
    private static int t_depth;

    private readonly StringBuilder _builder;
    private bool _first = true;

    private ShapeText(string typeName)
    {
        _builder = new StringBuilder(typeName).Append(" {");
    }

    /// <summary>
    /// The whole text of a value whose shape the model marks sensitive: <c>Type { *** }</c>, whatever is set (no member,
    /// nor which members are set, shows).
    /// </summary>
    public static string Redact(string typeName) => typeName + " { " + Redacted + " }";

    /// <summary>Starts the text of a value of <paramref name="typeName"/>.</summary>
    public static ShapeText Begin(string typeName) => new(typeName);

    /// <summary>Adds a member that is not sensitive; an absent (null) member is left out.</summary>
    public ShapeText Add<T>(string name, T value)
    {
        if (value is null)
        {
            return this;
        }

        Separator(name);
        Append(_builder, value);
        return this;
    }

    /// <summary>Adds a sensitive member: present or not, only whether it is set shows.</summary>
    public ShapeText AddSensitive<T>(string name, T value)
    {
        if (value is null)
        {
            return this;
        }

        Separator(name);
        _builder.Append(Redacted);
        return this;
    }

    /// <summary>Finishes the text.</summary>
    public override string ToString() => _builder.Append(_first ? "}" : " }").ToString();

    private void Separator(string name)
    {
        _builder.Append(_first ? " " : ", ").Append(name).Append(" = ");
        _first = false;
    }

    private static void Append(StringBuilder builder, object? value)
    {
        if (t_depth >= MaxDepth)
        {
            builder.Append("...");
            return;
        }

        t_depth++;
        try
        {
            switch (value)
            {
                case null:
                    builder.Append("null");
                    break;
                case string text:
                    AppendString(builder, text);
                    break;
                case bool flag:
                    builder.Append(flag ? "true" : "false");
                    break;
                case DateTimeOffset timestamp:
                    builder.Append(timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                    break;
                case ReadOnlyMemory<byte> blob:
                    builder.Append("<").Append(blob.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes>");
                    break;
                case JsonElement document:
                    builder.Append(document.GetRawText());
                    break;
                case System.IO.Stream:
                    builder.Append("<stream>"); // a streaming payload: never read to be printed
                    break;
                case IFormattable formattable:
                    builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                case IShapeMap shapeMap:
                    AppendMap(builder, shapeMap);
                    break;
                case System.Collections.IDictionary map:
                    AppendMap(builder, map);
                    break;
                case System.Collections.IEnumerable items:
                    builder.Append('[');
                    var first = true;
                    foreach (var item in items)
                    {
                        builder.Append(first ? "" : ", ");
                        first = false;
                        Append(builder, item);
                    }

                    builder.Append(']');
                    break;
                default:
                    builder.Append(value);
                    break;
            }
        }
        finally
        {
            t_depth--;
        }
    }

    /// <summary>
    /// A string in quotes, with control, format and line-separator characters escaped (<c>\n</c>, <c>\u202e</c>): a
    /// value or map key the server sent cannot break or fake a log line when the text is logged.
    /// </summary>
    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (Serialization.AwsDeserializationException.NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static void AppendMap(StringBuilder builder, IShapeMap map)
    {
        builder.Append('{');
        var first = true;
        foreach (var entry in map.Entries())
        {
            builder.Append(first ? " " : ", ");
            first = false;
            Append(builder, entry.Key);
            builder.Append(": ");
            Append(builder, entry.Value);
        }

        builder.Append(first ? "}" : " }");
    }

    private static void AppendMap(StringBuilder builder, System.Collections.IDictionary map)
    {
        builder.Append('{');
        var first = true;
        foreach (System.Collections.DictionaryEntry entry in map)
        {
            builder.Append(first ? " " : ", ");
            first = false;
            Append(builder, entry.Key);
            builder.Append(": ");
            Append(builder, entry.Value);
        }

        builder.Append(first ? "}" : " }");
    }
}
