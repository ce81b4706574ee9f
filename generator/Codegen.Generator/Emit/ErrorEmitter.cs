using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes errors: one base exception per service (deriving from the runtime's <c>AwsServiceException</c>) and one
/// exception per error shape deriving from it, whose properties are the shape's members. Error members are
/// all optional: services do not always send them.
/// </summary>
internal static class ErrorEmitter
{
    private const string Runtime = TypeExpressions.Runtime;

    public static string EmitBase(CodeModel model)
    {
        var name = model.BaseExceptionName;
        var w = SourceWriter.StartFile(model.Namespace);
        w.Line($"/// <summary>An error returned by {DocComments.Escape(model.Metadata.ServiceFullName ?? model.Metadata.ServiceId)}. Modelled errors derive from it; an error code the model does not know arrives as this type with <see cref=\"{Runtime}.Errors.AwsServiceException.ErrorCode\"/> kept.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{model.Accessibility} partial class {name} : {Runtime}.Errors.AwsServiceException");
        w.Lines($$"""
            {
                /// <summary>Creates the exception from the parts of an error response.</summary>
                public {{name}}(string errorCode, string? message, int statusCode, string? requestId)
                    : base(errorCode, message, statusCode, requestId)
                {
                }
            }
            """);
        return w.EndFile();
    }

    public static string Emit(CodeModel model, CodeType type)
    {
        var name = type.TypeName;
        var w = SourceWriter.StartFile(model.Namespace);
        DocComments.Summary(w, type.Shape.Documentation, $"The {DocComments.Escape(type.Shape.Name)} error.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{model.Accessibility} sealed partial class {name} : global::{model.Namespace}.{model.BaseExceptionName}");
        w.OpenBrace();
        w.Lines($$"""
            /// <summary>The error code that identifies this error on the wire.</summary>
            public const string WireErrorCode = {{CSharp.Literal(type.ErrorCode!)}};

            /// <summary>Creates the exception from the parts of an error response.</summary>
            public {{name}}(string? message, int statusCode, string? requestId)
                : base(WireErrorCode, message, statusCode, requestId)
            {
            }
            """);
        foreach (var member in type.Members.Where(m => m.PropertyName != "Message"))
        {
            w.Line();
            if (TypeExpressions.IsCollection(member.Type))
            {
                // As in structures: an immutable copy, so changing the caller's collection changes nothing here.
                var field = "__" + member.PropertyName + "Value";
                w.Line($"private readonly {member.Type.CSharpType}? {field};");
                w.Line();
                StructureEmitter.MemberDoc(w, member with { Member = member.Member with { Required = false } }, immutableCopy: true);
                w.Line($"public {member.Type.CSharpType}? {member.PropertyName} {{ get => {field}; init => {field} = {TypeExpressions.CopyCollection(member.Type, "value")}; }}");
                continue;
            }

            StructureEmitter.MemberDoc(w, member with { Member = member.Member with { Required = false } });
            w.Line($"public {member.Type.CSharpType}? {member.PropertyName} {{ get; init; }}");
        }

        if (type.Shape.IsFault)
        {
            w.Line();
            w.Line("/// <summary>The model marks this error as a server fault.</summary>");
            w.Line("public override bool IsFault => true;");
        }

        if (type.Shape.IsThrottling)
        {
            w.Line();
            w.Line("/// <summary>The model marks this error as throttling: retrying later may succeed.</summary>");
            w.Line("public override bool IsThrottling => true;");
        }

        w.CloseBrace();
        return w.EndFile();
    }
}
