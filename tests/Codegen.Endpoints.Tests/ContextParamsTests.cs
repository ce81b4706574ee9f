using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Codegen.Generator.Endpoints;
using Codegen.Generator.Model;
using Codegen.Generator.Readers;
using Codegen.Testing;
using Xunit;

namespace Codegen.Endpoints.Tests;

/// <summary>
/// The readers keep what fills endpoint parameters (contextParam, staticContextParams, operationContextParams,
/// clientContextParams). Checked against the rule tests' <c>operationInputs</c>: a parameter built from the
/// built-ins, the operation's static parameters or its input members has the value the case lists (cases leave out
/// some, e.g. S3's unreferenced <c>Key</c>). (Cases also list parameters their operation inputs do not give, so
/// the check goes one way only.)
/// </summary>
public class ContextParamsTests
{
    [SkippableTheory]
    [InlineData("s3", "2006-03-01")]
    [InlineData("s3control", "2018-08-20")]
    [InlineData("dynamodb", "2012-08-10")]
    [InlineData("kinesis", "2013-12-02")]
    [InlineData("events", "2015-10-07")]
    public void Botocore_models_give_the_parameters_the_operation_inputs_give(string service, string version)
    {
        var folder = SharedData.RequirePath("models", "botocore", service, version);
        var tests = JsonNode.Parse(File.ReadAllText(SharedData.RequirePath("conformance", "endpoint-rules", service, "endpoint-tests-1.json")))!;
        Check(Path.Combine(folder, "service-2.json"), Path.Combine(folder, "endpoint-rule-set-1.json"), tests);
    }

    [SkippableTheory]
    [InlineData("s3")]
    [InlineData("s3-control")]
    [InlineData("dynamodb")]
    public void Smithy_models_give_the_parameters_the_operation_inputs_give(string model)
    {
        var path = SharedData.RequirePath("models", "smithy", model + ".json");
        var service = JsonNode.Parse(File.ReadAllText(path))!["shapes"]!.AsObject().Select(s => s.Value!).Single(s => (string?)s["type"] == "service");
        Check(path, path, service["traits"]!["smithy.rules#endpointTests"]!);
    }

    [SkippableFact]
    public void Client_context_params_are_read_from_both_formats()
    {
        var botocore = Read(SharedData.RequirePath("models", "botocore", "s3", "2006-03-01", "service-2.json"));
        var smithy = Read(SharedData.RequirePath("models", "smithy", "s3.json"));

        foreach (var model in new[] { botocore, smithy })
        {
            Assert.Contains(new ClientContextParam("ForcePathStyle", "boolean", "Forces this client to use path-style addressing for buckets."), model.ClientContextParams);
            Assert.Contains(model.ClientContextParams, p => p.Name == "Accelerate" && p.Type == "boolean");
        }
    }

    private static void Check(string modelPath, string ruleSetPath, JsonNode tests)
    {
        var model = Read(modelPath);
        var bag = new DiagnosticBag(ruleSetPath);
        var ruleSet = EndpointRuleSetReader.ReadText(File.ReadAllText(ruleSetPath), bag, default)!;
        Assert.Empty(bag.Items);
        var byBuiltIn = ruleSet.Parameters.Where(p => p.BuiltIn is not null).ToDictionary(p => p.BuiltIn!, p => p.Name);
        var operations = model.Operations.ToDictionary(o => o.Name);
        var shapes = model.Shapes.ToDictionary(s => s.Name);
        var checkedInputs = 0;
        var fromModel = 0;
        foreach (var testCase in tests["testCases"]!.AsArray())
        {
            if (testCase!["operationInputs"] is not JsonArray inputs || testCase["params"] is not JsonObject expected)
            {
                continue;
            }

            foreach (var input in inputs)
            {
                var operation = operations[(string)input!["operationName"]!];
                var computed = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                var staticOrMember = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (builtIn, value) in input["builtInParams"]?.AsObject() ?? new JsonObject())
                {
                    computed[byBuiltIn[builtIn]] = value;
                }

                foreach (var param in operation.StaticContextParams)
                {
                    staticOrMember.Add(param.Name);
                    computed[param.Name] = param.Value.Type switch
                    {
                        EndpointParameterType.Boolean => JsonValue.Create(param.Value.Boolean),
                        EndpointParameterType.String => JsonValue.Create(param.Value.Text),
                        _ => new JsonArray(param.Value.Items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                    };
                }

                var members = operation.Input is { } inputShape ? shapes[inputShape].Members : EquatableArray<MemberModel>.Empty;
                foreach (var member in members.Where(m => m.ContextParam is not null))
                {
                    if (input["operationParams"]?[member.Name] is { } value)
                    {
                        computed[member.ContextParam!] = value;
                        staticOrMember.Add(member.ContextParam!);
                    }
                }

                var documentation = (string?)testCase["documentation"];
                foreach (var (name, value) in computed.Where(c => expected[c.Key] is not null))
                {
                    fromModel += staticOrMember.Contains(name) ? 1 : 0;
                    Assert.True(JsonNode.DeepEquals(expected[name], value), $"{documentation}: '{name}' is {value?.ToJsonString()} from the model, {expected[name]?.ToJsonString()} in the case");
                }

                checkedInputs++;
            }
        }

        Assert.True(checkedInputs > 0, "no case with operationInputs was checked");
        Assert.True(fromModel > 0, "no parameter from the model's context parameters was compared");
    }

    private static ServiceModel Read(string path)
    {
        var result = ModelReader.Read(path, File.ReadAllText(path), default);
        Assert.NotNull(result.Model);
        return result.Model;
    }
}
