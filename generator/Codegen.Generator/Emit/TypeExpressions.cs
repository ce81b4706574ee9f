using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>C# type and comparer expressions for members, shared by the emitters.</summary>
internal static class TypeExpressions
{
    public const string Runtime = "global::Codegen.Runtime";

    /// <summary>The declared C# type of a member: nullable when the member is optional.</summary>
    public static string PropertyType(CodeMember member) => member.Nullable ? member.Type.CSharpType + "?" : member.Type.CSharpType;

    /// <summary>Whether equality needs more than <c>EqualityComparer&lt;T&gt;.Default</c> (content comparison).</summary>
    public static bool NeedsComparer(TypeRef type) =>
        type.Kind is ShapeKind.List or ShapeKind.Map or ShapeKind.Document || (type.Kind == ShapeKind.Blob && !type.Streaming);

    /// <summary>The streaming payload member of a request or response, if it has one (a <c>System.IO.Stream</c>).</summary>
    public static CodeMember? StreamingPayload(CodeType type)
    {
        foreach (var member in type.Members)
        {
            if (member.Type.Streaming && member.Member.Location == HttpLocation.Payload)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>An expression for an <c>IEqualityComparer</c> of <paramref name="type"/> (nullable form when <paramref name="nullable"/>).</summary>
    public static string Comparer(TypeRef type, bool nullable)
    {
        switch (type.Kind)
        {
            case ShapeKind.List:
                return $"{Runtime}.Model.ShapeComparers.List<{ElementType(type)}>({Comparer(type.Element!, type.ElementNullable)})";
            case ShapeKind.Map:
                return $"{Runtime}.Model.ShapeComparers.Map<{ElementType(type)}>({Comparer(type.Element!, type.ElementNullable)})";
            case ShapeKind.Blob:
                return $"{Runtime}.Model.ShapeComparers.Blob";
            case ShapeKind.Document:
                return $"{Runtime}.Model.ShapeComparers.Document";
            default:
                return $"global::System.Collections.Generic.EqualityComparer<{type.CSharpType}{(nullable ? "?" : "")}>.Default";
        }
    }

    /// <summary>The element type of a list or the value type of a map, as written in the collection type.</summary>
    public static string ElementType(TypeRef collection) => collection.Element!.CSharpType + (collection.ElementNullable ? "?" : "");

    /// <summary>The comparer's static type, for a cached field.</summary>
    public static string ComparerType(TypeRef type, bool nullable) =>
        $"global::System.Collections.Generic.IEqualityComparer<{type.CSharpType}{(nullable || !type.IsValueType ? "?" : "")}>";

    /// <summary>Whether a member of <paramref name="type"/> is a list or map, which generated types hold as an immutable copy.</summary>
    public static bool IsCollection(TypeRef type) => type.Kind is ShapeKind.List or ShapeKind.Map;

    /// <summary>
    /// An expression for the immutable copy of <paramref name="expression"/> (a list or map of <paramref name="type"/>;
    /// nested lists and maps are copied too). Null stays null; a collection that is already the runtime's immutable one is
    /// kept as is.
    /// </summary>
    public static string CopyCollection(TypeRef type, string expression, int depth = 0)
    {
        var method = type.Kind == ShapeKind.List ? "List" : "Map";
        var element = type.Element!;
        if (!IsCollection(element))
        {
            return $"{Runtime}.Model.ShapeCollections.{method}<{ElementType(type)}>({expression})";
        }

        var item = "item" + depth;
        return $"{Runtime}.Model.ShapeCollections.{method}<{ElementType(type)}>({expression}, static {item} => {CopyCollection(element, item, depth + 1)})";
    }

    /// <summary>The runtime traversal over the elements of a list or the values of a map of <paramref name="type"/>.</summary>
    public static string EachTraversal(TypeRef type) =>
        $"{Runtime}.Lenses.Traversals.{(type.Kind == ShapeKind.List ? "Each" : "EachValue")}<{ElementType(type)}>()";
}
