using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data (id, message arguments, file and span) that can travel through the
/// incremental pipeline; <see cref="ToDiagnostic"/> makes the Roslyn diagnostic at the very end.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string Message, string FilePath, SourceSpan Span)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticDescriptors.ById(Id);
        var start = new LinePosition(Span.Line - 1, Span.Column - 1);
        var end = new LinePosition(Span.Line - 1, Span.Column - 1 + Span.Length);
        var location = string.IsNullOrEmpty(FilePath)
            ? Location.None
            : Location.Create(FilePath, new TextSpan(Span.Offset, Span.Length), new LinePositionSpan(start, end));
        return Diagnostic.Create(descriptor, location, Message);
    }

    /// <summary>The text <c>dotnet build</c> would print, for snapshots and the CLI: <c>file(line,col): severity ID: message</c>.</summary>
    public string Format()
    {
        var descriptor = DiagnosticDescriptors.ById(Id);
        var severity = descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };
        return $"{FilePath}({Span.Line},{Span.Column}): {severity} {Id}: {Message}";
    }
}
