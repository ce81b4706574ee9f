using System;

namespace Codegen.Runtime.Jmespath;

/// <summary>
/// A JMESPath expression compiled by the generator failed on a value: a function got an argument of the wrong type
/// (<see cref="Kind"/> <c>invalid-type</c>) or value (<c>invalid-value</c>), as the JMESPath specification defines.
/// </summary>
public sealed class JmesPathException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The error kind as the JMESPath specification names it.</param>
    /// <param name="message">What went wrong (never the values themselves).</param>
    public JmesPathException(string kind, string message)
        : base(message) => Kind = kind;

    /// <summary>The error kind: <c>invalid-type</c> or <c>invalid-value</c>.</summary>
    public string Kind { get; }

    internal static JmesPathException InvalidType(string function, string expected, string found) =>
        new("invalid-type", function + "() expects " + expected + ", not " + found + ".");
}
