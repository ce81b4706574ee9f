using System;
using System.IO;
using System.Linq;
using Codegen.Cli.Endpoints;
using Xunit;

namespace Codegen.Endpoints.Tests;

/// <summary>
/// The engine behind the rule tests, on a small rule set and cases written here: a case passes only when URL,
/// headers, properties (by JSON meaning) or the error message all match, and each kind of difference is caught.
/// </summary>
public sealed class EngineTests : IDisposable
{
    private const string RuleSet = """
        {
          "version": "1.0",
          "parameters": {
            "Region": { "type": "string", "builtIn": "AWS::Region", "required": false, "documentation": "The region." },
            "UseFIPS": { "type": "boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false, "documentation": "FIPS." },
            "AccountId": { "type": "string", "required": false, "documentation": "An account." }
          },
          "rules": [
            {
              "conditions": [ { "fn": "isSet", "argv": [ { "ref": "Region" } ] }, { "fn": "aws.partition", "argv": [ { "ref": "Region" } ], "assign": "PartitionResult" } ],
              "type": "tree",
              "rules": [
                {
                  "conditions": [ { "fn": "booleanEquals", "argv": [ { "ref": "UseFIPS" }, true ] } ],
                  "error": "FIPS is not offered in {Region}",
                  "type": "error"
                },
                {
                  "conditions": [ { "fn": "isSet", "argv": [ { "ref": "AccountId" } ] } ],
                  "endpoint": {
                    "url": "https://{AccountId}.example.{Region}.{PartitionResult#dnsSuffix}",
                    "headers": { "x-account": [ "{AccountId}" ] },
                    "properties": { "authSchemes": [ { "name": "sigv4", "signingName": "example", "signingRegion": "{Region}", "disableDoubleEncoding": true } ] }
                  },
                  "type": "endpoint"
                },
                { "conditions": [], "endpoint": { "url": "https://example.{Region}.{PartitionResult#dnsSuffix}" }, "type": "endpoint" }
              ]
            },
            { "conditions": [], "error": "Invalid Configuration: Missing Region", "type": "error" }
          ]
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "codegen-endpoint-engine-" + Guid.NewGuid().ToString("N"));

    public EngineTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_matching_endpoint_passes_whatever_the_order_of_property_keys() =>
        Assert.Null(Run("""
            { "params": { "Region": "cn-north-1", "AccountId": "123" }, "expect": { "endpoint": {
                "url": "https://123.example.cn-north-1.amazonaws.com.cn",
                "headers": { "x-account": [ "123" ] },
                "properties": { "authSchemes": [ { "signingRegion": "cn-north-1", "disableDoubleEncoding": true, "signingName": "example", "name": "sigv4" } ] } } } }
            """));

    [Fact]
    public void A_matching_error_passes() =>
        Assert.Null(Run("""{ "params": { "Region": "us-east-1", "UseFIPS": true }, "expect": { "error": "FIPS is not offered in us-east-1" } }"""));

    [Fact]
    public void Missing_parameters_take_their_defaults() =>
        Assert.Null(Run("""{ "expect": { "error": "Invalid Configuration: Missing Region" } }"""));

    [Fact]
    public void Another_url_fails() =>
        Assert.Contains("url: expected https://example.us-east-1.amazonaws.org, got https://example.us-east-1.amazonaws.com",
            Run("""{ "params": { "Region": "us-east-1" }, "expect": { "endpoint": { "url": "https://example.us-east-1.amazonaws.org" } } }"""));

    [Fact]
    public void A_missing_or_different_header_fails() =>
        Assert.Contains("headers: expected {\"x-account\":[\"124\"]}, got {\"x-account\":[\"123\"]}",
            Run("""
                { "params": { "Region": "us-east-1", "AccountId": "123" }, "expect": { "endpoint": { "url": "https://123.example.us-east-1.amazonaws.com", "headers": { "x-account": [ "124" ] },
                  "properties": { "authSchemes": [ { "name": "sigv4", "signingName": "example", "signingRegion": "us-east-1", "disableDoubleEncoding": true } ] } } } }
                """));

    [Fact]
    public void A_different_property_value_fails() =>
        Assert.Contains("properties: expected",
            Run("""
                { "params": { "Region": "us-east-1", "AccountId": "123" }, "expect": { "endpoint": { "url": "https://123.example.us-east-1.amazonaws.com", "headers": { "x-account": [ "123" ] },
                  "properties": { "authSchemes": [ { "name": "sigv4", "signingName": "example", "signingRegion": "us-east-1", "disableDoubleEncoding": false } ] } } } }
                """));

    [Fact]
    public void Unexpected_properties_fail() =>
        Assert.Contains("properties: expected {}, got {\"authSchemes\"",
            Run("""{ "params": { "Region": "us-east-1", "AccountId": "123" }, "expect": { "endpoint": { "url": "https://123.example.us-east-1.amazonaws.com", "headers": { "x-account": [ "123" ] } } } }"""));

    [Fact]
    public void An_endpoint_where_an_error_is_expected_fails() =>
        Assert.Equal("expected the error \"Invalid Configuration: Missing Region\", got the endpoint https://example.us-east-1.amazonaws.com",
            Run("""{ "params": { "Region": "us-east-1" }, "expect": { "error": "Invalid Configuration: Missing Region" } }"""));

    [Fact]
    public void Another_error_message_fails() =>
        Assert.Equal("expected the error \"FIPS is not offered\", got the error \"FIPS is not offered in us-east-1\"",
            Run("""{ "params": { "Region": "us-east-1", "UseFIPS": true }, "expect": { "error": "FIPS is not offered" } }"""));

    [Fact]
    public void A_parameter_the_rule_set_does_not_have_fails() =>
        Assert.Equal("the test sets 'Bucket', which is not a parameter of the rule set",
            Run("""{ "params": { "Region": "us-east-1", "Bucket": "b" }, "expect": { "endpoint": { "url": "https://example.us-east-1.amazonaws.com" } } }"""));

    [Fact]
    public void A_rule_set_that_does_not_compile_fails_every_case()
    {
        var models = Path.Combine(_folder, "models", "broken", "2024-01-01");
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, "endpoint-rule-set-1.json"), RuleSet.Replace("\"ref\": \"AccountId\" } ] } ]", "\"ref\": \"Account\" } ] } ]", StringComparison.Ordinal));
        WriteTests("broken", """{ "params": { "Region": "us-east-1" }, "expect": { "endpoint": { "url": "https://example.us-east-1.amazonaws.com" } } }""");

        var result = EndpointConformance.Run(EndpointSuite.FromBotocore(Path.Combine(_folder, "models"), Path.Combine(_folder, "tests")).ToList()).Single();

        Assert.Contains("CG0021", result.BuildError);
        Assert.Contains("'Account' is neither a parameter", result.BuildError);
        Assert.Equal(1, result.Failed);
        Assert.Equal(0, result.Passed);
    }

    /// <summary>Runs one case against <see cref="RuleSet"/>; returns the failure text, or null when it passes.</summary>
    private string? Run(string testCase)
    {
        var models = Path.Combine(_folder, "models", "example", "2024-01-01");
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, "endpoint-rule-set-1.json"), RuleSet);
        WriteTests("example", testCase);

        var result = EndpointConformance.Run(EndpointSuite.FromBotocore(Path.Combine(_folder, "models"), Path.Combine(_folder, "tests")).ToList()).Single();

        Assert.Null(result.BuildError);
        Assert.Equal(1, result.Passed + result.Failures.Count);
        return result.Failures.Count == 0 ? null : result.Failures[0][(result.Failures[0].IndexOf("): ", StringComparison.Ordinal) + 3)..];
    }

    private void WriteTests(string service, string testCase)
    {
        var tests = Path.Combine(_folder, "tests", service);
        Directory.CreateDirectory(tests);
        File.WriteAllText(Path.Combine(tests, "endpoint-tests-1.json"), "{ \"version\": \"1.0\", \"testCases\": [ " + testCase + " ] }");
    }
}
