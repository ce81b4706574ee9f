using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codegen.Generator.Tests.Endpoints;

/// <summary>
/// What a generated client puts into its endpoint parameters (its <c>ResolveEndpointRules</c> override), one
/// source per test: the S3 built-ins and client context parameters from the client's settings (a setting that
/// may be unset keeps a parameter's default), and the request's staticContextParams, contextParam members and
/// operationContextParams (a JMESPath path compiled to typed C#); and CG0023 for an operationContextParams path
/// that does not fit its parameter. What the parameters do is checked through botocore's endpoint tests
/// (tests/Codegen.EndToEnd.Tests/EndpointRulesClientTests.cs).
/// </summary>
public class ClientEndpointParametersSnapshotTests
{
    private const string ModelPath = "/project/specs/things.json";
    private const string RulesPath = "/project/specs/things.endpoint-rule-set-1.json";

    private static string Model(string operationExtras, string clientContextParams = "") =>
        "{\n  \"metadata\": { \"apiVersion\": \"2024-01-01\", \"endpointPrefix\": \"things\", \"jsonVersion\": \"1.0\", \"protocol\": \"json\", \"serviceId\": \"Things\", \"targetPrefix\": \"Things\", \"signatureVersion\": \"v4\" },\n"
        + clientContextParams
        + "  \"operations\": { \"GetThing\": { \"name\": \"GetThing\", \"http\": { \"method\": \"POST\", \"requestUri\": \"/\" }, \"input\": { \"shape\": \"GetThingInput\" }" + operationExtras + " } },\n"
        + """
          "shapes": {
            "GetThingInput": { "type": "structure", "required": ["Bucket"], "members": { "Bucket": { "shape": "Name", "contextParam": { "name": "Bucket" } }, "Items": { "shape": "Items" }, "Count": { "shape": "Count" } } },
            "Items": { "type": "map", "key": { "shape": "Name" }, "value": { "shape": "Count" } },
            "Name": { "type": "string" },
            "Count": { "type": "integer" }
          }
        }
        """;

    private const string Rules = """
        {
          "version": "1.0",
          "parameters": {
            "Region": { "type": "String", "builtIn": "AWS::Region", "required": true, "documentation": "The region." },
            "Endpoint": { "type": "String", "builtIn": "SDK::Endpoint", "required": false, "documentation": "A custom endpoint." },
            "ForcePathStyle": { "type": "Boolean", "builtIn": "AWS::S3::ForcePathStyle", "required": true, "default": false, "documentation": "Path style." },
            "UseArnRegion": { "type": "Boolean", "builtIn": "AWS::S3::UseArnRegion", "required": true, "default": true, "documentation": "ARN regions (a nullable setting, a parameter with a default)." },
            "DisableS3ExpressSessionAuth": { "type": "Boolean", "required": false, "documentation": "A client context parameter without a built-in." },
            "AccountIdEndpointMode": { "type": "String", "builtIn": "AWS::Auth::AccountIdEndpointMode", "required": false, "documentation": "Account endpoints." },
            "UseGlobalEndpoint": { "type": "Boolean", "builtIn": "AWS::STS::UseGlobalEndpoint", "required": true, "default": false, "documentation": "The global endpoint." },
            "Bucket": { "type": "String", "required": false, "documentation": "From the request." },
            "IsThing": { "type": "Boolean", "required": false, "documentation": "A static context parameter." },
            "ItemNames": { "type": "StringArray", "required": false, "documentation": "An operation context parameter." }
          },
          "rules": [
            { "conditions": [], "endpoint": { "url": "https://things.{Region}.amazonaws.com", "properties": {}, "headers": {} }, "type": "endpoint" }
          ]
        }
        """;

    private const string ClientContext = """
          "clientContextParams": { "DisableS3ExpressSessionAuth": { "type": "boolean", "documentation": "Disable S3 Express session auth." } },

        """;

    private static Spec WithRules(string model) => new(ModelPath, model) { Companions = [new Companion("EndpointRules", RulesPath, Rules)] };

    /// <summary>Built-ins, a client context parameter, a static context parameter, a member and a compiled path.</summary>
    [Fact]
    public void SettingsAndRequestFillTheParameters()
    {
        var spec = WithRules(Model(
            """, "staticContextParams": { "IsThing": { "value": true } }, "operationContextParams": { "ItemNames": { "path": "keys(Items)" } }""",
            ClientContext));
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { spec });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var client = run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("/ThingsClient.g.cs", System.StringComparison.Ordinal));
        Snapshot.Verify(nameof(ClientEndpointParametersSnapshotTests), new[] { new KeyValuePair<string, string>(client.HintName, client.SourceText.ToString()) }, diagnostics.Select(d => d.ToString()));
    }

    /// <summary>A path whose value is a number cannot fill a list-of-strings parameter: CG0023 at the operation, and the parameter is left unset.</summary>
    [Fact]
    public void CG0023_OperationContextPathOfTheWrongType()
    {
        var spec = WithRules(Model(""", "operationContextParams": { "ItemNames": { "path": "Count" } }"""));
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { spec });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        var error = Assert.Single(diagnostics, d => d.Id == "CG0023");
        Assert.Contains("ItemNames", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var client = run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("/ThingsClient.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.DoesNotContain("ItemNames =", client);
        Snapshot.Verify(nameof(ClientEndpointParametersSnapshotTests), [], diagnostics.Select(d => d.ToString()));
    }
}
