using System.Globalization;
using System.Text;

namespace Codegen.Generator.Emit;

/// <summary>Small helpers for writing C# tokens.</summary>
internal static class CSharp
{
    /// <summary>A C# string literal for <paramref name="value"/>, escaped so that any model text is safe.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '\u0085' || char.IsSurrogate(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A UTF-8 literal (<c>"..."u8</c>).</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The attribute on every generated type, naming the generator's version (VersionPrefix in Directory.Build.props).</summary>
    public static readonly string GeneratedCodeAttribute =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"Codegen\", \"" + typeof(CSharp).Assembly.GetName().Version!.ToString(3) + "\")]";
}
