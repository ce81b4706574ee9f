using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes a forward-compatible enum: a value type over the wire value (a string, or an integer for intEnum)
/// with a static property per known value and, in the nested <c>WireValues</c> class, a
/// constant per known value for <c>switch</c>. A value the service adds later is kept as it arrived and
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
        DocComments.Summary(w, type.Shape.Documentation, $"The values of {DocComments.Escape(type.Shape.Name)}.");
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
            w.Line("private readonly string? _wireValue;");
            w.Line();
        }

        foreach (var value in type.EnumValues)
        {
            DocComments.Summary(w, value.Documentation, isInt ? $"The value <c>{value.IntValue}</c>." : $"The value <c>{DocComments.Escape(value.Value)}</c>.");
            w.Line($"public static {self} {value.MemberName} {{ get; }} = new {self}({self}.WireValues.{value.MemberName});");
            w.Line();
        }

        var setValue = isInt ? "WireValue = wireValue;" : "_wireValue = wireValue ?? throw new global::System.ArgumentNullException(nameof(wireValue));";
        var valueProperty = isInt
            ? """
              /// <summary>The wire value: the number the service sends and receives.</summary>
              public int WireValue { get; }
              """
            : """
              /// <summary>The wire value: the string the service sends and receives, known or not (empty for <c>default</c>). Compare it with the constants of <see cref="WireValues"/> in a <c>switch</c>.</summary>
              public string WireValue => _wireValue ?? string.Empty;
              """;
        w.Lines($$"""
            /// <summary>Wraps a wire value, known or not.</summary>
            public {{name}}({{valueType}} wireValue)
            {
                {{setValue}}
            }

            {{valueProperty}}

            /// <summary>Every value the model lists, in model order.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{self}}> Known { get; } = new {{self}}[]
            {
            """);
        w.Indent();
        foreach (var value in type.EnumValues)
        {
            w.Line(value.MemberName + ",");
        }

        w.Outdent();
        var equals = isInt ? "WireValue == other.WireValue" : "string.Equals(WireValue, other.WireValue, global::System.StringComparison.Ordinal)";
        var hash = isInt ? "WireValue" : "global::System.StringComparer.Ordinal.GetHashCode(WireValue)";
        var text = isInt ? "WireValue.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" : "WireValue";
        w.Lines($$"""
            };

            /// <summary>Whether the value is one the model lists (otherwise the service added it later).</summary>
            public bool IsKnown
            {
                get
                {
                    foreach (var known in Known)
                    {
                        if (Equals(known))
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }

            /// <summary>Whether both have the same wire value (ordinal).</summary>
            public bool Equals({{self}} other) => {{equals}};

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{self}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => {{hash}};

            /// <summary>The wire value.</summary>
            public override string ToString() => {{text}};

            /// <summary>Whether both have the same wire value.</summary>
            public static bool operator ==({{self}} left, {{self}} right) => left.Equals(right);

            /// <summary>Whether the wire values differ.</summary>
            public static bool operator !=({{self}} left, {{self}} right) => !left.Equals(right);

            /// <summary>Wraps a wire value.</summary>
            public static explicit operator {{self}}({{valueType}} wireValue) => new {{self}}(wireValue);

            /// <summary>The wire value.</summary>
            public static explicit operator {{valueType}}({{self}} value) => value.WireValue;

            /// <summary>
            /// The wire value of every known value as a constant, named like its static property, for <c>switch</c>
            /// and patterns over <see cref="WireValue"/>:
            /// <c>switch (value.WireValue) { case {{name}}.WireValues.{{ExampleMember(type)}}: ... default: ... }</c>
            /// (the default case is where a value the service added later goes).
            /// </summary>
            public static class WireValues
            {
            """);
        w.Indent();
        var constType = isInt ? "int" : "string";
        for (var i = 0; i < type.EnumValues.Count; i++)
        {
            var value = type.EnumValues[i];
            if (i > 0)
            {
                w.Line();
            }

            var literal = isInt ? CSharp.Int(value.IntValue ?? 0) : CSharp.Literal(value.Value);
            w.Line($"/// <summary>The wire value of <see cref=\"{self}.{value.MemberName}\"/>: <c>{DocComments.Escape(value.Value)}</c>.</summary>");
            w.Line($"public const {constType} {value.MemberName} = {literal};");
        }

        w.CloseBrace();
        w.CloseBrace();
        return w.EndFile();
    }

    private static string ExampleMember(CodeType type) => type.EnumValues.Count > 0 ? type.EnumValues[0].MemberName : "Name";
}
