using System.Text.Json;
using Codegen.Runtime.Operations;

namespace Codegen.Runtime.Serialization;

/// <summary>
/// What every protocol's generated reader calls when a response lacks a member the model marks required
/// (<see cref="DeserializationOptions.StrictRequiredMembers"/> says which way it goes).
/// </summary>
public static class RequiredMembers
{
    /// <summary>The zero value of a document member: JSON <c>null</c>.</summary>
    public static JsonElement NullDocument { get; } = CreateNullDocument();

    /// <summary>
    /// Called for a required member the response did not hold: under strict options this throws; otherwise it
    /// returns and the reader gives the member its default or zero value.
    /// </summary>
    /// <param name="options">The reader's options.</param>
    /// <param name="member">The member's name on the wire.</param>
    /// <exception cref="AwsDeserializationException">The options are strict; the path is <c>$.{member}</c>.</exception>
    public static void Missing(DeserializationOptions options, string member)
    {
        if (options.StrictRequiredMembers)
        {
            throw new AwsDeserializationException("$." + member, "required member is missing");
        }
    }

    /// <summary>
    /// The failure for a missing required member whose type has no value at all (a structure that requires itself,
    /// directly or through other required structures): it cannot be filled in, whatever the options.
    /// </summary>
    public static AwsDeserializationException NoZeroValue(string member) =>
        new("$." + member, "required member is missing, and its type requires itself, so it has no zero value");

    private static JsonElement CreateNullDocument()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }
}
