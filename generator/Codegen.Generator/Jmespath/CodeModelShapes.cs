using System.Collections.Generic;
using Codegen.Generator.Model;

namespace Codegen.Generator.Jmespath;

/// <summary>
/// The structures of a named model, by shape name, for the JMESPath compiler. A shape that is both an operation's
/// response and a member type has two generated types with the same members; either serves to look members up.
/// </summary>
internal sealed class CodeModelShapes : IJmesShapes
{
    private readonly Dictionary<string, CodeType> _byShape = new(System.StringComparer.Ordinal);

    public CodeModelShapes(CodeModel model)
    {
        foreach (var type in model.Types)
        {
            if (type.Shape.Kind is ShapeKind.Structure or ShapeKind.Union && (type.Role is TypeRole.Plain or TypeRole.Error || !_byShape.ContainsKey(type.Shape.Name)))
            {
                _byShape[type.Shape.Name] = type;
            }
        }
    }

    public CodeType? Find(string shapeName) => _byShape.TryGetValue(shapeName, out var type) ? type : null;

    /// <summary>A value of the generated type <paramref name="type"/> held by <paramref name="code"/> (e.g. an operation's response).</summary>
    public static JmesValue Root(CodeModel model, CodeType type, string code) =>
        new(code, new JmesStructure("global::" + model.Namespace + "." + type.TypeName, type.Shape.Name, type.Shape.Kind == ShapeKind.Union), NonNull: true);
}
