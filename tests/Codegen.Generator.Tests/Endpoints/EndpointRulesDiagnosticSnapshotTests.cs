using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Endpoints;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.Endpoints;

/// <summary>
/// One snapshot per problem in an endpoint rule set (CG0001, CG0020, CG0021 in docs/diagnostics.md): the text
/// `dotnet build` shows, with file, line and column. A rule set with an error generates no code.
/// </summary>
public class EndpointRulesDiagnosticSnapshotTests
{
    private const string Parameters = """
          "parameters": {
            "Region": { "type": "string", "builtIn": "AWS::Region", "required": false },
            "UseFIPS": { "type": "boolean", "required": true, "default": false }
          },
        """;

    [Fact]
    public void CG0001_MalformedJson() => VerifyDiagnostics("{\n  \"version\": \"1.0\",\n  \"parameters\": {}\n  \"rules\": []\n}\n");

    [Fact]
    public void CG0020_MissingPartsAndUnknownTypes() => VerifyDiagnostics("""
        {
          "version": "2.0",
          "parameters": {
            "Region": { "type": "integer" },
            "UseFIPS": { "type": "boolean", "default": "no" }
          },
          "rules": [
            { "conditions": [], "type": "redirect" },
            { "conditions": [], "type": "endpoint", "endpoint": { "headers": {} } },
            { "conditions": [ { "argv": [] } ], "type": "error", "error": "broken" },
            { "conditions": [], "type": "error", "error": "unclosed {Region" }
          ]
        }
        """);

    [Fact]
    public void CG0021_UnknownNamesAndFunctions() => VerifyDiagnostics("""
        {
          "version": "1.0",
        """ + Parameters + """
          "rules": [
            { "conditions": [ { "fn": "isSet", "argv": [ { "ref": "Regoin" } ] } ], "error": "unknown reference", "type": "error" },
            { "conditions": [ { "fn": "aws.region", "argv": [ { "ref": "Region" } ] } ], "error": "unknown function", "type": "error" },
            { "conditions": [ { "fn": "aws.partition", "argv": [ "us-east-1" ], "assign": "p" } ], "endpoint": { "url": "https://{p#dnsSufix}" }, "type": "endpoint" }
          ]
        }
        """);

    [Fact]
    public void CG0021_WrongTypesAndUnsetValues() => VerifyDiagnostics("""
        {
          "version": "1.0",
        """ + Parameters + """
          "rules": [
            { "conditions": [ { "fn": "booleanEquals", "argv": [ { "ref": "Region" }, true ] } ], "error": "a string is no boolean", "type": "error" },
            { "conditions": [ { "fn": "substring", "argv": [ { "ref": "Region" }, 0, "4", false ] } ], "error": "substring takes integers", "type": "error" },
            { "conditions": [], "endpoint": { "url": { "ref": "Region" } }, "type": "endpoint" }
          ]
        }
        """);

    private static void VerifyDiagnostics(string ruleSet, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var output = EndpointRulesEmitter.Emit(new EndpointRulesInput("/project/specs/endpoint-rule-set-1.json", ruleSet, "Aws.Broken", "Broken"));

        Assert.Empty(output.Files);
        Assert.NotEmpty(output.Diagnostics);
        Snapshot.Verify(nameof(EndpointRulesDiagnosticSnapshotTests), Enumerable.Empty<KeyValuePair<string, string>>(), output.Diagnostics.Select(d => d.ToDiagnostic().ToString()), method);
    }
}
