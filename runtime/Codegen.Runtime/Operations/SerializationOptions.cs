using System;

namespace Codegen.Runtime.Operations;

/// <summary>Knobs for request serialization. The defaults are what a client wants.</summary>
public sealed record SerializationOptions
{
    /// <summary>The defaults.</summary>
    public static SerializationOptions Default { get; } = new();

    /// <summary>
    /// Makes idempotency tokens that the caller left empty. Defaults to a new random UUID per token;
    /// tests replace it to get a stable output.
    /// </summary>
    public Func<string> IdempotencyTokenFactory { get; init; } = static () => Guid.NewGuid().ToString();
}
