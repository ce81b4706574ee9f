using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes a union as a closed set of cases: an abstract class with one nested sealed case class per member
/// (holding the member's value in <c>Value</c>), plus <c>Unknown</c> for a member the service adds later.
/// </summary>
internal static class UnionEmitter
{
    private const string Runtime = TypeExpressions.Runtime;

    public static string Emit(CodeModel model, CodeType type)
    {
        var name = type.TypeName;
        var self = "global::" + model.Namespace + "." + name;
        var w = SourceWriter.StartFile(model.Namespace);
        DocComments.Summary(w, type.Shape.Documentation, $"The {DocComments.Escape(type.Shape.Name)} union: exactly one of its cases.");
        w.Line("/// <remarks>Match on the nested case types; <see cref=\"Unknown\"/> holds a case the service added after this model.</remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{model.Accessibility} abstract partial class {name} : global::System.IEquatable<{self}>");
        w.OpenBrace();
        w.Line($"private protected {name}()");
        w.OpenBrace();
        w.CloseBrace();
        w.Line();
        w.Line("/// <summary>The model name of the case.</summary>");
        w.Line("public abstract string MemberName { get; }");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public abstract bool Equals({self}? other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public abstract override int GetHashCode();");

        foreach (var member in type.Members)
        {
            var caseType = self + "." + member.PropertyName;
            var valueType = member.Type.CSharpType;
            w.Line();
            DocComments.Summary(w, member.Member.Documentation, $"The {DocComments.Escape(member.Member.Name)} case.");
            w.Line($"public sealed partial class {member.PropertyName} : {self}");
            w.OpenBrace();
            if (TypeExpressions.NeedsComparer(member.Type))
            {
                w.Line($"private static readonly {TypeExpressions.ComparerType(member.Type, false)} __Comparer = {TypeExpressions.Comparer(member.Type, false)};");
                w.Line();
            }

            w.Line("/// <summary>Creates the case.</summary>");
            w.Line($"public {member.PropertyName}({valueType} value)");
            w.OpenBrace();
            if (TypeExpressions.IsCollection(member.Type))
            {
                // An immutable copy: changing the caller's collection afterwards changes nothing here.
                w.Line($"Value = {TypeExpressions.CopyCollection(member.Type, "value ?? throw new global::System.ArgumentNullException(nameof(value))")};");
            }
            else
            {
                w.Line(member.Type.IsValueType ? "Value = value;" : "Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            }
            w.CloseBrace();
            w.Line();
            w.Line("/// <summary>The case's value.</summary>");
            w.Line($"public {valueType} Value {{ get; }}");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public override string MemberName => {CSharp.Literal(member.Member.Name)};");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line(TypeExpressions.NeedsComparer(member.Type)
                ? $"public override bool Equals({self}? other) => other is {caseType} same && __Comparer.Equals(Value, same.Value);"
                : $"public override bool Equals({self}? other) => other is {caseType} same && global::System.Collections.Generic.EqualityComparer<{valueType}>.Default.Equals(Value, same.Value);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line(TypeExpressions.NeedsComparer(member.Type)
                ? $"public override int GetHashCode() => global::System.HashCode.Combine({CSharp.Literal(member.Member.Name)}, __Comparer.GetHashCode(Value));"
                : $"public override int GetHashCode() => global::System.HashCode.Combine({CSharp.Literal(member.Member.Name)}, Value);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line(type.Shape.Sensitive
                ? $"public override string ToString() => {Runtime}.Model.ShapeText.Redact({CSharp.Literal(name)});" // not even the case shows
                : $"public override string ToString() => {Runtime}.Model.ShapeText.Begin({CSharp.Literal(name + "." + member.PropertyName)}).{(member.Sensitive ? "AddSensitive" : "Add")}(\"Value\", Value).ToString();");
            w.CloseBrace();
        }

        w.Line();
        w.Line("/// <summary>A case this model does not know: the service added it later. Its value is not kept.</summary>");
        w.Line($"public sealed partial class Unknown : {self}");
        w.OpenBrace();
        w.Line("/// <summary>Creates the unknown case for the member the service sent.</summary>");
        w.Line("public Unknown(string memberName)");
        w.OpenBrace();
        w.Line("MemberName = memberName ?? throw new global::System.ArgumentNullException(nameof(memberName));");
        w.CloseBrace();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override string MemberName { get; }");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals({self}? other) => other is {self}.Unknown same && string.Equals(MemberName, same.MemberName, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(MemberName);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(type.Shape.Sensitive
            ? $"public override string ToString() => {Runtime}.Model.ShapeText.Redact({CSharp.Literal(name)});"
            : $"public override string ToString() => {Runtime}.Model.ShapeText.Begin({CSharp.Literal(name + ".Unknown")}).Add(\"MemberName\", MemberName).ToString();");
        w.CloseBrace();
        w.CloseBrace();
        return w.EndFile();
    }
}
