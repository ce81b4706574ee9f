using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Jmespath;
using Codegen.Generator.Model;

namespace Codegen.Generator.Endpoints;

/// <summary>
/// One operation context parameter compiled: the rules parameter it fills (<see cref="PropertyName"/> of the
/// parameters record) and the C# expression over the request (<c>input</c>) that gives its value or null.
/// </summary>
internal sealed record OperationContextBinding(string Operation, string PropertyName, string Code);

/// <summary>What <see cref="OperationContextBindings.Compile"/> gives: the bindings that compiled and the problems of the others.</summary>
internal sealed record OperationContextBindingsOutput(EquatableArray<OperationContextBinding> Bindings, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Compiles the <c>operationContextParams</c> of a model's operations (a JMESPath expression over the input per
/// rules parameter, e.g. DynamoDB's <c>keys(RequestItems)</c> for <c>ResourceArnList</c>) with the JMESPath compiler
/// the paginators use, into typed C# that the client runs before resolving the endpoint. An expression the compiler
/// cannot type, or whose type does not fit the parameter, is CG0023 at the operation and fills nothing.
/// </summary>
internal static class OperationContextBindings
{
    private const string Functions = "global::Codegen.Runtime.Endpoints.EndpointContextValues";

    public static OperationContextBindingsOutput Compile(CodeModel model, EndpointRulesInfo endpoints)
    {
        var bindings = new List<OperationContextBinding>();
        var problems = new List<DiagnosticInfo>();
        var byName = endpoints.Parameters.ToDictionary(b => b.Parameter.Name, b => b, System.StringComparer.Ordinal);
        CodeModelShapes? shapes = null;
        foreach (var operation in model.Operations)
        {
            if (operation.Operation.OperationContextParams.IsEmpty)
            {
                continue;
            }

            var request = model.Types.FirstOrDefault(t => t.Role == TypeRole.Request && t.TypeName == operation.RequestTypeName);
            if (request is null)
            {
                continue;
            }

            shapes ??= new CodeModelShapes(model);
            var root = CodeModelShapes.Root(model, request, "input");

            // One compiler per operation: its generated local names stay apart within the operation's case block.
            var compiler = JmesCompiler.Create(shapes);
            foreach (var param in operation.Operation.OperationContextParams)
            {
                if (!byName.TryGetValue(param.Name, out var binding))
                {
                    // A parameter the rules do not declare has nothing to fill (the rules would not read it).
                    continue;
                }

                void Problem(string kind, string message) =>
                    problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPagingExpression, model.SpecPath, operation.Operation.Position,
                        "operation context parameter " + param.Name, param.Path, "operation " + operation.Operation.Name, kind, message));

                var (tree, error) = JmesParser.Parse(param.Path);
                JmesValue? value = null;
                if (tree is not null)
                {
                    try
                    {
                        value = compiler.Node(tree, root);
                    }
                    catch (JmesException e)
                    {
                        error = e.Error;
                    }
                }

                if (value is null)
                {
                    Problem(error!.KindName, error.Message);
                    continue;
                }

                if (Convert(value, binding.Parameter.Type) is { } code)
                {
                    bindings.Add(new OperationContextBinding(operation.Operation.Name, binding.PropertyName, code));
                }
                else
                {
                    Problem("untypable", $"it is {value.Type.Describe}, but the rules parameter {param.Name} is {Describe(binding.Parameter.Type)}");
                }
            }
        }

        return new OperationContextBindingsOutput(bindings.ToEquatableArray(), problems.ToEquatableArray());
    }

    /// <summary>The C# that turns the compiled value into the parameter's type (null when unset), or null when it cannot.</summary>
    private static string? Convert(JmesValue value, EndpointParameterType parameter) => (parameter, value.Type) switch
    {
        (EndpointParameterType.String, JmesString) => value.Code,
        (EndpointParameterType.String, JmesAny) => $"{Functions}.StringOf({value.Code})",
        (EndpointParameterType.Boolean, JmesBoolean) => value.Code,
        (EndpointParameterType.Boolean, JmesAny) => $"{Functions}.BooleanOf({value.Code})",
        (EndpointParameterType.StringArray, JmesList { Element: JmesString }) => $"{Functions}.StringList({value.Code})",
        (EndpointParameterType.StringArray, JmesAny) => $"{Functions}.StringList({value.Code})",
        _ => null,
    };

    private static string Describe(EndpointParameterType type) => type switch
    {
        EndpointParameterType.Boolean => "a boolean",
        EndpointParameterType.StringArray => "a list of strings",
        _ => "a string",
    };
}
