using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codegen.Generator.Tests.Diagnostics;

/// <summary>
/// One snapshot per diagnostic (docs/diagnostics.md): the text `dotnet build` shows, with file, line and column.
/// Each broken model is also checked not to stop generation for a healthy model next to it.
/// </summary>
public class DiagnosticSnapshotTests
{
    private const string Path = "/project/specs/broken.json";

    private static string Service(string shapes, string operations = """{ "Op": { "name": "Op", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "OpInput" } } }""", string metadata = """{ "apiVersion": "2024-01-01", "endpointPrefix": "broken", "jsonVersion": "1.0", "protocol": "json", "serviceId": "Broken", "targetPrefix": "Broken" }""") =>
        "{\n  \"metadata\": " + metadata + ",\n  \"operations\": " + operations + ",\n  \"shapes\": " + shapes + "\n}\n";

    private static void VerifyDiagnostics(string text, string? operations = null, string? accessibility = null, string? protocol = null, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var broken = new Spec(Path, text, Operations: operations, Accessibility: accessibility) { Protocol = protocol };
        var healthy = Spec.FromRepository("cognito-idp/VerifySoftwareToken.json");
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { broken, healthy });

        Assert.Contains(run.GeneratedTrees, t => t.FilePath.Contains("VerifySoftwareToken.g.cs", System.StringComparison.Ordinal));
        Assert.All(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Fail("generated code does not compile: " + d));
        Assert.NotEmpty(diagnostics);
        Snapshot.Verify(nameof(DiagnosticSnapshotTests), Enumerable.Empty<KeyValuePair<string, string>>(), diagnostics.Select(d => d.ToString()), method);
    }

    [Fact]
    public void CG0001_MalformedJson() =>
        VerifyDiagnostics("{\n  \"metadata\": {\n    \"protocol\": \"json\",\n  }\n}\n");

    [Fact]
    public void CG0002_NotAnAwsModel() =>
        VerifyDiagnostics("{ \"name\": \"my-app\", \"version\": \"1.0.0\" }\n");

    [Fact]
    public void CG0003_ShapeReferenceToNothing() =>
        VerifyDiagnostics(Service("""
            {
                "OpInput": { "type": "structure", "members": { "Session": { "shape": "SessionTyp" } } },
                "SessionType": { "type": "string" }
              }
            """));

    [Fact]
    public void CG0004_MissingOrMistypedPart() =>
        VerifyDiagnostics(Service("""
            {
                "OpInput": { "type": "structure", "required": ["Name"], "members": { "Id": { "shape": "Text" } } },
                "Text": { "kind": "string" }
              }
            """));

    [Fact]
    public void CG0004_MissingProtocol() =>
        VerifyDiagnostics(Service("""{ "OpInput": { "type": "structure", "members": {} } }""", metadata: """{ "serviceId": "Broken" }"""));

    [Fact]
    public void CG0005_UnsupportedShapeType() =>
        VerifyDiagnostics(Service("""
            {
                "OpInput": { "type": "structure", "members": { "When": { "shape": "Moment" } } },
                "Moment": { "type": "instant" }
              }
            """));

    [Fact]
    public void CG0006_NamesCollideAfterSanitising() =>
        VerifyDiagnostics(Service("""
            {
                "OpInput": { "type": "structure", "members": { "Equals": { "shape": "Mode" }, "op-input": { "shape": "Mode" }, "OpInput": { "shape": "Mode" } } },
                "Mode": { "type": "string", "enum": ["fast", "FAST", "Value"] }
              }
            """));

    [Fact]
    public void CG0007_OperationFilterNamesUnknownOperation() =>
        VerifyDiagnostics(Service("""{ "OpInput": { "type": "structure", "members": {} } }"""), operations: "Op;op;Missing");

    [Fact]
    public void CG0008_ProtocolWithoutSerializer() =>
        VerifyDiagnostics(Service("""{ "OpInput": { "type": "structure", "members": {} } }""", metadata: """{ "apiVersion": "2024-01-01", "endpointPrefix": "broken", "protocol": "rest-xml", "serviceId": "Broken" }"""));

    /// <summary>
    /// CG0009 comes only from a generator bug, so no model can trigger it (the fuzz test checks none does); this
    /// snapshot pins the text a user would see, made from the same function the pipeline calls on a crash.
    /// </summary>
    [Fact]
    public void CG0009_InternalError()
    {
        var diagnostics = Codegen.Generator.SpecPipeline.Crash(Path, "reading", new System.InvalidOperationException("an example failure"));

        Snapshot.Verify(nameof(DiagnosticSnapshotTests), Enumerable.Empty<KeyValuePair<string, string>>(), diagnostics.Select(d => d.ToDiagnostic().ToString()));
    }

    [Fact]
    public void CG0010_InvalidOption() =>
        VerifyDiagnostics(Service("""{ "OpInput": { "type": "structure", "members": {} } }"""), accessibility: "protected");

    /// <summary>A <c>Protocol</c> the model does not list: the warning points at the model's protocol.</summary>
    [Fact]
    public void CG0010_ProtocolNotListed() =>
        VerifyDiagnostics(Service("""{ "OpInput": { "type": "structure", "members": {} } }"""), protocol: "rpcv2Cbor");

    [Fact]
    public void CG0011_TwoModelsGenerateTheSameFiles()
    {
        var first = Spec.FromRepository("cognito-idp/VerifySoftwareToken.json");
        var second = first with { Path = "/project/specs/copy-of-seed.json" };
        var (_, _, diagnostics) = GeneratorHarness.Run(new[] { first, second });

        Snapshot.Verify(nameof(DiagnosticSnapshotTests), Enumerable.Empty<KeyValuePair<string, string>>(), diagnostics.Select(d => d.ToString()));
    }
}
