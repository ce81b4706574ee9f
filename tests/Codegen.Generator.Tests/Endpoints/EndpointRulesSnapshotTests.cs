using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Endpoints;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.Endpoints;

/// <summary>
/// The C# an endpoint rule set compiles to, one feature per small rule set: the parameters record, conditions
/// with assignments and nested trees, and endpoints with headers and properties. Each output must also compile
/// with no warning. What the resolvers do is checked against botocore's rule tests in Codegen.Endpoints.Tests.
/// </summary>
public class EndpointRulesSnapshotTests
{
    [Fact]
    public void Parameters() => Verify("""
        {
          "version": "1.0",
          "parameters": {
            "Region": { "type": "string", "builtIn": "AWS::Region", "required": false, "documentation": "The AWS region used to dispatch the request." },
            "UseFIPS": { "type": "boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false, "documentation": "When true, send this request to the FIPS-compliant regional endpoint." },
            "UseGlobalEndpoint": { "type": "Boolean", "required": true, "default": true, "documentation": "Whether the global endpoint is used." },
            "ApiType": { "type": "String", "required": true, "documentation": "Control plane or data plane <b>API</b>." },
            "Mode": { "type": "string", "required": true, "default": "preferred" },
            "ResourceArnList": { "type": "stringArray", "required": false, "documentation": "The ARNs of the resources." },
            "legacy-name": { "type": "string", "required": false, "deprecated": { "message": "Use Region.", "since": "2024" } }
          },
          "rules": [
            { "conditions": [], "endpoint": { "url": "https://example.amazonaws.com" }, "type": "endpoint" }
          ]
        }
        """);

    [Fact]
    public void ConditionsAssignmentsAndTrees() => Verify("""
        {
          "version": "1.0",
          "parameters": {
            "Region": { "type": "string", "builtIn": "AWS::Region", "required": false },
            "UseFIPS": { "type": "boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false },
            "Endpoint": { "type": "string", "builtIn": "SDK::Endpoint", "required": false },
            "UseArnRegion": { "type": "boolean", "required": false }
          },
          "rules": [
            {
              "documentation": "A custom endpoint wins, but not with FIPS.",
              "conditions": [ { "fn": "isSet", "argv": [ { "ref": "Endpoint" } ] } ],
              "type": "tree",
              "rules": [
                { "conditions": [ { "fn": "booleanEquals", "argv": [ { "ref": "UseFIPS" }, true ] } ], "error": "FIPS and custom endpoint are not supported", "type": "error" },
                { "conditions": [], "endpoint": { "url": { "ref": "Endpoint" } }, "type": "endpoint" }
              ]
            },
            {
              "conditions": [
                { "fn": "isSet", "argv": [ { "ref": "Region" } ] },
                { "fn": "aws.partition", "argv": [ { "ref": "Region" } ], "assign": "PartitionResult" },
                { "fn": "not", "argv": [ { "fn": "stringEquals", "argv": [ "aws-cn", { "fn": "getAttr", "argv": [ { "ref": "PartitionResult" }, "name" ] } ] } ] }
              ],
              "type": "tree",
              "rules": [
                {
                  "conditions": [
                    { "fn": "booleanEquals", "argv": [ true, { "fn": "getAttr", "argv": [ { "ref": "PartitionResult" }, "supportsFIPS" ] } ] },
                    { "fn": "booleanEquals", "argv": [ { "ref": "UseFIPS" }, true ] },
                    { "fn": "booleanEquals", "argv": [ { "ref": "UseArnRegion" }, false ] }
                  ],
                  "endpoint": { "url": "https://example-fips.{Region}.{PartitionResult#dnsSuffix}" },
                  "type": "endpoint"
                },
                { "conditions": [ { "fn": "not", "argv": [ { "fn": "isSet", "argv": [ { "ref": "UseFIPS" } ] } ] } ], "error": "never: UseFIPS has a default", "type": "error" },
                { "conditions": [], "endpoint": { "url": "https://example.{Region}.{PartitionResult#dnsSuffix}" }, "type": "endpoint" }
              ]
            },
            {
              "documentation": "A second partition lookup gets a name of its own.",
              "conditions": [ { "fn": "aws.partition", "argv": [ "us-east-1" ], "assign": "PartitionResult" } ],
              "error": "Invalid Configuration: Missing Region ({PartitionResult#name} would be used)",
              "type": "error"
            }
          ]
        }
        """);

    [Fact]
    public void EndpointHeadersPropertiesAndFunctions() => Verify("""
        {
          "version": "1.0",
          "parameters": {
            "Region": { "type": "string", "builtIn": "AWS::Region", "required": true },
            "Bucket": { "type": "string", "required": false },
            "Endpoint": { "type": "string", "builtIn": "SDK::Endpoint", "required": false }
          },
          "rules": [
            {
              "conditions": [
                { "fn": "aws.parseArn", "argv": [ { "ref": "Bucket" } ], "assign": "bucketArn" },
                { "fn": "getAttr", "argv": [ { "ref": "bucketArn" }, "resourceId[1]" ], "assign": "outpostId" },
                { "fn": "isValidHostLabel", "argv": [ { "ref": "outpostId" }, false ] }
              ],
              "endpoint": {
                "url": "https://{outpostId}.s3-outposts.{Region}.amazonaws.com",
                "headers": { "x-amz-account-id": [ "{bucketArn#accountId}" ], "x-amz-outpost-id": [ "{outpostId}" ] },
                "properties": {
                  "authSchemes": [
                    { "name": "sigv4a", "signingName": "s3-outposts", "signingRegionSet": [ "*" ], "disableDoubleEncoding": true },
                    { "name": "sigv4", "signingName": "s3-outposts", "signingRegion": "{bucketArn#region}", "disableDoubleEncoding": true }
                  ]
                }
              },
              "type": "endpoint"
            },
            {
              "conditions": [
                { "fn": "isSet", "argv": [ { "ref": "Bucket" } ] },
                { "fn": "parseURL", "argv": [ { "ref": "Endpoint" } ], "assign": "url" },
                { "fn": "uriEncode", "argv": [ { "ref": "Bucket" } ], "assign": "uri_encoded_bucket" },
                { "fn": "substring", "argv": [ { "ref": "Bucket" }, 0, 4, true ], "assign": "suffix" },
                { "fn": "aws.isVirtualHostableS3Bucket", "argv": [ { "ref": "Bucket" }, true ] }
              ],
              "endpoint": {
                "url": "{url#scheme}://{url#authority}{url#normalizedPath}{uri_encoded_bucket}",
                "properties": { "backend": "S3Express {suffix}", "literal": "{{not a reference}}", "count": 2 }
              },
              "type": "endpoint"
            }
          ]
        }
        """);

    private static void Verify(string ruleSet, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var output = EndpointRulesEmitter.Emit(new EndpointRulesInput("/project/specs/endpoint-rule-set-1.json", ruleSet, "Aws.Example", "Example"));

        Snapshot.Verify(
            nameof(EndpointRulesSnapshotTests),
            output.Files.Select(f => new KeyValuePair<string, string>(f.HintName, f.Source)),
            output.Diagnostics.Select(d => d.ToDiagnostic().ToString()),
            method);
        Assert.NotEmpty(output.Files);
        var compilation = GeneratorHarness.CreateCompilation(output.Files.Select(f => f.Source).ToArray());
        Assert.True(GeneratorHarness.Problems(compilation).Count == 0, GeneratorHarness.Format(GeneratorHarness.Problems(compilation)));
    }
}
