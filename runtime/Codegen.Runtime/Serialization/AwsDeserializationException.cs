using System;

namespace Codegen.Runtime.Serialization;

/// <summary>
/// A response body could not be read into the response type: malformed or truncated JSON, or a value of the
/// wrong type. <see cref="Path"/> names the member that failed, e.g. <c>$.Item.k.L[2].N</c>. Values are never
/// quoted in the message, so sensitive members cannot leak through it.
/// </summary>
public sealed class AwsDeserializationException : Exception
{
    /// <summary>Creates the exception for the member at <paramref name="path"/>.</summary>
    public AwsDeserializationException(string path, string reason, Exception? inner = null)
        : base(reason + " at " + path, inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The JSON path of the member that failed, starting at <c>$</c>.</summary>
    public string Path { get; }

    /// <summary>What was wrong, without the path.</summary>
    public string Reason { get; }

    /// <summary>The same failure seen from the enclosing object: <c>$.x</c> becomes <c>$.member.x</c>.</summary>
    public AwsDeserializationException WithParentMember(string member) =>
        new("$." + member + Path.Substring(1), Reason, InnerException);

    /// <summary>The same failure seen from the enclosing list: <c>$.x</c> becomes <c>$[index].x</c>.</summary>
    public AwsDeserializationException WithParentIndex(int index) =>
        new("$[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" + Path.Substring(1), Reason, InnerException);
}
