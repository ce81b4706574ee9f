using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Endpoints;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes the per-service client: a subclass of the runtime's <c>AwsClient</c> with one async method per
/// operation (<c>VerifySoftwareTokenAsync</c>), for services whose protocol can send; it implements the service's
/// interface (<see cref="ClientInterfaceEmitter"/>). With the service's endpoint
/// rules compiled, it also overrides <c>ResolveEndpointRules</c>: the rules' parameters filled from the client's
/// settings (region, FIPS, dual-stack, custom endpoint) and the request (static and member context parameters).
/// Everything else (signing, retries) is the runtime's.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = TypeExpressions.Runtime;

    /// <summary>The built-in settings the client fills, and the client member each one comes from.</summary>
    /// <summary>A client setting that fills a rules parameter: the C# that reads it in the client, its type, whether it may be unset.</summary>
    private sealed record ClientSetting(string Code, EndpointParameterType Type, bool Nullable);

    /// <summary>The built-ins the client fills, by the name the rule sets give them.</summary>
    private static readonly Dictionary<string, ClientSetting> BuiltIns = new(System.StringComparer.Ordinal)
    {
        ["AWS::Region"] = new("Region", EndpointParameterType.String, false),
        ["AWS::UseFIPS"] = new("UseFips", EndpointParameterType.Boolean, false),
        ["AWS::UseDualStack"] = new("UseDualStack", EndpointParameterType.Boolean, false),
        ["SDK::Endpoint"] = new("ServiceUrl?.OriginalString", EndpointParameterType.String, true),
        ["AWS::STS::UseGlobalEndpoint"] = new("UseGlobalEndpoint", EndpointParameterType.Boolean, false),
        ["AWS::S3::UseGlobalEndpoint"] = new("UseGlobalEndpoint", EndpointParameterType.Boolean, false),
        ["AWS::S3::ForcePathStyle"] = new("S3.ForcePathStyle", EndpointParameterType.Boolean, false),
        ["AWS::S3::Accelerate"] = new("S3.UseAccelerateEndpoint", EndpointParameterType.Boolean, false),
        ["AWS::S3::UseArnRegion"] = new("S3.UseArnRegion", EndpointParameterType.Boolean, true),
        ["AWS::S3Control::UseArnRegion"] = new("S3.UseArnRegion", EndpointParameterType.Boolean, true),
        ["AWS::S3::DisableMultiRegionAccessPoints"] = new("S3.DisableMultiRegionAccessPoints", EndpointParameterType.Boolean, false),
        ["AWS::Auth::AccountIdEndpointMode"] = new("AccountIdEndpointMode", EndpointParameterType.String, true),
    };

    /// <summary>
    /// The client context parameters the client fills, by parameter name, for a parameter that names no built-in
    /// (S3's <c>DisableS3ExpressSessionAuth</c>); only when the service declares it as a client context parameter.
    /// </summary>
    private static readonly Dictionary<string, ClientSetting> ClientContext = new(System.StringComparer.Ordinal)
    {
        ["ForcePathStyle"] = BuiltIns["AWS::S3::ForcePathStyle"],
        ["Accelerate"] = BuiltIns["AWS::S3::Accelerate"],
        ["UseArnRegion"] = BuiltIns["AWS::S3::UseArnRegion"],
        ["DisableMultiRegionAccessPoints"] = BuiltIns["AWS::S3::DisableMultiRegionAccessPoints"],
        ["DisableS3ExpressSessionAuth"] = new("S3.DisableS3ExpressSessionAuth", EndpointParameterType.Boolean, true),
    };

    public static string Emit(CodeModel model, bool canSend, EndpointRulesInfo? endpoints = null, EquatableArray<OperationContextBinding> contextBindings = default)
    {
        var name = model.ClientName;
        var meta = model.Metadata;
        var w = SourceWriter.StartFile(model.Namespace);
        w.Line($"/// <summary>A client for {DocComments.Escape(meta.ServiceFullName ?? meta.ServiceId)}: one method per operation; signs, retries and sends.</summary>");
        w.Line($"/// <remarks>Thread-safe and meant to be long-lived. It disposes only an HttpClient it created itself. Code that calls the service can depend on <see cref=\"global::{model.Namespace}.{model.ClientInterfaceName}\"/> instead, which this client implements and a test can fake.</remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{model.Accessibility} partial class {name} : {Runtime}.Client.AwsClient, global::{model.Namespace}.{model.ClientInterfaceName}");
        w.OpenBrace();
        w.Lines($$"""
            /// <summary>Creates a client that owns its HttpClient.</summary>
            public {{name}}({{Runtime}}.Client.AwsClientOptions options)
                : base(options)
            {
            }

            /// <summary>Creates a client over an HttpClient the caller owns (e.g. from IHttpClientFactory).</summary>
            public {{name}}({{Runtime}}.Client.AwsClientOptions options, global::System.Net.Http.HttpClient httpClient)
                : base(options, httpClient)
            {
            }
            """);
        if (!canSend)
        {
            // No operation methods: a call could only throw NotSupportedException (diagnostic CG0008 says why).
            w.CloseBrace();
            return w.EndFile();
        }

        foreach (var operation in model.Operations)
        {
            var request = $"global::{model.Namespace}.{operation.RequestTypeName}";
            var response = $"global::{model.Namespace}.{operation.ResponseTypeName}";
            w.Line();
            OperationDocs(w, model, operation);
            if (operation.Operation.Deprecated)
            {
                w.Line("[global::System.Obsolete(\"The service model marks this operation as deprecated.\")]");
            }

            w.Line($"public global::System.Threading.Tasks.Task<{response}> {operation.MethodName}({request} request, global::System.Threading.CancellationToken cancellationToken = default) =>");
            w.Indent();
            w.Line("SendAsync(request, cancellationToken);");
            w.Outdent();
        }

        if (endpoints is not null && CanFill(endpoints))
        {
            EmitEndpointRules(w, model, endpoints, contextBindings);
        }

        w.CloseBrace();
        return w.EndFile();
    }

    /// <summary>The documentation of an operation method, on the client and on its interface alike.</summary>
    internal static void OperationDocs(SourceWriter w, CodeModel model, CodeOperation operation)
    {
        DocComments.Summary(w, operation.Operation.Documentation, $"Calls {DocComments.Escape(operation.Operation.Name)}.");
        w.Line("/// <param name=\"request\">The request.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call, including its retries.</param>");
        foreach (var error in operation.ErrorTypeNames)
        {
            w.Line($"/// <exception cref=\"global::{model.Namespace}.{error}\">The service returned this error.</exception>");
        }
    }

    /// <summary>
    /// Whether the client can build the parameters: every required parameter without a default is one of the
    /// built-ins it fills (otherwise the regional rule stays, as for a model without rules).
    /// </summary>
    private static bool CanFill(EndpointRulesInfo endpoints) =>
        endpoints.Parameters.All(b => !b.Parameter.Required || b.Parameter.Default is not null || (b.Parameter.BuiltIn is { } builtIn && BuiltIns.ContainsKey(builtIn)));

    /// <summary>The client setting that fills <paramref name="binding"/>'s parameter, if any and if its type fits.</summary>
    private static ClientSetting? SettingFor(EndpointParameterBinding binding, ICollection<string> clientContextParams)
    {
        var setting = binding.Parameter.BuiltIn is { } builtIn
            ? BuiltIns.TryGetValue(builtIn, out var b) ? b : null
            : clientContextParams.Contains(binding.Parameter.Name) && ClientContext.TryGetValue(binding.Parameter.Name, out var c) ? c : null;
        return setting is not null && setting.Type == binding.Parameter.Type ? setting : null;
    }

    /// <summary>The value of <paramref name="setting"/> for the parameter: an unset setting keeps a non-nullable parameter's default.</summary>
    private static string? SettingValue(EndpointParameterBinding binding, ClientSetting setting)
    {
        if (!setting.Nullable || binding.IsNullable)
        {
            return setting.Code;
        }

        return binding.Parameter.Default is { } fallback && Literal(fallback) is { } literal ? $"{setting.Code} ?? {literal}" : null;
    }

    private static void EmitEndpointRules(SourceWriter w, CodeModel model, EndpointRulesInfo endpoints, EquatableArray<OperationContextBinding> contextBindings)
    {
        var byName = endpoints.Parameters.ToDictionary(b => b.Parameter.Name, b => b, System.StringComparer.Ordinal);
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// The endpoint of <paramref name=\"request\"/> from the service's endpoint rules (<see cref=\"global::{endpoints.Namespace}.{endpoints.ResolverTypeName}\"/>):");
        w.Line("/// the client's region, FIPS, dual-stack and custom endpoint settings, and the request's context parameters.");
        w.Line("/// </summary>");
        w.Line($"/// <exception cref=\"{Runtime}.Endpoints.EndpointResolutionException\">The rules refuse the settings.</exception>");
        w.Line($"protected override {Runtime}.Endpoints.ResolvedEndpoint? ResolveEndpointRules(object request)");
        w.OpenBrace();
        w.Line($"var parameters = new global::{endpoints.Namespace}.{endpoints.ParametersTypeName}");
        w.OpenBrace();
        var clientContextParams = new HashSet<string>(model.ClientContextParams.Select(p => p.Name), System.StringComparer.Ordinal);
        foreach (var binding in endpoints.Parameters)
        {
            if (SettingFor(binding, clientContextParams) is { } setting && SettingValue(binding, setting) is { } value)
            {
                w.Line($"{binding.PropertyName} = {value},");
            }
        }

        w.Outdent();
        w.Line("};");
        var cases = new List<(string RequestType, List<string> Lines)>();
        foreach (var operation in model.Operations)
        {
            var lines = new List<string>();
            foreach (var constant in operation.Operation.StaticContextParams)
            {
                if (byName.TryGetValue(constant.Name, out var binding) && binding.Parameter.Type == constant.Value.Type && Literal(constant.Value) is { } literal)
                {
                    lines.Add($"parameters = parameters with {{ {binding.PropertyName} = {literal} }};");
                }
            }

            var requestType = model.Types.FirstOrDefault(t => t.Role == TypeRole.Request && t.TypeName == operation.RequestTypeName);
            foreach (var member in requestType?.Members ?? EquatableArray<CodeMember>.Empty)
            {
                if (member.Member.ContextParam is { } name && byName.TryGetValue(name, out var binding) && Matches(binding.Parameter.Type, member.Type))
                {
                    lines.Add($"if (input.{member.PropertyName} is {{ }} {member.ParameterName}Value)");
                    lines.Add("{");
                    lines.Add($"    parameters = parameters with {{ {binding.PropertyName} = {member.ParameterName}Value }};");
                    lines.Add("}");
                }
            }

            var context = 0;
            foreach (var bound in contextBindings.Where(b => b.Operation == operation.Operation.Name))
            {
                // Compiled from the operation's operationContextParams (OperationContextBindings): a JMESPath path over the input.
                var name = "context" + (context++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                lines.Add($"if ({bound.Code} is {{ }} {name})");
                lines.Add("{");
                lines.Add($"    parameters = parameters with {{ {bound.PropertyName} = {name} }};");
                lines.Add("}");
            }

            if (lines.Count > 0)
            {
                cases.Add(($"global::{model.Namespace}.{operation.RequestTypeName}", lines));
            }
        }

        if (cases.Count > 0)
        {
            w.Line();
            w.Line("switch (request)");
            w.OpenBrace();
            foreach (var (requestType, lines) in cases)
            {
                // A block per case: the pattern variables of one case's members must not collide with another's.
                w.Line($"case {requestType} input:");
                w.OpenBrace();
                foreach (var line in lines)
                {
                    w.Line(line);
                }

                w.Line("break;");
                w.CloseBrace();
            }

            w.CloseBrace();
        }

        w.Line();
        w.Line($"return global::{endpoints.Namespace}.{endpoints.ResolverTypeName}.Resolve(parameters);");
        w.CloseBrace();
    }

    /// <summary>Whether a request member can fill a parameter as it is: a string member a string parameter, a boolean one a boolean parameter.</summary>
    private static bool Matches(EndpointParameterType parameter, TypeRef member) =>
        (parameter == EndpointParameterType.String && member.Kind == ShapeKind.String)
        || (parameter == EndpointParameterType.Boolean && member.Kind == ShapeKind.Boolean);

    private static string? Literal(EndpointLiteral value) => value.Type switch
    {
        EndpointParameterType.Boolean => value.Boolean ? "true" : "false",
        EndpointParameterType.String when value.Text is not null => CSharp.Literal(value.Text),
        EndpointParameterType.StringArray => "new string[] { " + string.Join(", ", value.Items.Select(CSharp.Literal)) + " }",
        _ => null,
    };
}
