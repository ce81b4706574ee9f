using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.NamingRules;

/// <summary>
/// One snapshot per naming rule of docs/naming.md: each model below breaks a rule on purpose, the generated
/// code must compile without warnings, and the names it gets are reviewed in the snapshot.
/// </summary>
public class NamingSnapshotTests
{
    private static string Model(string shapes, string operations = """{ "Op": { "name": "Op", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "OpInput" }, "output": { "shape": "OpOutput" } } }""") =>
        """{ "metadata": { "apiVersion": "2024-01-01", "endpointPrefix": "names", "jsonVersion": "1.0", "protocol": "json", "serviceId": "Names", "targetPrefix": "Names" }, "operations": """
        + operations + """, "shapes": """ + shapes + "}";

    private static void VerifyNames(string model, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { new Spec("/project/specs/names.json", model) });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        Assert.DoesNotContain(diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

        // The model types (not the wire code, the client or the error plumbing) show the names.
        var files = run.Results.Single().GeneratedSources
            .Where(s => !s.HintName.Contains("/Serialization/", System.StringComparison.Ordinal) && !s.HintName.EndsWith("Client.g.cs", System.StringComparison.Ordinal) && !s.HintName.EndsWith("NamesException.g.cs", System.StringComparison.Ordinal))
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()));
        Snapshot.Verify(nameof(NamingSnapshotTests), files, diagnostics.Select(d => d.ToString()), method);
    }

    [Fact]
    public void KeywordsAsNames() => VerifyNames(Model("""
        {
          "OpInput": { "type": "structure", "required": ["event", "namespace"], "members": {
            "event": { "shape": "Text" }, "namespace": { "shape": "Text" }, "operator": { "shape": "Text" }, "string": { "shape": "Text" },
            "object": { "shape": "Text" }, "class": { "shape": "Text" }, "record": { "shape": "Text" }, "value": { "shape": "Text" }, "params": { "shape": "Text" } } },
          "OpOutput": { "type": "structure", "members": {} },
          "Text": { "type": "string" }
        }
        """));

    [Fact]
    public void MembersThatCollideWithTheTypeOrGeneratedMembers() => VerifyNames(Model("""
        {
          "OpInput": { "type": "structure", "members": { "Item": { "shape": "Item" } } },
          "OpOutput": { "type": "structure", "members": { "HttpStatus": { "shape": "Count" }, "Lenses": { "shape": "Text" } } },
          "Item": { "type": "structure", "members": {
            "Item": { "shape": "Text" }, "Equals": { "shape": "Text" }, "GetHashCode": { "shape": "Text" }, "ToString": { "shape": "Text" },
            "Lenses": { "shape": "Text" }, "Name": { "shape": "Text" }, "WithName": { "shape": "Text" } } },
          "Count": { "type": "integer" },
          "Text": { "type": "string" }
        }
        """));

    [Fact]
    public void ShapesNamedLikeSystemOrRuntimeTypes() => VerifyNames(Model("""
        {
          "OpInput": { "type": "structure", "members": { "S": { "shape": "String" }, "O": { "shape": "Object" }, "T": { "shape": "Task" }, "X": { "shape": "Type" }, "L": { "shape": "Lens" }, "E": { "shape": "Exception" } } },
          "OpOutput": { "type": "structure", "members": {} },
          "String": { "type": "string" },
          "Object": { "type": "structure", "members": { "Value": { "shape": "String" } } },
          "Task": { "type": "structure", "members": { "Object": { "shape": "Object" } } },
          "Type": { "type": "string", "enum": ["A", "B"] },
          "Lens": { "type": "structure", "members": { "Focus": { "shape": "String" } } },
          "Exception": { "type": "structure", "members": { "Message": { "shape": "String" } } }
        }
        """));

    [Fact]
    public void NamesThatDifferOnlyInCase() => VerifyNames(Model("""
        {
          "OpInput": { "type": "structure", "members": { "a": { "shape": "Thing" }, "b": { "shape": "thing" }, "mode": { "shape": "Mode" } } },
          "OpOutput": { "type": "structure", "members": {} },
          "Thing": { "type": "structure", "members": { "id": { "shape": "Text" }, "Id": { "shape": "Text" } } },
          "thing": { "type": "structure", "members": { "x": { "shape": "Text" } } },
          "Mode": { "type": "string", "enum": ["on", "ON", "On"] },
          "Text": { "type": "string" }
        }
        """));

    [Fact]
    public void DigitsUnderscoresDotsAndNonAscii() => VerifyNames(Model("""
        {
          "OpInput": { "type": "structure", "members": {
            "2fa": { "shape": "Text" }, "_private": { "shape": "Text" }, "dotted.name": { "shape": "Text" }, "café": { "shape": "Text" },
            "kebab-case-name": { "shape": "Text" }, "x:y/z": { "shape": "Version" } } },
          "OpOutput": { "type": "structure", "members": {} },
          "Version": { "type": "string", "enum": ["1.0", "2.0-beta", "t2.micro", "us-east-1", "SOFTWARE_TOKEN_MFA", "ünïcode"] },
          "Text": { "type": "string" }
        }
        """));

    [Fact]
    public void OperationNamedLikeAnotherOperationsResponse() => VerifyNames(Model(
        """
        {
          "In": { "type": "structure", "members": { "Id": { "shape": "Text" } } },
          "Out": { "type": "structure", "members": { "Id": { "shape": "Text" } } },
          "Text": { "type": "string" }
        }
        """,
        """
        {
          "DeleteIntegration": { "name": "DeleteIntegration", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "In" }, "output": { "shape": "Out" } },
          "DeleteIntegrationResponse": { "name": "DeleteIntegrationResponse", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "In" } }
        }
        """));

    [Fact]
    public void RecursiveShapes() => VerifyNames(Model("""
        {
          "OpInput": { "type": "structure", "members": { "Value": { "shape": "AttributeValue" }, "Tree": { "shape": "Node" } } },
          "OpOutput": { "type": "structure", "members": { "Value": { "shape": "AttributeValue" } } },
          "AttributeValue": { "type": "structure", "members": { "S": { "shape": "Text" }, "L": { "shape": "ValueList" }, "M": { "shape": "ValueMap" } } },
          "ValueList": { "type": "list", "member": { "shape": "AttributeValue" } },
          "ValueMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "AttributeValue" } },
          "Node": { "type": "structure", "members": { "Leaf": { "shape": "Leaf" } } },
          "Leaf": { "type": "structure", "members": { "Parent": { "shape": "Node" } } },
          "Text": { "type": "string" }
        }
        """));

    private const string Op = """{ "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "In" }, "output": { "shape": "Out" } }""";

    [Fact]
    public void OperationsNamedLikeMembersTheirTypesDeclare() => VerifyNames(Model(
        """
        {
          "In": { "type": "structure", "members": { "Id": { "shape": "Text" } } },
          "Out": { "type": "structure", "members": { "Id": { "shape": "Text" } } },
          "Text": { "type": "string" }
        }
        """,
        "{ " + string.Join(", ", new[] { "Equals", "GetHashCode", "ToString", "Lenses", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize", "Service", "All", "Send", "Dispose" }
            .Select(name => $"\"{name}\": " + Op.Replace("{ \"http\"", $"{{ \"name\": \"{name}\", \"http\"", System.StringComparison.Ordinal))) + " }"));

    [Fact]
    public void ShapesNamedLikeMembersTheirTypesDeclare() => VerifyNames(Model("""
        {
          "OpInput": { "type": "structure", "members": {
            "A": { "shape": "Equals" }, "B": { "shape": "GetHashCode" }, "C": { "shape": "ToString" }, "D": { "shape": "Lenses" },
            "E": { "shape": "Unknown" }, "F": { "shape": "MemberName" }, "G": { "shape": "Value" }, "H": { "shape": "Known" },
            "I": { "shape": "IsKnown" }, "J": { "shape": "WithName" }, "K": { "shape": "Finalize" }, "L": { "shape": "Optionals" },
            "M": { "shape": "Traversals" } } },
          "OpOutput": { "type": "structure", "members": {} },
          "Equals": { "type": "structure", "members": { "X": { "shape": "Text" } } },
          "GetHashCode": { "type": "string", "enum": ["a"] },
          "ToString": { "type": "structure", "union": true, "members": { "X": { "shape": "Text" } } },
          "Lenses": { "type": "structure", "members": { "X": { "shape": "Text" } } },
          "Unknown": { "type": "structure", "union": true, "members": { "X": { "shape": "Text" } } },
          "MemberName": { "type": "structure", "union": true, "members": { "X": { "shape": "Text" } } },
          "Value": { "type": "string", "enum": ["a"] },
          "Known": { "type": "string", "enum": ["a"] },
          "IsKnown": { "type": "string", "enum": ["a"] },
          "WithName": { "type": "structure", "members": { "Name": { "shape": "Text" } } },
          "Finalize": { "type": "structure", "members": { "X": { "shape": "Text" } } },
          "Optionals": { "type": "structure", "members": { "X": { "shape": "Text" } } },
          "Traversals": { "type": "structure", "members": { "X": { "shape": "Text" } } },
          "Text": { "type": "string" }
        }
        """));

    [Fact]
    public void MembersNamedLikeEveryOtherGeneratedMember() => VerifyNames(Model(
        """
        {
          "OpInput": { "type": "structure", "members": {
            "ReferenceEquals": { "shape": "Text" }, "MemberwiseClone": { "shape": "Text" }, "Finalize": { "shape": "Text" },
            "Equals": { "shape": "Text" }, "WithEqualsValue": { "shape": "Text" }, "Choice": { "shape": "Choice" }, "Kind": { "shape": "Kind" },
            "Optionals": { "shape": "Text" }, "Traversals": { "shape": "Text" } } },
          "OpOutput": { "type": "structure", "members": {
            "WithHttpStatus": { "shape": "Text" }, "Dispose": { "shape": "Text" }, "DisposeAsync": { "shape": "Text" }, "ReferenceEquals": { "shape": "Text" } } },
          "Choice": { "type": "structure", "union": true, "members": {
            "Value": { "shape": "Text" }, "MemberName": { "shape": "Text" }, "Unknown": { "shape": "Text" }, "Equals": { "shape": "Text" },
            "ToString": { "shape": "Text" }, "GetHashCode": { "shape": "Text" }, "ReferenceEquals": { "shape": "Text" }, "Choice": { "shape": "Text" } } },
          "Kind": { "type": "string", "enum": ["Value", "Known", "IsKnown", "Equals", "ToString", "GetHashCode", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize", "Kind"] },
          "Fault": { "type": "structure", "members": {
            "Message": { "shape": "Count" }, "message": { "shape": "Text" }, "ReferenceEquals": { "shape": "Text" }, "HelpLink": { "shape": "Text" },
            "WireErrorCode": { "shape": "Text" }, "IsFault": { "shape": "Text" }, "Data": { "shape": "Text" }, "FaultException": { "shape": "Text" } },
            "error": { "httpStatusCode": 500 }, "exception": true, "fault": true },
          "Count": { "type": "integer" },
          "Text": { "type": "string" }
        }
        """,
        """{ "Op": { "name": "Op", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "OpInput" }, "output": { "shape": "OpOutput" }, "errors": [{ "shape": "Fault" }] } }"""));

    /// <summary>
    /// Enum values named like the members every enum has (<c>WireValue</c>, the <c>WireValues</c> class of constants,
    /// <c>Known</c>, <c>IsKnown</c>) get a number, so a constant and a property can never share a name, and the
    /// constants are usable as <c>case</c> labels.
    /// </summary>
    [Fact]
    public void EnumValuesNamedLikeTheEnumsOwnMembers()
    {
        var model = Model("""
            {
              "OpInput": { "type": "structure", "members": { "Mode": { "shape": "Mode" } } },
              "OpOutput": { "type": "structure", "members": {} },
              "Mode": { "type": "string", "enum": ["WIRE_VALUE", "WIRE_VALUES", "KNOWN", "IS_KNOWN", "VALUE", "MODE"] }
            }
            """);
        var usage = """
            namespace Usage;
            public static class Use
            {
                public static int Of(global::Aws.Names.Mode mode) => mode.WireValue switch
                {
                    global::Aws.Names.Mode.WireValues.WireValue2 => 1,
                    global::Aws.Names.Mode.WireValues.WireValues2 => 2,
                    global::Aws.Names.Mode.WireValues.Known2 => 3,
                    _ => 0,
                };
            }
            """;
        var (run, output, _) = GeneratorHarness.Run(new[] { new Spec("/project/specs/names.json", model) }, usage);

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        var source = run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("/Mode.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public static global::Aws.Names.Mode WireValue2 { get; }", source);
        Assert.Contains("public const string WireValues2 = \"WIRE_VALUES\";", source);
        Assert.Contains("public const string IsKnown2 = \"IS_KNOWN\";", source);
        Assert.Contains("public const string Mode2 = \"MODE\";", source);
    }
}
