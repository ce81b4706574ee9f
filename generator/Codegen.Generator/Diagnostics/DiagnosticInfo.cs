using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data (id, message arguments, file and span) that can travel through the
/// incremental pipeline; <see cref="ToDiagnostic"/> makes the Roslyn diagnostic at the very end.
/// </summary>
/// <param name="Arguments">The arguments of the descriptor's message format, in order.</param>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string FilePath, SourceSpan Span)
{
    /// <summary>A diagnostic of a descriptor whose message format takes one argument (<c>{0}</c>).</summary>
    public DiagnosticInfo(string id, string message, string filePath, SourceSpan span)
        : this(id, new[] { message }.ToEquatableArray(), filePath, span)
    {
    }

    /// <summary>A diagnostic with its format's arguments.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params string[] arguments) =>
        new(descriptor.Id, arguments.ToEquatableArray(), filePath, span);

    /// <summary>The message: the descriptor's format with the arguments.</summary>
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.ById(Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Args());

    private object[] Args()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return args;
    }

    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticDescriptors.ById(Id);
        var start = new LinePosition(Span.Line - 1, Span.Column - 1);
        var end = new LinePosition(Span.Line - 1, Span.Column - 1 + Span.Length);
        var location = string.IsNullOrEmpty(FilePath)
            ? Location.None
            : Location.Create(FilePath, new TextSpan(Span.Offset, Span.Length), new LinePositionSpan(start, end));
        return Diagnostic.Create(descriptor, location, Args());
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
