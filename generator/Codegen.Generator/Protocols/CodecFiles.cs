using System;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;

namespace Codegen.Generator.Protocols;

/// <summary>The file of one codec class, whatever its wire format: <c>{Namespace}/Serialization/{Type}{Suffix}.g.cs</c>.</summary>
internal static class CodecFiles
{
    /// <summary>
    /// The internal static class <paramref name="codecName"/> of <paramref name="type"/>, its members written by
    /// <paramref name="body"/> (which gets the type's <c>global::</c> name), in the file <c>{type}{codecName suffix}.g.cs</c>.
    /// </summary>
    public static GeneratedFile Create(CodeModel model, CodeType type, string codecName, string summary, Action<SourceWriter, string> body)
    {
        var w = SourceWriter.StartFile(model.Namespace + ".Serialization");
        w.Line($"/// <summary>{summary} <see cref=\"global::{model.Namespace}.{type.TypeName}\"/>.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"internal static class {codecName}");
        w.OpenBrace();
        body(w, $"global::{model.Namespace}.{type.TypeName}");
        w.CloseBrace();
        var suffix = codecName.Substring(type.TypeName.Length);
        return new GeneratedFile(model.Namespace + "/Serialization/" + type.FileName + suffix + ".g.cs", w.EndFile());
    }
}
