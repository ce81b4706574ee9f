namespace Codegen.Generator.Diagnostics;

/// <summary>
/// A place in a spec file (1-based line and column, 0-based offset, length), kept as plain values so that
/// models and diagnostics stay equatable; turned into a Roslyn <c>Location</c> only when reported.
/// </summary>
internal readonly record struct SourceSpan(int Line, int Column, int Offset, int Length)
{
    public static readonly SourceSpan None = new(1, 1, 0, 0);

    public static SourceSpan At(Json.TextPosition position, int length = 1) =>
        new(position.Line, position.Column, position.Offset, length);
}
