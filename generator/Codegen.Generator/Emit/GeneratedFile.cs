namespace Codegen.Generator.Emit;

/// <summary>One generated source file: its hint name (unique, path-qualified) and text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);
