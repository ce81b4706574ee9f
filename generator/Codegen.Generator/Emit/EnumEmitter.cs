using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes a forward-compatible enum: a value type over the wire value (a string, or an integer for intEnum)
/// with a static property per known value. A value the service adds later is kept as it arrived and
/// round-trips; <c>IsKnown</c> tells the two apart. (Amazonka: a newtype with pattern synonyms.)
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(CodeModel model, CodeType type)
    {
        var name = type.TypeName;
        var self = "global::" + model.Namespace + "." + name;
        var isInt = type.Shape.Kind == ShapeKind.IntEnum;
        var valueType = isInt ? "int" : "string";

        var w = SourceWriter.StartFile(model.Namespace);
        DocComments.Summary(w, type.Shape.Documentation, $"The values of {type.Shape.Name}.");
        w.Line("/// <remarks>Forward compatible: a value not listed here is kept as it arrived and sent back unchanged.</remarks>");
        if (type.Shape.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"The service model marks this type as deprecated.\")]");
        }

        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{model.Accessibility} readonly partial struct {name} : global::System.IEquatable<{self}>");
        w.OpenBrace();
        if (!isInt)
        {
            w.Line("private readonly string? _value;");
            w.Line();
        }

        foreach (var value in type.EnumValues)
        {
            DocComments.Summary(w, value.Documentation, isInt ? $"The value {value.IntValue}." : $"The value <c>{DocComments.Escape(value.Value)}</c>.");
            var literal = isInt ? CSharp.Int(value.IntValue ?? 0) : CSharp.Literal(value.Value);
            w.Line($"public static {self} {value.MemberName} {{ get; }} = new {self}({literal});");
            w.Line();
        }

        w.Line($"/// <summary>Wraps a wire value, known or not.</summary>");
        w.Line($"public {name}({valueType} value)");
        w.OpenBrace();
        w.Line(isInt ? "Value = value;" : "_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.CloseBrace();
        w.Line();
        if (isInt)
        {
            w.Line("/// <summary>The wire value.</summary>");
            w.Line("public int Value { get; }");
        }
        else
        {
            w.Line("/// <summary>The wire value (empty for <c>default</c>).</summary>");
            w.Line("public string Value => _value ?? string.Empty;");
        }

        w.Line();
        w.Line("/// <summary>Every value the model lists, in model order.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{self}> Known {{ get; }} = new {self}[]");
        w.OpenBrace();
        foreach (var value in type.EnumValues)
        {
            w.Line(value.MemberName + ",");
        }

        w.CloseBrace(";");
        w.Line();
        w.Line("/// <summary>Whether the value is one the model lists (otherwise the service added it later).</summary>");
        w.Line("public bool IsKnown");
        w.OpenBrace();
        w.Line("get");
        w.OpenBrace();
        w.Line("foreach (var known in Known)");
        w.OpenBrace();
        w.Line("if (Equals(known))");
        w.OpenBrace();
        w.Line("return true;");
        w.CloseBrace();
        w.CloseBrace();
        w.Line();
        w.Line("return false;");
        w.CloseBrace();
        w.CloseBrace();
        w.Line();
        w.Line("/// <summary>Whether both have the same wire value (ordinal).</summary>");
        w.Line(isInt
            ? $"public bool Equals({self} other) => Value == other.Value;"
            : $"public bool Equals({self} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(isInt
            ? "public override int GetHashCode() => Value;"
            : "public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line("/// <summary>The wire value.</summary>");
        w.Line(isInt
            ? "public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);"
            : "public override string ToString() => Value;");
        w.Line();
        w.Line("/// <summary>Whether both have the same wire value.</summary>");
        w.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Whether the wire values differ.</summary>");
        w.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Wraps a wire value.</summary>");
        w.Line($"public static explicit operator {self}({valueType} value) => new {self}(value);");
        w.Line();
        w.Line("/// <summary>The wire value.</summary>");
        w.Line($"public static explicit operator {valueType}({self} value) => value.Value;");
        w.CloseBrace();
        return w.EndFile();
    }
}
