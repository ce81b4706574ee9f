using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Codegen.Generator.Emit;

/// <summary>
/// Turns model documentation (HTML fragments) into XML doc comments. Tags are dropped and entities decoded,
/// paragraphs and list items become <c>&lt;para&gt;</c>, <c>&lt;code&gt;</c> becomes <c>&lt;c&gt;</c>, and the
/// result is XML-escaped, so that no model text can produce an invalid comment or break the build.
/// </summary>
internal static class DocComments
{
    /// <summary>
    /// Writes a summary from the model's documentation, or <paramref name="fallbackXml"/> when there is none.
    /// The fallback is XML doc text already (it may hold <c>&lt;c&gt;</c> or <c>&lt;see/&gt;</c>), so it is written as
    /// it is: the caller escapes the model text it puts in (<see cref="Escape"/>). Escaping it again here wrote
    /// <c>&amp;lt;c&amp;gt;</c> into the comment.
    /// </summary>
    public static void Summary(SourceWriter writer, string? html, string fallbackXml)
    {
        var paragraphs = ToParagraphs(html);
        if (paragraphs.Count == 0)
        {
            paragraphs.Add(fallbackXml);
        }

        writer.Line("/// <summary>");
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var text = paragraphs[i];
            if (paragraphs.Count > 1)
            {
                text = "<para>" + text + "</para>";
            }

            writer.Line("/// " + text);
        }

        writer.Line("/// </summary>");
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        // Line breaks and stray surrogates would end or corrupt the comment line.
                        builder.Append(' ');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits documentation HTML into paragraphs of escaped text (with &lt;c&gt; for code).</summary>
    public static List<string> ToParagraphs(string? html)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(html))
        {
            return result;
        }

        var current = new StringBuilder();
        var i = 0;
        var text = html!;
        var inCode = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                var end = text.IndexOf('>', i + 1);
                if (end < 0)
                {
                    current.Append(Escape(text.Substring(i)));
                    break;
                }

                var tag = text.Substring(i + 1, end - i - 1).Trim().ToLowerInvariant();
                var name = TagName(tag);
                switch (name)
                {
                    case "p":
                    case "/p":
                    case "li":
                    case "br":
                    case "br/":
                    case "ul":
                    case "/ul":
                    case "ol":
                    case "/ol":
                    case "note":
                    case "/note":
                    case "important":
                    case "/important":
                        Flush(result, current, ref inCode);
                        if (name == "li")
                        {
                            current.Append("- ");
                        }

                        break;
                    case "code":
                        if (!inCode)
                        {
                            current.Append("<c>");
                            inCode = true;
                        }

                        break;
                    case "/code":
                        if (inCode)
                        {
                            current.Append("</c>");
                            inCode = false;
                        }

                        break;
                    default:
                        // Other tags (a, b, i, em, strong, ...) are dropped and their text kept.
                        break;
                }

                i = end + 1;
                continue;
            }

            if (c == '&')
            {
                var semicolon = text.IndexOf(';', i + 1);
                if (semicolon > i && semicolon - i <= 10)
                {
                    var decoded = DecodeEntity(text.Substring(i + 1, semicolon - i - 1));
                    if (decoded is not null)
                    {
                        current.Append(Escape(decoded));
                        i = semicolon + 1;
                        continue;
                    }
                }
            }

            current.Append(Escape(c.ToString()));
            i++;
        }

        Flush(result, current, ref inCode);
        return result;
    }

    private static string TagName(string tag)
    {
        var space = tag.IndexOfAny(new[] { ' ', '\t', '\n', '\r' });
        return space < 0 ? tag : tag.Substring(0, space);
    }

    private static void Flush(List<string> result, StringBuilder current, ref bool inCode)
    {
        if (inCode)
        {
            current.Append("</c>");
            inCode = false;
        }

        var text = Collapse(current.ToString());
        current.Clear();
        if (text.Length > 0 && text != "<c></c>" && text != "-")
        {
            result.Add(text);
        }
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string? DecodeEntity(string entity)
    {
        switch (entity)
        {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
        }

        if (entity.Length > 1 && entity[0] == '#')
        {
            var isHex = entity.Length > 2 && (entity[1] == 'x' || entity[1] == 'X');
            if (int.TryParse(isHex ? entity.Substring(2) : entity.Substring(1), isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code) &&
                code > 0x1F && code < 0xD800)
            {
                return ((char)code).ToString();
            }
        }

        return null;
    }
}
