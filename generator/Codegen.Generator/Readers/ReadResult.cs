using System.Collections.Generic;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

/// <summary>What reading one spec gave: a model (absent when the file is unusable) and the problems found.</summary>
internal sealed record ReadResult(ServiceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Collects diagnostics for one spec file while a reader walks it.</summary>
internal sealed class DiagnosticBag
{
    private readonly string _path;
    private readonly List<DiagnosticInfo> _items = new();

    public DiagnosticBag(string path) => _path = path;

    public bool HasErrors { get; private set; }

    public List<DiagnosticInfo> Items => _items;

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="span"/> with its message format's arguments.</summary>
    public void Add(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
        {
            HasErrors = true;
        }

        _items.Add(DiagnosticInfo.Create(descriptor, _path, span, arguments));
    }

    /// <summary>Reports <paramref name="descriptor"/> at a JSON value with its message format's arguments.</summary>
    public void Add(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonValue at, params string[] arguments) =>
        Add(descriptor, Span(at), arguments);

    public static SourceSpan Span(JsonValue value) => value switch
    {
        JsonString text => SourceSpan.At(value.Position, text.Value.Length + 2),
        JsonNumber number => SourceSpan.At(value.Position, number.Text.Length),
        _ => SourceSpan.At(value.Position, 1),
    };

    public static SourceSpan NameSpan(JsonProperty property) => SourceSpan.At(property.NamePosition, property.Name.Length + 2);
}
