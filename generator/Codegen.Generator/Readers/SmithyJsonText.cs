using System.Globalization;
using System.Text;
using Codegen.Generator.Json;

namespace Codegen.Generator.Readers;

/// <summary>Writes a parsed JSON value back as compact JSON text (for <c>@default</c> values kept in the model).</summary>
internal static class SmithyJsonText
{
    public static string Write(JsonValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonValue value)
    {
        // Nesting is bounded by the parser's depth limit, so recursion is safe here.
        switch (value)
        {
            case JsonObject obj:
                builder.Append('{');
                for (var i = 0; i < obj.Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteString(builder, obj.Properties[i].Name);
                    builder.Append(':');
                    Write(builder, obj.Properties[i].Value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array.Items[i]);
                }

                builder.Append(']');
                break;
            case JsonString text:
                WriteString(builder, text.Value);
                break;
            case JsonNumber number:
                builder.Append(number.Text);
                break;
            case JsonBoolean boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < ' ')
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
}
