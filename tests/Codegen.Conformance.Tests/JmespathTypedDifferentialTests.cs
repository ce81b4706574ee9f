using System.Collections.Generic;
using System.IO;
using System.Linq;
using Codegen.Cli.Jmespath;
using Codegen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Conformance.Tests;

/// <summary>
/// The typed JMESPath differential on a CI subset of botocore models: every paginator and waiter expression, as the
/// generator compiles it to C# over the generated response type, run on random responses and compared with
/// JmesPath.Net on the same responses as JSON (values, JMESPath errors, and whether each waiter acceptor matches).
/// The whole corpus: <c>dotnet run --project tools/Codegen.Cli -- jmespath-typed ../shared/models/botocore</c>
/// (docs/paginators.md).
/// </summary>
public sealed class JmespathTypedDifferentialTests(ITestOutputHelper output)
{
    /// <summary>Models with many waiters and filters (ec2, rds, ecs, elbv2), map tokens (dynamodb), nested result keys (s3).</summary>
    private static readonly string[] Models = { "dynamodb", "ec2", "rds", "ecs", "s3", "cloudformation", "lambda", "autoscaling", "elbv2" };

    private const int Samples = 30;

    [SkippableFact]
    public void Every_expression_of_the_subset_agrees_with_JmesPath_Net()
    {
        var folder = SharedData.RequirePath("models", "botocore");
        var models = JmespathTypedCommand.Models(folder, new HashSet<string>(Models)).ToList();
        Assert.Equal(Models.Length, models.Count);

        var outcomes = models.SelectMany(m => TypedDifferential.Run(m.Name, m.Path, Samples)).ToList();

        var failures = outcomes.Where(o => !o.Passed).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {outcomes.Count} expressions disagree:\n" +
            string.Join("\n", failures.Take(10).Select(f => $"{f.Model} {f.Expression.Owner}: {f.Expression.Expression}: {f.Failure}")));
        Assert.All(outcomes, o => Assert.Equal(Samples, o.Agreed));

        // The samples reach both outcomes of most acceptors: a differential where nothing ever matched would prove little.
        var acceptors = outcomes.Where(o => o.Expression.Acceptor is not null).ToList();
        var both = acceptors.Count(a => a.ConditionsTrue > 0 && a.ConditionsTrue < a.Samples - a.Errors);
        output.WriteLine($"{outcomes.Count} expressions over {models.Count} models; {acceptors.Count} waiter acceptors, {both} matched on some samples and missed on others");
        Assert.True(outcomes.Count > 800, $"only {outcomes.Count} expressions");
        Assert.True(both * 2 > acceptors.Count, $"only {both} of {acceptors.Count} acceptors were seen both matching and missing");
    }

    [SkippableFact]
    public void A_reference_that_reads_another_member_is_reported_as_a_disagreement()
    {
        var folder = SharedData.RequirePath("models", "botocore");
        var (name, path) = JmespathTypedCommand.Models(folder, new HashSet<string> { "dynamodb" }).Single();

        // JmesPath.Net is asked for the next-token member where the typed code reads the result key.
        var outcomes = TypedDifferential.Run(name, path, Samples, e => e == "TableNames" ? "LastEvaluatedTableName" : e);

        var wrong = Assert.Single(outcomes, o => !o.Passed);
        Assert.Equal("TableNames", wrong.Expression.Expression);
        Assert.Contains("JmesPath.Net", wrong.Failure);
    }
}
