namespace Codegen.Testing;

/// <summary>The test projects' <see cref="JsonSemantics"/> is public; the CLI links the same file as an internal type.</summary>
public static partial class JsonSemantics
{
}

/// <summary>The test projects' <see cref="CborSemantics"/> is public; the CLI links the same file as an internal type.</summary>
public static partial class CborSemantics
{
}
