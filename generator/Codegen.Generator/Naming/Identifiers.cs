using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Codegen.Generator.Naming;

/// <summary>
/// Turns model names into C# identifiers. The rules (docs/naming.md):
/// <list type="number">
/// <item>Split the name at every character that cannot be part of a C# identifier (dots, dashes, spaces, colons,
/// slashes, ...) and at underscores.</item>
/// <item>Upper-case the first letter of each part; a part written all in capitals (<c>SUCCESS</c>, <c>MFA</c>) is
/// otherwise lower-cased (<c>Success</c>, <c>Mfa</c>) for enum values only — type and member names keep their
/// model casing after the first letter.</item>
/// <item>A name that starts with a digit gets a leading underscore; an empty name becomes <c>Value</c>.</item>
/// <item>Parameters and locals are camelCase and escaped with <c>@</c> when they are C# keywords.</item>
/// </list>
/// Letters and digits outside ASCII are kept when C# accepts them in identifiers.
/// </summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // Contextual keywords: legal as identifiers, but escaped too so that generated code never depends on context.
        "add", "alias", "and", "args", "async", "await", "by", "descending", "dynamic", "equals", "field", "file",
        "from", "get", "global", "group", "init", "into", "join", "let", "managed", "nameof", "nint", "not",
        "notnull", "nuint", "on", "or", "orderby", "partial", "record", "remove", "required", "scoped", "select",
        "set", "unmanaged", "value", "var", "when", "where", "with", "yield",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>A PascalCase identifier for a type or member, keeping the model's casing after each part's first letter.</summary>
    public static string ToPascalCase(string name) => Build(name, lowerAllCapsParts: false);

    /// <summary>A PascalCase identifier for an enum value: <c>SOFTWARE_TOKEN_MFA</c> gives <c>SoftwareTokenMfa</c>.</summary>
    public static string ToEnumMemberName(string value) => Build(value, lowerAllCapsParts: true);

    /// <summary>A camelCase identifier for a parameter, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToParameterName(string pascalName)
    {
        var trimmed = pascalName.TrimStart('_');
        if (trimmed.Length == 0 || char.IsDigit(trimmed[0]))
        {
            return "value" + pascalName;
        }

        var camel = LowerLeadingCapitals(trimmed);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    private static string LowerLeadingCapitals(string name)
    {
        // "ARN" -> "arn", "KMSKeyId" -> "kmsKeyId", "UserCode" -> "userCode"
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
        {
            upper++;
        }

        if (upper == 0)
        {
            return name;
        }

        if (upper == 1 || upper == name.Length)
        {
            return name.Substring(0, upper).ToLowerInvariant() + name.Substring(upper);
        }

        // Keep the last capital: it starts the next word.
        return name.Substring(0, upper - 1).ToLowerInvariant() + name.Substring(upper - 1);
    }

    private static string Build(string name, bool lowerAllCapsParts)
    {
        var builder = new StringBuilder(name.Length);
        var part = new StringBuilder();
        foreach (var c in name)
        {
            if (IsIdentifierPart(c) && c != '_')
            {
                part.Append(c);
            }
            else
            {
                AppendPart(builder, part, lowerAllCapsParts);
            }
        }

        AppendPart(builder, part, lowerAllCapsParts);
        if (builder.Length == 0)
        {
            return "Value";
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static void AppendPart(StringBuilder builder, StringBuilder part, bool lowerAllCapsParts)
    {
        if (part.Length == 0)
        {
            return;
        }

        var text = part.ToString();
        part.Clear();
        if (lowerAllCapsParts && IsAllCaps(text))
        {
            text = text.ToLowerInvariant();
        }

        builder.Append(char.ToUpperInvariant(text[0])).Append(text, 1, text.Length - 1);
    }

    private static bool IsAllCaps(string text)
    {
        var hasLetter = false;
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter;
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c)
    {
        if (c < 128)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Makes <paramref name="candidate"/> unique against <paramref name="taken"/> (compared with <paramref name="comparer"/>) by numbering it.</summary>
    public static string Unique(string candidate, ISet<string> taken)
    {
        if (taken.Add(candidate))
        {
            return candidate;
        }

        for (var i = 2; ; i++)
        {
            var numbered = candidate + i.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(numbered))
            {
                return numbered;
            }
        }
    }
}
