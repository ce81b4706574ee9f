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

    /// <summary>
    /// The same failure seen from the enclosing map: <c>$.x</c> becomes <c>$.key.x</c>. A key is data the server chose, so
    /// one that is not a plain word (letters, digits, <c>_</c>, <c>-</c>) is written quoted in brackets with every control,
    /// format and line-separator character escaped (<c>$["a\r\nb"].x</c>): a key cannot break a log line or pass
    /// for another path.
    /// </summary>
    public AwsDeserializationException WithParentKey(string key) =>
        new(KeyPath(key) + Path.Substring(1), Reason, InnerException);

    /// <summary>
    /// The same failure seen from the enclosing map whose keys are not to be shown (a sensitive map, or one of
    /// sensitive keys or values): <c>$.x</c> becomes <c>$.***.x</c>.
    /// </summary>
    public AwsDeserializationException WithRedactedParentKey() =>
        new("$." + RedactedKey + Path.Substring(1), Reason, InnerException);

    /// <summary>What a key of a sensitive map is in a path.</summary>
    public const string RedactedKey = "***";

    /// <summary>The path of the entry <paramref name="key"/> of a map at <c>$</c>, escaped as <see cref="WithParentKey"/> says.</summary>
    public static string KeyPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var plain = key.Length > 0;
        foreach (var c in key)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-'))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return "$." + key;
        }

        var builder = new System.Text.StringBuilder(key.Length + 6).Append("$[\"");
        foreach (var c in key)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append("\"]").ToString();
    }

    /// <summary>Characters a log line must not hold as they are: controls (C0, DEL, C1), format characters (bidirectional overrides), line and paragraph separators, surrogates.</summary>
    internal static bool NeedsEscape(char c) => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
        or System.Globalization.UnicodeCategory.Surrogate;

    /// <summary>The same failure seen from the enclosing list: <c>$.x</c> becomes <c>$[index].x</c>.</summary>
    public AwsDeserializationException WithParentIndex(int index) =>
        new("$[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" + Path.Substring(1), Reason, InnerException);
}
