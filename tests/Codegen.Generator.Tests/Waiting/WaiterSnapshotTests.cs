using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codegen.Generator.Tests.Waiting;

/// <summary>
/// The waiters generated from a model's waiters (botocore <c>waiters-2.json</c>, Smithy <c>smithy.waiters#waitable</c>),
/// one feature per small model: path and error acceptors (DynamoDB's TableExists and TableNotExists); pathAll,
/// pathAny, status, a boolean path and error true/false; the Smithy trait with its comparators and delays; and the
/// diagnostics (CG0022, CG0023) for waiters that do not fit their operation. Each output must compile with no
/// warning. What the waiters do is checked by the runtime tests and end to end against dynalite.
/// </summary>
public class WaiterSnapshotTests
{
    private const string ModelPath = "/project/specs/things.json";
    private const string WaitersPath = "/project/specs/things.waiters-2.json";

    private static string Model(string operations, string shapes) =>
        "{\n  \"metadata\": { \"apiVersion\": \"2024-01-01\", \"endpointPrefix\": \"things\", \"jsonVersion\": \"1.0\", \"protocol\": \"json\", \"serviceId\": \"Things\", \"targetPrefix\": \"Things\", \"signatureVersion\": \"v4\" },\n  \"operations\": "
        + operations + ",\n  \"shapes\": " + shapes + "\n}\n";

    private static void VerifyWaiters(Spec spec, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { spec });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var files = run.Results.Single().GeneratedSources
            .Where(s => s.HintName.EndsWith(".Waiters.g.cs", System.StringComparison.Ordinal))
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToList();
        Assert.NotEmpty(files);
        Snapshot.Verify(nameof(WaiterSnapshotTests), files, diagnostics.Select(d => d.ToString()), method);
    }

    private static Spec Botocore(string model, string waiters) =>
        new(ModelPath, model) { Companions = [new Companion("Waiters", WaitersPath, waiters)] };

    private const string DescribeTable =
        """{ "DescribeTable": { "name": "DescribeTable", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "DescribeTableInput" }, "output": { "shape": "DescribeTableOutput" }, "errors": [ { "shape": "ResourceNotFoundException" } ] } }""";

    private const string TableShapes = """
        {
            "DescribeTableInput": { "type": "structure", "required": ["TableName"], "members": { "TableName": { "shape": "Name" } } },
            "DescribeTableOutput": { "type": "structure", "members": { "Table": { "shape": "TableDescription" } } },
            "TableDescription": { "type": "structure", "members": { "TableName": { "shape": "Name" }, "TableStatus": { "shape": "TableStatus" }, "ItemCount": { "shape": "Count" } } },
            "TableStatus": { "type": "string", "enum": ["CREATING", "ACTIVE", "DELETING"] },
            "ResourceNotFoundException": { "type": "structure", "members": { "message": { "shape": "Name" } }, "exception": true },
            "Name": { "type": "string" },
            "Count": { "type": "long" }
          }
        """;

    /// <summary>DynamoDB's TableExists (a path acceptor over an enum, an error acceptor that retries) and TableNotExists (an error acceptor that succeeds).</summary>
    [Fact]
    public void PathAndError() => VerifyWaiters(Botocore(
        Model(DescribeTable, TableShapes),
        """
        {
          "version": 2,
          "waiters": {
            "TableExists": { "delay": 20, "operation": "DescribeTable", "maxAttempts": 25, "acceptors": [
              { "expected": "ACTIVE", "matcher": "path", "state": "success", "argument": "Table.TableStatus" },
              { "expected": "ResourceNotFoundException", "matcher": "error", "state": "retry" } ] },
            "TableNotExists": { "delay": 20, "operation": "DescribeTable", "maxAttempts": 25, "description": "Waits until the table is gone.", "acceptors": [
              { "expected": "ResourceNotFoundException", "matcher": "error", "state": "success" } ] }
          }
        }
        """));

    /// <summary>
    /// EC2-like waiters: pathAll and pathAny over a projection of nested lists, a status acceptor, a boolean path
    /// (a comparison of lengths and a filter), and botocore's error <c>true</c> / <c>false</c>.
    /// </summary>
    [Fact]
    public void ListsStatusAndBooleans() => VerifyWaiters(Botocore(
        Model(
            """{ "DescribeInstances": { "name": "DescribeInstances", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "DescribeInstancesInput" }, "output": { "shape": "DescribeInstancesOutput" } } }""",
            """
            {
                "DescribeInstancesInput": { "type": "structure", "members": { "InstanceIds": { "shape": "Names" } } },
                "DescribeInstancesOutput": { "type": "structure", "members": { "Reservations": { "shape": "Reservations" } } },
                "Reservation": { "type": "structure", "members": { "Instances": { "shape": "Instances" } } },
                "Reservations": { "type": "list", "member": { "shape": "Reservation" } },
                "Instance": { "type": "structure", "required": ["Kind"], "members": { "InstanceId": { "shape": "Name" }, "State": { "shape": "State" }, "Code": { "shape": "Code" }, "Kind": { "shape": "Kind" } } },
                "Kind": { "type": "string", "enum": ["small", "large"] },
                "Instances": { "type": "list", "member": { "shape": "Instance" } },
                "State": { "type": "structure", "members": { "Name": { "shape": "Name" } } },
                "Names": { "type": "list", "member": { "shape": "Name" } },
                "Name": { "type": "string" },
                "Code": { "type": "integer" }
              }
            """),
        """
        {
          "version": 2,
          "waiters": {
            "InstanceRunning": { "delay": 15, "operation": "DescribeInstances", "maxAttempts": 40, "acceptors": [
              { "expected": "running", "matcher": "pathAll", "state": "success", "argument": "Reservations[].Instances[].State.Name" },
              { "expected": "terminated", "matcher": "pathAny", "state": "failure", "argument": "Reservations[].Instances[].State.Name" },
              { "expected": 16, "matcher": "pathAny", "state": "failure", "argument": "Reservations[].Instances[].Code" },
              { "expected": "large", "matcher": "pathAny", "state": "failure", "argument": "Reservations[].Instances[].Kind" },
              { "expected": "InvalidInstanceID.NotFound", "matcher": "error", "state": "retry" } ] },
            "InstanceExists": { "delay": 5, "operation": "DescribeInstances", "maxAttempts": 40, "acceptors": [
              { "expected": true, "matcher": "path", "state": "success", "argument": "length(Reservations[]) > `0`" },
              { "expected": true, "matcher": "path", "state": "failure", "argument": "length(Reservations[].Instances[?State.Name == 'stopped' || State.Name == 'stopping']) == length(Reservations[].Instances[])" },
              { "expected": 404, "matcher": "status", "state": "retry" } ] },
            "AnyAnswer": { "delay": 1, "operation": "DescribeInstances", "maxAttempts": 3, "acceptors": [
              { "expected": false, "matcher": "error", "state": "success" },
              { "expected": true, "matcher": "error", "state": "retry" } ] }
          }
        }
        """));

    /// <summary>Smithy's waitable trait: output matchers with each comparator, errorType (an absolute shape id), success, minDelay and maxDelay.</summary>
    [Fact]
    public void SmithyWaitableTrait() => VerifyWaiters(new Spec("/project/specs/things.smithy.json", """
        {
          "smithy": "2.0",
          "shapes": {
            "com.example#Things": {
              "type": "service", "version": "2024-01-01",
              "operations": [ { "target": "com.example#GetThing" } ],
              "traits": { "aws.api#service": { "sdkId": "Things" }, "aws.protocols#awsJson1_0": {}, "aws.auth#sigv4": { "name": "things" } }
            },
            "com.example#GetThing": {
              "type": "operation",
              "input": { "target": "com.example#GetThingInput" },
              "output": { "target": "com.example#GetThingOutput" },
              "errors": [ { "target": "com.example#NotFound" } ],
              "traits": {
                "smithy.waiters#waitable": {
                  "ThingReady": {
                    "documentation": "Waits until the thing is ready.",
                    "minDelay": 3, "maxDelay": 60,
                    "acceptors": [
                      { "state": "success", "matcher": { "output": { "path": "status", "expected": "READY", "comparator": "stringEquals" } } },
                      { "state": "success", "matcher": { "output": { "path": "ready", "expected": "true", "comparator": "booleanEquals" } } },
                      { "state": "failure", "matcher": { "output": { "path": "parts[].status", "expected": "BROKEN", "comparator": "anyStringEquals" } } },
                      { "state": "success", "matcher": { "output": { "path": "parts[].status", "expected": "READY", "comparator": "allStringEquals" } } },
                      { "state": "retry", "matcher": { "errorType": "com.example#NotFound" } }
                    ]
                  },
                  "ThingGone": {
                    "acceptors": [
                      { "state": "retry", "matcher": { "success": true } },
                      { "state": "success", "matcher": { "errorType": "NotFound" } }
                    ]
                  }
                }
              }
            },
            "com.example#GetThingInput": { "type": "structure", "members": { "id": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } } } },
            "com.example#GetThingOutput": { "type": "structure", "members": { "status": { "target": "smithy.api#String" }, "ready": { "target": "smithy.api#Boolean" }, "parts": { "target": "com.example#Parts" } } },
            "com.example#Part": { "type": "structure", "members": { "status": { "target": "smithy.api#String" } } },
            "com.example#Parts": { "type": "list", "member": { "target": "com.example#Part" } },
            "com.example#NotFound": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "client" } }
          }
        }
        """));

    /// <summary>
    /// Waiters that do not fit their operation: each problem is a diagnostic at its place in the waiters file (CG0022
    /// for the definition, CG0023 for an expression, at the column of the problem), the waiter is not generated, and
    /// the model's own code still is (and compiles).
    /// </summary>
    [Fact]
    public void WaitersThatDoNotFit()
    {
        var waiters = """
            {
              "version": 2,
              "waiters": {
                "Misspelt": { "delay": 5, "operation": "DescribeTable", "maxAttempts": 5, "acceptors": [ { "expected": "ACTIVE", "matcher": "path", "state": "success", "argument": "Table.Status" } ] },
                "WrongType": { "delay": 5, "operation": "DescribeTable", "maxAttempts": 5, "acceptors": [ { "expected": "ACTIVE", "matcher": "path", "state": "success", "argument": "Table.ItemCount" } ] },
                "NotAList": { "delay": 5, "operation": "DescribeTable", "maxAttempts": 5, "acceptors": [ { "expected": "ACTIVE", "matcher": "pathAll", "state": "success", "argument": "Table.TableStatus" } ] },
                "Unparsable": { "delay": 5, "operation": "DescribeTable", "maxAttempts": 5, "acceptors": [ { "expected": "ACTIVE", "matcher": "path", "state": "success", "argument": "Table.[TableStatus" } ] },
                "NoSuchOperation": { "delay": 5, "operation": "DescribeThing", "maxAttempts": 5, "acceptors": [ { "expected": 200, "matcher": "status", "state": "success" } ] },
                "BadMatcher": { "delay": 5, "operation": "DescribeTable", "maxAttempts": 5, "acceptors": [ { "expected": "x", "matcher": "paths", "state": "success" } ] },
                "ZeroDelay": { "delay": 0, "operation": "DescribeTable", "maxAttempts": 5, "acceptors": [ { "expected": 200, "matcher": "status", "state": "success" } ] },
                "NoExpected": { "delay": 5, "operation": "DescribeTable", "maxAttempts": 5, "acceptors": [ { "expected": "ACTIVE", "matcher": "path", "state": "success", "argument": "Table.TableStatus" }, { "matcher": "error", "state": "retry" } ] },
                "BadState": { "delay": 5, "operation": "DescribeTable", "maxAttempts": 5, "acceptors": [ { "expected": 200, "matcher": "status", "state": "done" } ] }
              }
            }
            """;
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { Botocore(Model(DescribeTable, TableShapes), waiters) });

        Assert.Empty(GeneratorHarness.Problems(output));
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Aws.Things/ThingsClient.g.cs", hints);
        Assert.DoesNotContain(hints, h => h.Contains("Waiters", System.StringComparison.Ordinal));
        Assert.All(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.EndsWith(".waiters-2.json", d.Location.GetLineSpan().Path, System.StringComparison.Ordinal));
        Snapshot.Verify(nameof(WaiterSnapshotTests), Enumerable.Empty<KeyValuePair<string, string>>(), diagnostics.Select(d => d.ToString()));
    }
}
