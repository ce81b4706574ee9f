using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Codegen.Generator.Json;

namespace Codegen.Generator.Jmespath;

internal enum JmesTokenKind
{
    End,
    Identifier,
    QuotedIdentifier,
    Number,
    Literal,
    Dot,
    Star,
    Flatten,
    Filter,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    LeftParen,
    RightParen,
    Comma,
    Colon,
    Current,
    ExpressionReference,
    Pipe,
    Or,
    And,
    Not,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>A token: its kind, its text (an identifier's name, a number, a literal's JSON) and its offset.</summary>
internal readonly record struct JmesToken(JmesTokenKind Kind, string Text, int Offset);

/// <summary>Splits a JMESPath expression into tokens (the grammar of the JMESPath specification).</summary>
internal static class JmesLexer
{
    /// <summary>The tokens of <paramref name="expression"/>, ending with <see cref="JmesTokenKind.End"/>.</summary>
    /// <exception cref="JmesException">A character or literal that is not JMESPath (kind syntax).</exception>
    public static List<JmesToken> Tokenize(string expression)
    {
        var tokens = new List<JmesToken>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            var start = i;
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    i++;
                    continue;
                case '.': tokens.Add(new(JmesTokenKind.Dot, ".", start)); i++; continue;
                case '*': tokens.Add(new(JmesTokenKind.Star, "*", start)); i++; continue;
                case ']': tokens.Add(new(JmesTokenKind.RightBracket, "]", start)); i++; continue;
                case '{': tokens.Add(new(JmesTokenKind.LeftBrace, "{", start)); i++; continue;
                case '}': tokens.Add(new(JmesTokenKind.RightBrace, "}", start)); i++; continue;
                case '(': tokens.Add(new(JmesTokenKind.LeftParen, "(", start)); i++; continue;
                case ')': tokens.Add(new(JmesTokenKind.RightParen, ")", start)); i++; continue;
                case ',': tokens.Add(new(JmesTokenKind.Comma, ",", start)); i++; continue;
                case ':': tokens.Add(new(JmesTokenKind.Colon, ":", start)); i++; continue;
                case '@': tokens.Add(new(JmesTokenKind.Current, "@", start)); i++; continue;
                case '[':
                    if (Peek(expression, i + 1) == ']')
                    {
                        tokens.Add(new(JmesTokenKind.Flatten, "[]", start));
                        i += 2;
                    }
                    else if (Peek(expression, i + 1) == '?')
                    {
                        tokens.Add(new(JmesTokenKind.Filter, "[?", start));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(new(JmesTokenKind.LeftBracket, "[", start));
                        i++;
                    }

                    continue;
                case '|':
                    i = Pair(tokens, expression, i, '|', JmesTokenKind.Or, JmesTokenKind.Pipe);
                    continue;
                case '&':
                    i = Pair(tokens, expression, i, '&', JmesTokenKind.And, JmesTokenKind.ExpressionReference);
                    continue;
                case '!':
                    i = Pair(tokens, expression, i, '=', JmesTokenKind.NotEqual, JmesTokenKind.Not);
                    continue;
                case '<':
                    i = Pair(tokens, expression, i, '=', JmesTokenKind.LessOrEqual, JmesTokenKind.Less);
                    continue;
                case '>':
                    i = Pair(tokens, expression, i, '=', JmesTokenKind.GreaterOrEqual, JmesTokenKind.Greater);
                    continue;
                case '=':
                    if (Peek(expression, i + 1) != '=')
                    {
                        throw Syntax(start, "'=' is not an operator; did you mean '=='?");
                    }

                    tokens.Add(new(JmesTokenKind.Equal, "==", start));
                    i += 2;
                    continue;
                case '"':
                    i = QuotedIdentifier(tokens, expression, i);
                    continue;
                case '\'':
                    i = RawString(tokens, expression, i);
                    continue;
                case '`':
                    i = JsonLiteral(tokens, expression, i);
                    continue;
            }

            if (c == '-' || IsDigit(c))
            {
                i++;
                while (i < expression.Length && IsDigit(expression[i]))
                {
                    i++;
                }

                if (i == start + 1 && c == '-')
                {
                    throw Syntax(start, "'-' must be followed by digits");
                }

                tokens.Add(new(JmesTokenKind.Number, expression.Substring(start, i - start), start));
                continue;
            }

            if (IsIdentifierStart(c))
            {
                i++;
                while (i < expression.Length && IsIdentifierPart(expression[i]))
                {
                    i++;
                }

                tokens.Add(new(JmesTokenKind.Identifier, expression.Substring(start, i - start), start));
                continue;
            }

            throw Syntax(start, "unexpected character '" + c + "'");
        }

        tokens.Add(new(JmesTokenKind.End, "", expression.Length));
        return tokens;
    }

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    private static int Pair(List<JmesToken> tokens, string text, int i, char second, JmesTokenKind pair, JmesTokenKind single)
    {
        if (Peek(text, i + 1) == second)
        {
            tokens.Add(new(pair, text.Substring(i, 2), i));
            return i + 2;
        }

        tokens.Add(new(single, text.Substring(i, 1), i));
        return i + 1;
    }

    /// <summary>The end (exclusive) of a delimited token starting at <paramref name="start"/>; a backslash escapes the next character.</summary>
    private static int Delimited(string text, int start, char delimiter, string what)
    {
        var i = start + 1;
        while (i < text.Length && text[i] != delimiter)
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        if (i >= text.Length)
        {
            throw Syntax(start, "unterminated " + what);
        }

        return i + 1;
    }

    private static int QuotedIdentifier(List<JmesToken> tokens, string text, int start)
    {
        var end = Delimited(text, start, '"', "quoted identifier");
        var json = text.Substring(start, end - start);
        if (ParseJson(json, start) is not JsonString name)
        {
            throw Syntax(start, "invalid quoted identifier " + json);
        }

        tokens.Add(new(JmesTokenKind.QuotedIdentifier, name.Value, start));
        return end;
    }

    /// <summary><c>'...'</c>: a string literal in which only <c>\'</c> is an escape.</summary>
    private static int RawString(List<JmesToken> tokens, string text, int start)
    {
        var end = Delimited(text, start, '\'', "raw string literal");
        var value = text.Substring(start + 1, end - start - 2).Replace("\\'", "'");
        tokens.Add(new(JmesTokenKind.Literal, JsonText.Quote(value), start));
        return end;
    }

    /// <summary><c>`...`</c>: a JSON value in which <c>\`</c> stands for a backtick.</summary>
    private static int JsonLiteral(List<JmesToken> tokens, string text, int start)
    {
        var end = Delimited(text, start, '`', "JSON literal");
        var json = text.Substring(start + 1, end - start - 2).Replace("\\`", "`");
        tokens.Add(new(JmesTokenKind.Literal, JsonText.Write(ParseJson(json, start)), start));
        return end;
    }

    private static JsonValue ParseJson(string json, int offset)
    {
        try
        {
            return JsonParser.Parse(json);
        }
        catch (JsonParseException e)
        {
            throw Syntax(offset, "invalid JSON " + json + ": " + e.Reason);
        }
    }

    internal static JmesException Syntax(int offset, string message) => new(new JmesError(JmesErrorKind.Syntax, offset, message));
}

/// <summary>A problem in an expression, thrown inside the lexer, parser and compiler and caught at their entry points.</summary>
internal sealed class JmesException : System.Exception
{
    public JmesException(JmesError error)
        : base(error.Message) => Error = error;

    public JmesError Error { get; }
}

/// <summary>Writes the generator's JSON values back as compact JSON text (literals are kept as text in the tree).</summary>
internal static class JsonText
{
    public static string Write(JsonValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder();
        AppendString(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonValue value)
    {
        switch (value)
        {
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var property in obj.Properties)
                {
                    // The last of duplicate keys wins, as when the literal is read.
                    if (!ReferenceEquals(obj.GetProperty(property.Name), property))
                    {
                        continue;
                    }

                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    AppendString(builder, property.Name);
                    builder.Append(':');
                    Write(builder, property.Value);
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
                AppendString(builder, text.Value);
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

    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c))
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
