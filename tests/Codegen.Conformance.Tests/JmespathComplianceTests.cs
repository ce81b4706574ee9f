using System.IO;
using System.Linq;
using Codegen.Cli.Jmespath;
using Codegen.Testing;
using Xunit;

namespace Codegen.Conformance.Tests;

/// <summary>
/// The JMESPath compliance suite (shared data, 908 cases) through the generator's JMESPath compiler in its JSON mode:
/// each expression is parsed, type-checked and emitted as C# over a <c>JsonNode</c> root, compiled with Roslyn and run
/// on the case's document (the CLI's <c>jmespath</c> verb runs the same engine; docs/paginators.md).
/// </summary>
public sealed class JmespathComplianceTests
{
    [SkippableFact]
    public void Every_case_of_the_compliance_suite_passes()
    {
        var folder = SharedData.RequirePath("conformance", "jmespath");
        var cases = JmesComplianceEngine.Load(Directory.GetFiles(folder, "*.json"));
        Assert.Equal(908, cases.Count);

        var outcomes = JmesComplianceEngine.Run(cases);

        var failures = outcomes.Where(o => !o.Passed).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {outcomes.Count} cases failed:\n" +
            string.Join("\n", failures.Take(20).Select(f => $"{f.Case.Id} {f.Case.Expression}: {f.Detail}")));
        Assert.Equal(cases.Count, outcomes.Count);
    }

    [Fact]
    public void A_wrong_result_and_a_wrong_error_kind_fail()
    {
        var cases = new[]
        {
            new JmesComplianceCase("wrong-result", """{"a": 1}""", "a", "2", null),
            new JmesComplianceCase("wrong-kind", """{"a": 1}""", "length(a, a)", null, "invalid-type"),
            new JmesComplianceCase("error-not-raised", """{"a": 1}""", "a", null, "invalid-type"),
            new JmesComplianceCase("right", """{"a": [1, 2]}""", "a[-1]", "2", null),
            new JmesComplianceCase("right-kind", """{"a": 1}""", "a.[", null, "syntax"),
            new JmesComplianceCase("runtime-kind", """{"a": "x"}""", "abs(a)", null, "invalid-type"),
        };

        var outcomes = JmesComplianceEngine.Run(cases);

        Assert.Equal(new[] { false, false, false, true, true, true }, outcomes.Select(o => o.Passed).ToArray());
    }
}
