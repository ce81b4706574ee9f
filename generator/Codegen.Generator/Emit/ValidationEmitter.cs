using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes request validators, as botocore's parameter validation checks requests: required members, lengths
/// (strings, lists, maps, blobs), numeric ranges and patterns, recursing into nested values. The context decides
/// which checks are on (maximums and patterns are off by default) and collects every problem with its path.
/// </summary>
internal static class ValidationEmitter
{
    private const string Context = TypeExpressions.Runtime + ".Validation.ValidationContext";

    public static string ValidatorName(string typeName) => typeName + "Validator";

    /// <summary>
    /// The structures and unions a request can reach that have something to check (a required member or a
    /// constraint, here or in what they contain): only they get validators.
    /// </summary>
    public static List<CodeType> TypesToValidate(CodeModel model)
    {
        var reachable = ReachableFromRequests(model);
        var withChecks = new HashSet<string>(System.StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var type in reachable)
            {
                if (!withChecks.Contains(type.CSharpName(model)) && type.Members.Any(m => (!m.Nullable && !m.Type.IsValueType) || HasChecks(m.Type, withChecks)))
                {
                    withChecks.Add(type.CSharpName(model));
                    changed = true;
                }
            }
        }
        while (changed);

        return reachable.Where(t => withChecks.Contains(t.CSharpName(model))).ToList();
    }

    private static bool HasChecks(TypeRef type, HashSet<string> withChecks) => type.Kind switch
    {
        ShapeKind.String => type.Min is not null || type.Max is not null || type.Pattern is not null,
        ShapeKind.Blob when type.Streaming => false, // a stream's length is known only once it is read
        ShapeKind.Blob or ShapeKind.Byte or ShapeKind.Short or ShapeKind.Integer or ShapeKind.Long or ShapeKind.Float or ShapeKind.Double => type.Min is not null || type.Max is not null,
        ShapeKind.Structure or ShapeKind.Union => withChecks.Contains(type.CSharpType),
        ShapeKind.List or ShapeKind.Map => type.Min is not null || type.Max is not null || HasChecks(type.Element!, withChecks),
        _ => false,
    };

    private static string CSharpName(this CodeType type, CodeModel model) => "global::" + model.Namespace + "." + type.TypeName;

    private static List<CodeType> ReachableFromRequests(CodeModel model)
    {
        var byName = model.Types.ToDictionary(t => "global::" + model.Namespace + "." + t.TypeName, t => t, System.StringComparer.Ordinal);
        var result = new Dictionary<string, CodeType>(System.StringComparer.Ordinal);
        var pending = new Stack<CodeType>(model.Types.Where(t => t.Role == TypeRole.Request));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!result.ContainsKey(type.TypeName))
            {
                result.Add(type.TypeName, type);
                foreach (var member in type.Members)
                {
                    for (var t = member.Type; t is not null; t = t.Element)
                    {
                        if (t.Kind is ShapeKind.Structure or ShapeKind.Union && byName.TryGetValue(t.CSharpType, out var nested) && nested.Role != TypeRole.Error)
                        {
                            pending.Push(nested);
                        }
                    }
                }
            }
        }

        return result.Values.OrderBy(t => t.TypeName, System.StringComparer.Ordinal).ToList();
    }

    /// <param name="model">The model.</param>
    /// <param name="type">The type to write a validator for.</param>
    /// <param name="validated">The names of all types that have validators: values of other types are not checked.</param>
    public static string Emit(CodeModel model, CodeType type, ISet<string> validated)
    {
        var self = $"global::{model.Namespace}.{type.TypeName}";
        var w = SourceWriter.StartFile(model.Namespace + ".Serialization");
        w.Line($"/// <summary>Checks a <see cref=\"{self}\"/> against its model's constraints before it is sent.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"internal static class {ValidatorName(type.TypeName)}");
        w.OpenBrace();
        w.Line($"public static void Validate({self} value, {Context} context, string path)");
        w.OpenBrace();
        if (type.Shape.Kind == ShapeKind.Union)
        {
            w.Line("switch (value)");
            w.OpenBrace();
            var index = 0;
            foreach (var member in type.Members)
            {
                var local = "c" + index++;
                var lines = new SourceWriter();
                Check(lines, model, validated, member.Type, local + ".Value", "path", CSharp.Literal(member.WireName), 0);
                if (lines.ToString().Length == 0)
                {
                    continue;
                }

                // A block per case: the cases share the switch's scope, and their locals must not clash.
                w.Line($"case {self}.{member.PropertyName} {local}:");
                w.OpenBrace();
                w.Lines(lines.ToString().TrimEnd('\n'));
                w.Line("break;");
                w.CloseBrace();
            }

            w.CloseBrace();
        }
        else
        {
            var index = 0;
            foreach (var member in type.Members)
            {
                var local = "v" + index++;
                var memberName = CSharp.Literal(member.WireName);
                var lines = new SourceWriter();
                Check(lines, model, validated, member.Type, local, "path", memberName, 0);
                var checks = lines.ToString().TrimEnd('\n');
                var isValueType = member.Type.IsValueType;
                if (checks.Length == 0 && member.Nullable)
                {
                    continue;
                }

                if (checks.Length == 0)
                {
                    if (!isValueType)
                    {
                        w.Line($"if (value.{member.PropertyName} is null)");
                        w.OpenBrace();
                        w.Line($"context.Missing(path, {memberName});");
                        w.CloseBrace();
                    }

                    continue;
                }

                if (isValueType && !member.Nullable)
                {
                    w.Line($"var {local} = value.{member.PropertyName};");
                    w.Lines(checks);
                    continue;
                }

                w.Line($"if (value.{member.PropertyName} is {{ }} {local})");
                w.OpenBrace();
                w.Lines(checks);
                w.CloseBrace();
                if (!member.Nullable)
                {
                    w.Line("else");
                    w.OpenBrace();
                    w.Line($"context.Missing(path, {memberName});");
                    w.CloseBrace();
                }
            }
        }

        w.CloseBrace();
        w.CloseBrace();
        return w.EndFile();
    }

    /// <summary>Statements checking <paramref name="value"/> (not null) of type <paramref name="type"/>.</summary>
    private static void Check(SourceWriter w, CodeModel model, ISet<string> validated, TypeRef type, string value, string path, string member, int depth)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
                if (type.Min is not null || type.Max is not null)
                {
                    w.Line($"context.Length({path}, {member}, {Context}.CodePoints({value}), {Bound(type.Min)}, {Bound(type.Max)});");
                }

                if (type.Pattern is { } pattern)
                {
                    w.Line($"context.Pattern({path}, {member}, {value}, {CSharp.Literal(pattern)});");
                }

                break;
            case ShapeKind.Blob:
                if (!type.Streaming && (type.Min is not null || type.Max is not null))
                {
                    w.Line($"context.Length({path}, {member}, {value}.Length, {Bound(type.Min)}, {Bound(type.Max)});");
                }

                break;
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
            case ShapeKind.Long:
            case ShapeKind.Float:
            case ShapeKind.Double:
                if (type.Min is not null || type.Max is not null)
                {
                    w.Line($"context.Range({path}, {member}, {value}, {Bound(type.Min)}, {Bound(type.Max)});");
                }

                break;
            case ShapeKind.Structure:
            case ShapeKind.Union:
                var typeName = type.CSharpType.Substring(("global::" + model.Namespace + ".").Length);
                if (validated.Contains(typeName))
                {
                    w.Line($"global::{model.Namespace}.Serialization.{ValidatorName(typeName)}.Validate({value}, context, {Joined(path, member)});");
                }

                break;
            case ShapeKind.List:
            case ShapeKind.Map:
                var isList = type.Kind == ShapeKind.List;
                if (type.Min is not null || type.Max is not null)
                {
                    w.Line($"context.Length({path}, {member}, {value}.Count, {Bound(type.Min)}, {Bound(type.Max)});");
                }

                var element = new SourceWriter();
                var item = "item" + depth;
                var elementPath = isList ? $"{Context}.Index({Joined(path, member)}, index{depth})" : $"{Context}.Key({Joined(path, member)}, {item}.Key)";
                var elementValue = isList ? item : item + ".Value";
                Check(element, model, validated, type.Element!, "element" + depth, elementPath, "null", depth + 1);
                var elementChecks = element.ToString().TrimEnd('\n');
                if (elementChecks.Length == 0)
                {
                    break;
                }

                if (isList)
                {
                    w.Line($"var index{depth} = 0;");
                }

                w.Line($"foreach (var {item} in {value})");
                w.OpenBrace();
                w.Line($"if ({elementValue} is {{ }} element{depth})");
                w.OpenBrace();
                w.Lines(elementChecks);
                w.CloseBrace();
                if (isList)
                {
                    w.Line();
                    w.Line($"index{depth}++;");
                }

                w.CloseBrace();
                break;
        }
    }

    private static string Joined(string path, string member) => member == "null" ? path : $"{Context}.Member({path}, {member})";

    private static string Bound(long? value) => value is { } v ? CSharp.Int(v) + "L" : "null";
}
