using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codegen.Generator.Tests.Paging;

/// <summary>
/// The paginators generated from a model's paginators (botocore <c>paginators-1.json</c>, Smithy
/// <c>smithy.api#paginated</c>), one feature per small model: one token with a page size and one result key;
/// several tokens, result keys (a nested one) and <c>more_results</c>; a token that is a map; the Smithy trait with
/// the service's defaults; and the diagnostics (CG0022, CG0023) for paginators that do not fit their operation.
/// Each output must compile with no warning. What the paginators do is checked end to end against dynalite.
/// </summary>
public class PaginatorSnapshotTests
{
    private const string ModelPath = "/project/specs/things.json";
    private const string PaginatorsPath = "/project/specs/things.paginators-1.json";

    private static string Model(string operations, string shapes) =>
        "{\n  \"metadata\": { \"apiVersion\": \"2024-01-01\", \"endpointPrefix\": \"things\", \"jsonVersion\": \"1.0\", \"protocol\": \"json\", \"serviceId\": \"Things\", \"targetPrefix\": \"Things\", \"signatureVersion\": \"v4\" },\n  \"operations\": "
        + operations + ",\n  \"shapes\": " + shapes + "\n}\n";

    private static void VerifyPaginators(Spec spec, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { spec });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var files = run.Results.Single().GeneratedSources
            .Where(s => s.HintName.EndsWith("Paginator.g.cs", System.StringComparison.Ordinal) || s.HintName.EndsWith(".Paginators.g.cs", System.StringComparison.Ordinal))
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToList();
        Assert.NotEmpty(files);
        Snapshot.Verify(nameof(PaginatorSnapshotTests), files, diagnostics.Select(d => d.ToString()), method);
    }

    private static Spec Botocore(string model, string paginators) =>
        new(ModelPath, model) { Companions = [new Companion("Paginators", PaginatorsPath, paginators)] };

    /// <summary>DynamoDB's ListTables: one string token, a page size, one result key.</summary>
    [Fact]
    public void OneToken() => VerifyPaginators(Botocore(
        Model(
            """{ "ListTables": { "name": "ListTables", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "ListTablesInput" }, "output": { "shape": "ListTablesOutput" } } }""",
            """
            {
                "ListTablesInput": { "type": "structure", "members": { "ExclusiveStartTableName": { "shape": "Name" }, "Limit": { "shape": "Limit" } } },
                "ListTablesOutput": { "type": "structure", "members": { "TableNames": { "shape": "Names" }, "LastEvaluatedTableName": { "shape": "Name" } } },
                "Name": { "type": "string" },
                "Names": { "type": "list", "member": { "shape": "Name" } },
                "Limit": { "type": "integer" }
              }
            """),
        """{ "pagination": { "ListTables": { "input_token": "ExclusiveStartTableName", "output_token": "LastEvaluatedTableName", "limit_key": "Limit", "result_key": "TableNames" } } }"""));

    /// <summary>
    /// S3's ListObjectVersions and ListObjects: two tokens paired by position, <c>more_results</c>, several result
    /// keys (a projection among them), and an output token that falls back to the last key (<c>NextMarker || Contents[-1].Key</c>).
    /// </summary>
    [Fact]
    public void SeveralTokensAndResultKeys() => VerifyPaginators(Botocore(
        Model(
            """
            {
                "ListVersions": { "name": "ListVersions", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "ListVersionsInput" }, "output": { "shape": "ListVersionsOutput" } },
                "ListObjects": { "name": "ListObjects", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "ListObjectsInput" }, "output": { "shape": "ListObjectsOutput" } }
              }
            """,
            """
            {
                "ListVersionsInput": { "type": "structure", "members": { "KeyMarker": { "shape": "Text" }, "VersionIdMarker": { "shape": "Text" }, "MaxKeys": { "shape": "Count" } } },
                "ListVersionsOutput": { "type": "structure", "members": {
                  "IsTruncated": { "shape": "Flag" }, "NextKeyMarker": { "shape": "Text" }, "NextVersionIdMarker": { "shape": "Text" },
                  "Versions": { "shape": "Versions" }, "CommonPrefixes": { "shape": "CommonPrefixes" } } },
                "ListObjectsInput": { "type": "structure", "members": { "Marker": { "shape": "Text" } } },
                "ListObjectsOutput": { "type": "structure", "members": { "IsTruncated": { "shape": "Flag" }, "NextMarker": { "shape": "Text" }, "Contents": { "shape": "Objects" }, "CommonPrefixes": { "shape": "CommonPrefixes" } } },
                "Version": { "type": "structure", "members": { "Key": { "shape": "Text" }, "VersionId": { "shape": "Text" } } },
                "Versions": { "type": "list", "member": { "shape": "Version" } },
                "Object": { "type": "structure", "members": { "Key": { "shape": "Text" }, "Size": { "shape": "Count" } } },
                "Objects": { "type": "list", "member": { "shape": "Object" } },
                "CommonPrefix": { "type": "structure", "members": { "Prefix": { "shape": "Text" } } },
                "CommonPrefixes": { "type": "list", "member": { "shape": "CommonPrefix" } },
                "Text": { "type": "string" },
                "Count": { "type": "integer" },
                "Flag": { "type": "boolean" }
              }
            """),
        """
        {
          "pagination": {
            "ListVersions": {
              "more_results": "IsTruncated", "limit_key": "MaxKeys",
              "input_token": ["KeyMarker", "VersionIdMarker"], "output_token": ["NextKeyMarker", "NextVersionIdMarker"],
              "result_key": ["Versions", "CommonPrefixes[].Prefix"]
            },
            "ListObjects": { "more_results": "IsTruncated", "input_token": "Marker", "output_token": "NextMarker || Contents[-1].Key", "result_key": ["Contents", "CommonPrefixes"] }
          }
        }
        """));

    /// <summary>DynamoDB's Scan: the token is a map of attribute values (LastEvaluatedKey → ExclusiveStartKey), compared by content.</summary>
    [Fact]
    public void MapToken() => VerifyPaginators(Botocore(
        Model(
            """{ "Scan": { "name": "Scan", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "ScanInput" }, "output": { "shape": "ScanOutput" } } }""",
            """
            {
                "ScanInput": { "type": "structure", "required": ["TableName"], "members": { "TableName": { "shape": "Text" }, "ExclusiveStartKey": { "shape": "Key" }, "Limit": { "shape": "Count" } } },
                "ScanOutput": { "type": "structure", "members": { "Items": { "shape": "ItemList" }, "Count": { "shape": "Count" }, "LastEvaluatedKey": { "shape": "Key" } } },
                "Value": { "type": "structure", "members": { "S": { "shape": "Text" }, "N": { "shape": "Text" } }, "union": true },
                "Key": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "Value" } },
                "ItemList": { "type": "list", "member": { "shape": "Key" } },
                "Text": { "type": "string" },
                "Count": { "type": "integer" }
              }
            """),
        """{ "pagination": { "Scan": { "input_token": "ExclusiveStartKey", "output_token": "LastEvaluatedKey", "limit_key": "Limit", "result_key": ["Items", "Count"] } } }"""));

    /// <summary>Smithy's paginated trait on an operation, its tokens and page size from the service's trait, its items nested.</summary>
    [Fact]
    public void SmithyPaginatedTrait() => VerifyPaginators(new Spec("/project/specs/things.smithy.json", """
        {
          "smithy": "2.0",
          "shapes": {
            "com.example#Things": {
              "type": "service", "version": "2024-01-01",
              "operations": [ { "target": "com.example#ListThings" } ],
              "traits": {
                "aws.api#service": { "sdkId": "Things" },
                "aws.protocols#awsJson1_0": {},
                "aws.auth#sigv4": { "name": "things" },
                "smithy.api#paginated": { "inputToken": "nextToken", "outputToken": "nextToken", "pageSize": "maxResults" }
              }
            },
            "com.example#ListThings": {
              "type": "operation",
              "input": { "target": "com.example#ListThingsInput" },
              "output": { "target": "com.example#ListThingsOutput" },
              "traits": { "smithy.api#paginated": { "items": "page.things" } }
            },
            "com.example#ListThingsInput": { "type": "structure", "members": { "nextToken": { "target": "smithy.api#String" }, "maxResults": { "target": "smithy.api#Integer" } } },
            "com.example#ListThingsOutput": { "type": "structure", "members": { "nextToken": { "target": "smithy.api#String" }, "page": { "target": "com.example#Page" } } },
            "com.example#Page": { "type": "structure", "members": { "things": { "target": "com.example#Names" } } },
            "com.example#Names": { "type": "list", "member": { "target": "smithy.api#String" } }
          }
        }
        """));

    /// <summary>
    /// Paginators that do not fit their operation: each problem is a diagnostic at its place in the paginators file
    /// (CG0022 for names and shapes, CG0023 for an expression, at the column of the offending part), the paginator
    /// is not generated, and the model's own code still is (and compiles).
    /// </summary>
    [Fact]
    public void PaginatorsThatDoNotFit()
    {
        var model = Model(
            """{ "ListThings": { "name": "ListThings", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "ListThingsInput" }, "output": { "shape": "ListThingsOutput" } } }""",
            """
            {
                "ListThingsInput": { "type": "structure", "members": { "NextToken": { "shape": "Text" }, "Start": { "shape": "Count" } } },
                "ListThingsOutput": { "type": "structure", "members": { "NextToken": { "shape": "Text" }, "Things": { "shape": "Things" }, "Total": { "shape": "Count" } } },
                "Things": { "type": "list", "member": { "shape": "Text" } },
                "Text": { "type": "string" },
                "Count": { "type": "integer" }
              }
            """);
        var paginators = """
            {
              "pagination": {
                "ListThings": { "input_token": "NextToken", "output_token": "NextToken", "limit_key": "MaxResults", "result_key": ["things", "Things[?Name == 'x']", "Things[0"] },
                "ListOthers": { "input_token": "NextToken", "output_token": "NextToken" }
              }
            }
            """;
        var wrongToken = """{ "pagination": { "ListThings": { "input_token": ["Token", "Start"], "output_token": ["NextToken", "NextToken"], "result_key": "length(Things)" } } }""";
        var (run, output, diagnostics) = GeneratorHarness.Run(new[]
        {
            Botocore(model, paginators),
            new Spec("/project/specs/other.json", model.Replace("\"Things\", \"targetPrefix\"", "\"Others\", \"targetPrefix\"", System.StringComparison.Ordinal), Namespace: "Other")
            {
                Companions = [new Companion("Paginators", "/project/specs/other.paginators-1.json", wrongToken)],
            },
        });

        Assert.Empty(GeneratorHarness.Problems(output));
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Aws.Things/ThingsClient.g.cs", hints);
        Assert.DoesNotContain(hints, h => h.Contains("Paginator", System.StringComparison.Ordinal));
        Assert.All(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.EndsWith(".paginators-1.json", d.Location.GetLineSpan().Path, System.StringComparison.Ordinal));
        Snapshot.Verify(nameof(PaginatorSnapshotTests), Enumerable.Empty<KeyValuePair<string, string>>(), diagnostics.Select(d => d.ToString()));
    }
}
