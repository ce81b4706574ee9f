using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Codegen.Generator.Json;

/// <summary>A JSON syntax error, with the position where parsing stopped.</summary>
internal sealed class JsonParseException : Exception
{
    public JsonParseException(string reason, TextPosition position)
        : base(reason)
    {
        Reason = reason;
        Position = position;
    }

    public string Reason { get; }

    public TextPosition Position { get; }
}

/// <summary>
/// A small, strict JSON (RFC 8259) parser that records the line and column of every value and property name.
/// Written by hand because a source generator must not load System.Text.Json or Newtonsoft.Json (they conflict
/// with the versions some compiler hosts, such as Visual Studio, have already loaded).
/// Nesting is bounded by <see cref="MaxDepth"/> so that hostile input cannot overflow the stack.
/// </summary>
internal sealed class JsonParser
{
    public const int MaxDepth = 256;

    private readonly string _text;
    private int _index;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private JsonParser(string text) => _text = text;

    public static JsonValue Parse(string text)
    {
        var parser = new JsonParser(text);
        parser.SkipWhitespace();
        if (parser._index == 0 && text.Length > 0 && text[0] == '\uFEFF')
        {
            parser._index = 1;
            parser._lineStart = 1;
            parser.SkipWhitespace();
        }

        var value = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._index < text.Length)
        {
            throw parser.Error("unexpected content after the end of the JSON value");
        }

        return value;
    }

    private TextPosition Here => new(_line, _index - _lineStart + 1, _index);

    private JsonValue ParseValue()
    {
        if (_index >= _text.Length)
        {
            throw Error("unexpected end of file: a value was expected");
        }

        var position = Here;
        switch (_text[_index])
        {
            case '{':
                return ParseObject(position);
            case '[':
                return ParseArray(position);
            case '"':
                return new JsonString(position, ParseString());
            case 't':
                Expect("true");
                return new JsonBoolean(position, true);
            case 'f':
                Expect("false");
                return new JsonBoolean(position, false);
            case 'n':
                Expect("null");
                return new JsonNull(position);
            default:
                var c = _text[_index];
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return new JsonNumber(position, ParseNumber());
                }

                throw Error("unexpected character " + Printable(c) + ": a value was expected");
        }
    }

    private JsonObject ParseObject(TextPosition position)
    {
        Enter();
        _index++;
        var properties = new List<JsonProperty>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _index++;
            _depth--;
            return new JsonObject(position, properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error(_index >= _text.Length ? "unexpected end of file inside an object" : "a property name in double quotes was expected");
            }

            var namePosition = Here;
            var name = ParseString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("':' was expected after the property name");
            }

            _index++;
            SkipWhitespace();
            properties.Add(new JsonProperty(name, namePosition, ParseValue()));
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _index++;
                continue;
            }

            if (next == '}')
            {
                _index++;
                _depth--;
                return new JsonObject(position, properties);
            }

            throw Error(_index >= _text.Length ? "unexpected end of file inside an object" : "',' or '}' was expected");
        }
    }

    private JsonArray ParseArray(TextPosition position)
    {
        Enter();
        _index++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _index++;
            _depth--;
            return new JsonArray(position, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue());
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _index++;
                continue;
            }

            if (next == ']')
            {
                _index++;
                _depth--;
                return new JsonArray(position, items);
            }

            throw Error(_index >= _text.Length ? "unexpected end of file inside an array" : "',' or ']' was expected");
        }
    }

    private string ParseString()
    {
        _index++; // opening quote
        StringBuilder? builder = null;
        var runStart = _index;
        while (true)
        {
            if (_index >= _text.Length)
            {
                throw Error("unexpected end of file inside a string");
            }

            var c = _text[_index];
            if (c == '"')
            {
                var tail = _text.Substring(runStart, _index - runStart);
                _index++;
                return builder is null ? tail : builder.Append(tail).ToString();
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(_text, runStart, _index - runStart);
                _index++;
                builder.Append(ParseEscape());
                runStart = _index;
                continue;
            }

            if (c < 0x20)
            {
                throw Error("control character " + Printable(c) + " inside a string must be escaped");
            }

            _index++;
        }
    }

    private char ParseEscape()
    {
        if (_index >= _text.Length)
        {
            throw Error("unexpected end of file inside a string escape");
        }

        var c = _text[_index++];
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_index + 4 > _text.Length ||
                    !int.TryParse(_text.Substring(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw Error("\\u must be followed by four hexadecimal digits");
                }

                _index += 4;
                return (char)code;
            default:
                _index--;
                throw Error("invalid escape \\" + Printable(c));
        }
    }

    private string ParseNumber()
    {
        var start = _index;
        if (Peek() == '-')
        {
            _index++;
        }

        if (Peek() == '0')
        {
            _index++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Error("a digit was expected in the number");
        }

        if (Peek() == '.')
        {
            _index++;
            if (!IsDigit(Peek()))
            {
                throw Error("a digit was expected after the decimal point");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _index++;
            if (Peek() is '+' or '-')
            {
                _index++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error("a digit was expected in the exponent");
            }

            SkipDigits();
        }

        return _text.Substring(start, _index - start);
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _index++;
        }
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(_text, _index, literal, 0, literal.Length) != 0)
        {
            throw Error("unexpected characters: '" + literal + "' was expected");
        }

        _index += literal.Length;
    }

    private char Peek() => _index < _text.Length ? _text[_index] : '\0';

    private void SkipWhitespace()
    {
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '\n')
            {
                _index++;
                _line++;
                _lineStart = _index;
            }
            else if (c == ' ' || c == '\t' || c == '\r')
            {
                _index++;
            }
            else
            {
                return;
            }
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error("nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
        }
    }

    private JsonParseException Error(string reason) => new(reason, Here);

    private static string Printable(char c) =>
        c < 0x20 || c > 0x7e ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : "'" + c + "'";
}
