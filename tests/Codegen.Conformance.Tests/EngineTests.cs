using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Cli;
using Xunit;

namespace Codegen.Conformance.Tests;

/// <summary>
/// The conformance engine on small botocore-format suites written here: it must see every kind of difference
/// (a runner that passes everything proves nothing), name and skip cases as documented, and cover the awsJson
/// rules botocore's files leave out (idempotency tokens, locationName, host labels).
/// </summary>
public sealed class EngineTests : IDisposable
{
    private const string Metadata = """{"protocol": "json", "apiVersion": "2020-01-01", "jsonVersion": "1.1", "targetPrefix": "Test"}""";

    private const string Shapes = """
        {
          "Input": {"type": "structure", "required": ["Name"], "members": {
            "Name": {"shape": "String"},
            "Token": {"shape": "String", "idempotencyToken": true},
            "Renamed": {"shape": "String", "locationName": "wireName"},
            "When": {"shape": "Timestamp"},
            "Data": {"shape": "Blob"},
            "Count": {"shape": "Integer"},
            "Tags": {"shape": "Tags"}
          }},
          "Output": {"type": "structure", "members": {
            "Renamed": {"shape": "String", "locationName": "wireName"},
            "When": {"shape": "Timestamp"},
            "Ratio": {"shape": "Double"},
            "Items": {"shape": "Items"}
          }},
          "Items": {"type": "list", "member": {"shape": "String"}},
          "Tags": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}},
          "String": {"type": "string"},
          "Integer": {"type": "integer"},
          "Double": {"type": "double"},
          "Blob": {"type": "blob"},
          "Timestamp": {"type": "timestamp"},
          "Oops": {"type": "structure", "members": {"message": {"shape": "String"}, "Detail": {"shape": "String"}}, "exception": true}
        }
        """;

    private const string Given = """{"name": "Op", "http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "Input"}, "output": {"shape": "Output"}, "errors": [{"shape": "Oops"}]}""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "codegen-conformance-" + Guid.NewGuid().ToString("N"));

    public EngineTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AnInputCaseThatMatchesPasses()
    {
        var report = Run(Input("ok", """{"Name": "n", "Renamed": "r", "When": 1.5, "Data": "abc", "Count": 0, "Tags": {}}""",
            """{"Name": "n", "Token": "00000000-0000-4000-8000-000000000000", "wireName": "r", "When": 1.5, "Data": "YWJj", "Count": 0, "Tags": {}}"""));

        Assert.Equal("1 passed, 0 failed, 0 skipped", report.Summary);
    }

    [Fact]
    public void EmptyValuesAreSentAndAGivenTokenIsKept()
    {
        var report = Run(Input("empty", """{"Name": "", "Token": "mine", "Tags": {}, "Renamed": null}""", """{"Name": "", "Token": "mine", "Tags": {}}"""));

        Assert.Equal("1 passed, 0 failed, 0 skipped", report.Summary);
    }

    [Fact]
    public void TheErrorCodeFallsBackToTheHeaderAndQueryErrorsNeedAQueryCompatibleService()
    {
        var header = """{"id": "header", "given": GIVEN, "response": {"status_code": 400, "headers": {"X-Amzn-Errortype": "Oops:http://x"}, "body": "{\"message\": \"m\"}"}, "errorCode": "Oops", "errorMessage": "m", "error": {"message": "m"}}""";
        var query = """{"id": "query", "given": GIVEN, "response": {"status_code": 400, "headers": {"x-amzn-query-error": "Other;Sender"}, "body": "{\"__type\": \"Oops\"}"}, "errorCode": "Oops", "error": {}}""";

        var report = Run(Suite(Given, header, query));

        Assert.True(report.Failed == 0, string.Join("\n", report.Results.Select(r => r.Id + ": " + r.Detail)));
        Assert.Equal(2, report.Passed);
    }

    [Theory]
    [InlineData("""{"Name": "n", "Token": "00000000-0000-4000-8000-000000000000", "Count": 1}""", "$body.Count: expected 1, got 0")]
    [InlineData("""{"Name": "n", "Token": "00000000-0000-4000-8000-000000000000"}""", "$body.Count: expected nothing, got 0")]
    [InlineData("""{"Name": "m", "Token": "00000000-0000-4000-8000-000000000000", "Count": 0}""", "$body.Name: expected \"m\", got \"n\"")]
    [InlineData("""{"Name": "n", "Count": 0}""", "$body.Token: expected nothing")]
    [InlineData("""{"Name": "n", "Token": "00000000-0000-4000-8000-000000000000", "Count": 0.5}""", "$body.Count: expected 0.5, got 0")]
    public void AnInputCaseWithADifferentBodyFails(string expectedBody, string difference)
    {
        var report = Run(Input("bad", """{"Name": "n", "Count": 0}""", expectedBody));

        var result = Assert.Single(report.Results);
        Assert.Equal(ConformanceOutcome.Fail, result.Outcome);
        Assert.Contains(difference, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongHeadersMethodAndUriFail()
    {
        var suite = Suite(Given, """
            {"id": "headers", "given": GIVEN, "params": {"Name": "n"},
             "serialized": {"method": "PUT", "uri": "/x", "headers": {"X-Amz-Target": "Test.Other", "X-Missing": "1"}, "forbidHeaders": ["Content-Type"], "requireHeaders": ["X-Required"]}}
            """);
        var detail = Assert.Single(Run(suite).Results).Detail!;

        Assert.Contains("method: expected PUT, got POST", detail, StringComparison.Ordinal);
        Assert.Contains("uri: expected /x, got /", detail, StringComparison.Ordinal);
        Assert.Contains("header X-Amz-Target: expected \"Test.Other\", got \"Test.Op\"", detail, StringComparison.Ordinal);
        Assert.Contains("header X-Missing: expected \"1\", got none", detail, StringComparison.Ordinal);
        Assert.Contains("header Content-Type: forbidden", detail, StringComparison.Ordinal);
        Assert.Contains("header X-Required: required", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputCasesCompareTheResultInBotocoreForm()
    {
        var body = """{"wireName": "r", "When": 946845296.123, "Ratio": "NaN", "Items": ["a", null, "b"], "Unknown": 1}""";
        var good = Output("good", 200, body, """{"Renamed": "r", "When": 946845296.123, "Ratio": "NaN", "Items": ["a", "b"]}""");
        var badTime = Output("badTime", 200, body, """{"Renamed": "r", "When": 946845296, "Ratio": "NaN", "Items": ["a", "b"]}""");
        var badList = Output("badList", 200, body, """{"Renamed": "r", "When": 946845296.123, "Ratio": "NaN", "Items": ["a"]}""");
        var missing = Output("missing", 200, "{}", """{"Renamed": "r"}""");

        var results = Run(Suite(Given, good, badTime, badList, missing)).Results.ToDictionary(r => r.Id);

        Assert.Equal(ConformanceOutcome.Pass, results["good"].Outcome);
        Assert.Contains("$result.When: expected 946845296, got 946845296.123", results["badTime"].Detail, StringComparison.Ordinal);
        Assert.Contains("$result.Items: expected 1 items", results["badList"].Detail, StringComparison.Ordinal);
        Assert.Contains("$result.Renamed: expected \"r\", got nothing", results["missing"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorCasesCompareCodeMessageAndMembers()
    {
        const string body = """{"__type": "ns#Oops:http://x", "message": "boom", "Detail": "d"}""";
        var good = Error("good", body, "Oops", "boom", """{"message": "boom", "Detail": "d"}""");
        var badCode = Error("badCode", body, "Other", "boom", """{"message": "boom", "Detail": "d"}""");
        var badMessage = Error("badMessage", body, "Oops", "bang", """{"message": "boom", "Detail": "d"}""");
        var badMember = Error("badMember", body, "Oops", "boom", """{"message": "boom", "Detail": "e"}""");
        var unknown = Error("unknown", """{"__type": "Unmodelled"}""", "Unmodelled", null, "{}");

        var results = Run(Suite(Given, good, badCode, badMessage, badMember, unknown)).Results.ToDictionary(r => r.Id);

        Assert.Equal(ConformanceOutcome.Pass, results["good"].Outcome);
        Assert.Contains("error code: expected Other, got Oops", results["badCode"].Detail, StringComparison.Ordinal);
        Assert.Contains("error message: expected \"bang\", got \"boom\"", results["badMessage"].Detail, StringComparison.Ordinal);
        Assert.Contains("$error.Detail: expected \"e\", got \"d\"", results["badMember"].Detail, StringComparison.Ordinal);
        Assert.Equal(ConformanceOutcome.Pass, results["unknown"].Outcome);
    }

    [Fact]
    public void HostPrefixLabelsComeFromTheRequest()
    {
        const string shapes = """
            {"In": {"type": "structure", "required": ["label"], "members": {"label": {"shape": "S", "hostLabel": true}}}, "S": {"type": "string"}}
            """;
        const string given = """{"name": "Op", "http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "In"}, "endpoint": {"hostPrefix": "foo.{label}."}}""";
        var good = """{"id": "good", "given": GIVEN, "params": {"label": "bar"}, "serialized": {"uri": "/", "host": "foo.bar.example.com", "body": "{\"label\": \"bar\"}"}}""";
        var bad = """{"id": "bad", "given": GIVEN, "params": {"label": "b/r"}, "serialized": {"uri": "/", "host": "foo.b/r.example.com"}}""";
        var suite = $$"""[{"description": "d", "metadata": {{Metadata}}, "shapes": {{shapes}}, "clientEndpoint": "https://example.com", "cases": [{{good.Replace("GIVEN", given, StringComparison.Ordinal)}}, {{bad.Replace("GIVEN", given, StringComparison.Ordinal)}}]}]""";

        var results = Run(suite).Results.ToDictionary(r => r.Id);

        Assert.Equal(ConformanceOutcome.Pass, results["good"].Outcome);
        Assert.Contains("ArgumentException", results["bad"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CasesWithoutIdsAreNamedByFileSuiteAndCase()
    {
        var suite = Suite(Given, """{"given": GIVEN, "params": {"Name": "n"}, "serialized": {"uri": "/"}}""");

        var result = Assert.Single(Run(suite).Results);

        Assert.Equal(Path.GetFileName(_folder) + "/json.json#0.0", result.Id);
    }

    [Fact]
    public void OtherProtocolsAreSkippedWithTheReason()
    {
        var suite = SuiteOf(Given, """{"protocol": "rest-xml", "apiVersion": "2020-01-01"}""", """{"id": "x", "given": GIVEN, "params": {"Name": "n"}, "serialized": {"uri": "/"}}""");

        var result = Assert.Single(Run(suite).Results);

        Assert.Equal(ConformanceOutcome.Skip, result.Outcome);
        Assert.Equal("protocol restXml has no generator yet", result.Detail);
    }

    [Fact]
    public void ListedCasesAreSkippedWithTheirReason()
    {
        var ignore = Path.Combine(_folder, "ignore.json");
        File.WriteAllText(ignore, """{"general": {"input": {"suites": ["whole suite"]}}, "protocols": {"json": {"input": {"cases": ["listed"]}}}}""");
        var known = Path.Combine(_folder, "known.json");
        File.WriteAllText(known, """{"cases": [{"protocol": "json", "type": "input", "id": "known", "reason": "because"}]}""");
        var file = Write(Suite(Given, Case("listed"), Case("known"), Case("other")));

        var report = ConformanceEngine.Run(new ConformanceOptions { Paths = new[] { file }, IgnoreListPath = ignore, KnownFailuresPath = known });
        var results = report.Results.ToDictionary(r => r.Id);

        Assert.Equal("on botocore's ignore list", results["listed"].Detail);
        Assert.Equal(ConformanceCaseResult.IgnoreList, results["listed"].SkipList);
        Assert.Equal("because", results["known"].Detail);
        Assert.Equal(ConformanceCaseResult.KnownFailures, results["known"].SkipList);
        Assert.Equal(ConformanceOutcome.Pass, results["other"].Outcome);
        Assert.Equal("1 passed, 0 failed, 2 skipped", report.Summary);

        static string Case(string id) => $$$"""{"id": "{{{id}}}", "given": GIVEN, "params": {"Name": "n"}, "serialized": {"uri": "/"}}""";
    }

    [Fact]
    public async Task TheVerbExitsWithOneWhenACaseFails()
    {
        var passing = Write(Input("ok", """{"Name": "n"}""", """{"Name": "n", "Token": "00000000-0000-4000-8000-000000000000"}"""), "pass.json");
        var failing = Write(Input("bad", """{"Name": "n"}""", """{"Name": "x"}"""), "fail.json");

        Assert.Equal(0, await Program.Main(new[] { "conformance", passing, "--known-failures", "none.json" }));
        Assert.Equal(1, await Program.Main(new[] { "conformance", failing, "--known-failures", "none.json" }));
    }

    private static string Input(string id, string parameters, string body) =>
        Suite(Given, $$$"""{"id": "{{{id}}}", "given": GIVEN, "params": {{{parameters}}}, "serialized": {"method": "POST", "uri": "/", "headers": {"X-Amz-Target": "Test.Op", "Content-Type": "application/x-amz-json-1.1"}, "body": {{{Quote(body)}}}}}""");

    private static string Output(string id, int status, string body, string result) =>
        $$"""{"id": "{{id}}", "given": GIVEN, "response": {"status_code": {{status}}, "headers": {}, "body": {{Quote(body)}}}, "result": {{result}}}""";

    private static string Error(string id, string body, string code, string? message, string members) =>
        $$"""{"id": "{{id}}", "given": GIVEN, "response": {"status_code": 400, "headers": {}, "body": {{Quote(body)}}}, "errorCode": "{{code}}", {{(message is null ? "" : $"\"errorMessage\": \"{message}\",")}} "error": {{members}}}""";

    private static string Suite(string given, params string[] cases) => SuiteOf(given, Metadata, cases);

    private static string SuiteOf(string given, string metadata, params string[] cases) =>
        $$"""[{"description": "d", "metadata": {{metadata}}, "shapes": {{Shapes}}, "cases": [{{string.Join(", ", cases).Replace("GIVEN", given, StringComparison.Ordinal)}}]}]""";

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private string Write(string text, string name = "json.json")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private ConformanceReport Run(string suites) =>
        ConformanceEngine.Run(new ConformanceOptions { Paths = new[] { Write(suites) }, KnownFailuresPath = Path.Combine(_folder, "none.json") });
}
