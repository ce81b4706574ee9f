using System.Collections.Generic;

namespace Codegen.Generator.Json;

/// <summary>Where a JSON value starts in its file: 1-based line and column, 0-based character offset.</summary>
internal readonly record struct TextPosition(int Line, int Column, int Offset)
{
    public static readonly TextPosition None = new(1, 1, 0);
}

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A parsed JSON value that remembers where it came from, so that a problem in a model can be reported at
/// the exact line and column. Lives only inside the parse step: never a pipeline output.
/// </summary>
internal abstract class JsonValue
{
    protected JsonValue(TextPosition position) => Position = position;

    public TextPosition Position { get; }

    public abstract JsonKind Kind { get; }

    public static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "a boolean",
        _ => "null",
    };
}

internal sealed class JsonObject : JsonValue
{
    private readonly Dictionary<string, JsonProperty> _byName;

    public JsonObject(TextPosition position, List<JsonProperty> properties)
        : base(position)
    {
        Properties = properties;
        _byName = new Dictionary<string, JsonProperty>(properties.Count, System.StringComparer.Ordinal);
        foreach (var property in properties)
        {
            // Like most JSON readers, the last of duplicate keys wins.
            _byName[property.Name] = property;
        }
    }

    public override JsonKind Kind => JsonKind.Object;

    /// <summary>The properties in file order (duplicates included).</summary>
    public List<JsonProperty> Properties { get; }

    public JsonValue? this[string name] => _byName.TryGetValue(name, out var property) ? property.Value : null;

    public JsonProperty? GetProperty(string name) => _byName.TryGetValue(name, out var property) ? property : null;

    public string? GetString(string name) => this[name] is JsonString text ? text.Value : null;

    public bool GetBoolean(string name) => this[name] is JsonBoolean { Value: true };

    public JsonObject? GetObject(string name) => this[name] as JsonObject;

    public JsonArray? GetArray(string name) => this[name] as JsonArray;
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, TextPosition namePosition, JsonValue value)
    {
        Name = name;
        NamePosition = namePosition;
        Value = value;
    }

    public string Name { get; }

    public TextPosition NamePosition { get; }

    public JsonValue Value { get; }
}

internal sealed class JsonArray : JsonValue
{
    public JsonArray(TextPosition position, List<JsonValue> items)
        : base(position) => Items = items;

    public override JsonKind Kind => JsonKind.Array;

    public List<JsonValue> Items { get; }
}

internal sealed class JsonString : JsonValue
{
    public JsonString(TextPosition position, string value)
        : base(position) => Value = value;

    public override JsonKind Kind => JsonKind.String;

    public string Value { get; }
}

internal sealed class JsonNumber : JsonValue
{
    public JsonNumber(TextPosition position, string text)
        : base(position) => Text = text;

    public override JsonKind Kind => JsonKind.Number;

    /// <summary>The number exactly as written.</summary>
    public string Text { get; }

    public bool TryGetInt64(out long value) =>
        long.TryParse(Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);

    public bool TryGetDouble(out double value) =>
        double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
}

internal sealed class JsonBoolean : JsonValue
{
    public JsonBoolean(TextPosition position, bool value)
        : base(position) => Value = value;

    public override JsonKind Kind => JsonKind.Boolean;

    public bool Value { get; }
}

internal sealed class JsonNull : JsonValue
{
    public JsonNull(TextPosition position)
        : base(position)
    {
    }

    public override JsonKind Kind => JsonKind.Null;
}
