namespace Codegen.Runtime.Operations;

/// <summary>
/// How generated readers treat responses. The defaults are what a client wants: a response that lacks a member the
/// model marks required still reads (the member takes its default or zero value, as Smithy's client error
/// correction says), so a service that stops sending a member does not break every call.
/// </summary>
public sealed record DeserializationOptions
{
    /// <summary>The defaults: a missing required member reads as its default or zero value.</summary>
    public static DeserializationOptions Default { get; } = new();

    /// <summary>A missing required member is an <see cref="Serialization.AwsDeserializationException"/>.</summary>
    public static DeserializationOptions Strict { get; } = new() { StrictRequiredMembers = true };

    /// <summary>
    /// When <see langword="true"/>, a response (or a structure inside it) without a member the model marks required
    /// is an <see cref="Serialization.AwsDeserializationException"/> naming that member, e.g. in tests that hold a
    /// service to its model. When <see langword="false"/> (the default), the member takes the model's
    /// <c>@default</c> if it has one, else its zero value: <c>false</c>, <c>0</c>, <c>""</c>, an empty blob, list or
    /// map, the Unix epoch, a JSON <c>null</c> document, an enum or union case the model does not know, or a
    /// structure whose own required members follow the same rule.
    /// </summary>
    public bool StrictRequiredMembers { get; init; }
}
