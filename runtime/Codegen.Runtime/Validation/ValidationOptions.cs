namespace Codegen.Runtime.Validation;

/// <summary>
/// What the client checks before it sends a request, as botocore's parameter validation does: required members,
/// minimum lengths and minimum values always; maximums and patterns only when asked (services relax them over
/// time, and the service checks them anyway).
/// </summary>
public sealed record ValidationOptions
{
    /// <summary>The defaults: on, without maximums and patterns.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>No checks at all: the request goes to the service as it is.</summary>
    public static ValidationOptions None { get; } = new() { Enabled = false };

    /// <summary>Whether requests are checked at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Also check maximum lengths and values.</summary>
    public bool CheckMaximums { get; init; }

    /// <summary>Also check string patterns.</summary>
    public bool CheckPatterns { get; init; }
}
