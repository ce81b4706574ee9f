using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.Generation;

/// <summary>
/// What a response reader does with a required member the response lacks (Emit/RequiredMembers.cs, the same for
/// every protocol): the runtime's check, then the member's <c>@default</c> or zero value; a required structure gets
/// its value from the service's zero-values class; a structure that requires itself has none.
/// </summary>
public class RequiredMemberSnapshotTests
{
    private const string Model = """
        {
          "smithy": "2.0",
          "shapes": {
            "ex.things#Things": { "type": "service", "version": "2026-01-01", "operations": [ { "target": "ex.things#GetThing" } ],
              "traits": { "aws.api#service": { "sdkId": "Things" }, "aws.auth#sigv4": { "name": "things" }, "aws.protocols#awsJson1_0": {} } },
            "ex.things#GetThing": { "type": "operation", "input": { "target": "ex.things#GetThingInput" }, "output": { "target": "ex.things#GetThingOutput" } },
            "ex.things#GetThingInput": { "type": "structure", "members": {} },
            "ex.things#GetThingOutput": { "type": "structure", "members": {
              "Name": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
              "Size": { "target": "smithy.api#Integer", "traits": { "smithy.api#required": {}, "smithy.api#default": 10 } },
              "Owner": { "target": "ex.things#Owner", "traits": { "smithy.api#required": {} } },
              "Chain": { "target": "ex.things#Chain", "traits": { "smithy.api#required": {} } },
              "Note": { "target": "smithy.api#String" } } },
            "ex.things#Owner": { "type": "structure", "members": {
              "Id": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
              "Since": { "target": "smithy.api#Timestamp", "traits": { "smithy.api#required": {} } } } },
            "ex.things#Chain": { "type": "structure", "members": {
              "Label": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
              "Next": { "target": "ex.things#Chain", "traits": { "smithy.api#required": {} } } } }
          }
        }
        """;

    [Fact]
    public void MissingRequiredMembers()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { new Spec("/project/specs/things.smithy.json", Model) });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        var wanted = new[] { "GetThingResponseJsonCodec", "ChainJsonCodec", "ThingsZeroValues" };
        var files = run.Results.Single().GeneratedSources
            .Where(s => wanted.Any(t => s.HintName == "Aws.Things/Serialization/" + t + ".g.cs"))
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToList();
        Assert.Equal(wanted.Length, files.Count);
        Snapshot.Verify(nameof(RequiredMemberSnapshotTests), files, diagnostics.Select(d => d.ToString()));
    }
}
