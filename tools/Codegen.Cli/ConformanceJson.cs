using System;
using System.Text;
using System.Text.Json;

namespace Codegen.Cli;

/// <summary>
/// Parsing and printing of the JSON in botocore's protocol tests. Bodies and results are compared by meaning with
/// <c>Codegen.Testing.JsonSemantics</c> (the shared source file linked into this tool).
/// </summary>
internal static class ConformanceJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Parses <paramref name="bytes"/> as one JSON value, or returns <see langword="null"/> with the reason.</summary>
    public static JsonElement? TryParse(ReadOnlySpan<byte> bytes, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray());
            error = null;
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    public static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string Pretty(JsonElement value) => JsonSerializer.Serialize(value, Indented);

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>Body bytes for a message: UTF-8 text, cut short when long.</summary>
    public static string Preview(ReadOnlySpan<byte> bytes, int max = 2000)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length <= max ? text : text.Substring(0, max) + $"... ({text.Length} characters)";
    }
}
