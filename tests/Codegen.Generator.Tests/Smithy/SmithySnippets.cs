using System.Linq;
using System.Threading;
using Codegen.Generator.Model;
using Codegen.Generator.Readers;

namespace Codegen.Generator.Tests.Smithy;

/// <summary>Builds small Smithy JSON AST models for the reader tests: a service <c>ex.weather#Weather</c> plus the given shapes.</summary>
internal static class SmithySnippets
{
    public const string Path = "/specs/weather.smithy.json";

    /// <summary>The service's default traits: an AWS service with SigV4 and awsJson1_1.</summary>
    public const string AwsJsonTraits = """
        "aws.api#service": { "sdkId": "Weather", "endpointPrefix": "weather" },
        "aws.auth#sigv4": { "name": "weather" },
        "aws.protocols#awsJson1_1": {}
        """;

    /// <summary>A model whose service lists <paramref name="operations"/> (short names in ex.weather) and has <paramref name="traits"/>.</summary>
    public static string ServiceWith(string[] operations, string shapes, string traits = AwsJsonTraits, string serviceExtra = "")
    {
        var list = string.Join(", ", operations.Select(o => $$"""{ "target": "ex.weather#{{o}}" }"""));
        var extra = serviceExtra.Length > 0 ? serviceExtra + "," : "";
        var more = shapes.Trim().Length > 0 ? "," + shapes : "";
        return $$"""
            {
              "smithy": "2.0",
              "shapes": {
                "ex.weather#Weather": {
                  "type": "service",
                  "version": "2024-01-01",
                  {{extra}}
                  "operations": [{{list}}],
                  "traits": { {{traits}} }
                }{{more}}
              }
            }
            """;
    }

    /// <summary>One operation <c>GetForecast</c> with input <c>ex.weather#Input</c> and output <c>ex.weather#Output</c>, plus shapes.</summary>
    public static string OneOperation(string shapes, string traits = AwsJsonTraits, string operationTraits = "{}", string serviceExtra = "") =>
        ServiceWith(new[] { "GetForecast" }, $$"""
            "ex.weather#GetForecast": {
              "type": "operation",
              "input": { "target": "ex.weather#Input" },
              "output": { "target": "ex.weather#Output" },
              "traits": {{operationTraits}}
            },
            "ex.weather#Output": { "type": "structure", "members": {}, "traits": { "smithy.api#output": {} } },
            {{shapes}}
            """, traits, serviceExtra);

    public static ReadResult Read(string text, CancellationToken cancellationToken = default) =>
        ModelReader.Read(Path, text, cancellationToken);

    public static ShapeModel Shape(this ServiceModel model, string name) => model.Shapes.Single(s => s.Name == name);

    public static MemberModel Member(this ShapeModel shape, string name) => shape.Members.Single(m => m.Name == name);

    public static OperationModel Operation(this ServiceModel model, string name) => model.Operations.Single(o => o.Name == name);
}
