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

        var setValue = isInt ? "Value = value;" : "_value = value ?? throw new global::System.ArgumentNullException(nameof(value));";
        var valueProperty = isInt
            ? """
              /// <summary>The wire value.</summary>
              public int Value { get; }
              """
            : """
              /// <summary>The wire value (empty for <c>default</c>).</summary>
              public string Value => _value ?? string.Empty;
              """;
        w.Lines($$"""
            /// <summary>Wraps a wire value, known or not.</summary>
            public {{name}}({{valueType}} value)
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
        var equals = isInt ? "Value == other.Value" : "string.Equals(Value, other.Value, global::System.StringComparison.Ordinal)";
        var hash = isInt ? "Value" : "global::System.StringComparer.Ordinal.GetHashCode(Value)";
        var text = isInt ? "Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" : "Value";
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
            public static explicit operator {{self}}({{valueType}} value) => new {{self}}(value);

            /// <summary>The wire value.</summary>
            public static explicit operator {{valueType}}({{self}} value) => value.Value;
            """);
        w.CloseBrace();
        return w.EndFile();
    }
}
