using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Analyzers;
using Codegen.Generator.Model;
using Codegen.Runtime.Validation;
using Xunit;

namespace Codegen.Analyzers.Tests;

/// <summary>
/// One source of truth: the analyzers' constant checks give the same problems, in the same words, as the runtime
/// validation (with maximums and patterns on) gives for the same value.
/// </summary>
public sealed class RuntimeWordingTests
{
    public static IEnumerable<object?[]> Strings() => new[]
    {
        new object?[] { "12345", 6L, 6L, "[0-9]+" },
        new object?[] { "1234567", 6L, 6L, "[0-9]+" },
        new object?[] { "abcdef", 6L, 6L, "[0-9]+" },
        new object?[] { "\U0001F600\U0001F600", 3L, null, null },
        new object?[] { "", 1L, 10L, "^[a-z]+$" },
        new object?[] { "Lamp", 3L, 20L, "^[a-z][a-z0-9-]*$" },
        new object?[] { "ok", null, 1L, "(unclosed" },
        new object?[] { "fine", 1L, 10L, "^[a-z]+$" },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void StringProblemsAreWordedAsTheRuntimeWordsThem(string value, long? min, long? max, string? pattern)
    {
        var runtime = new ValidationContext(new ValidationOptions { CheckMaximums = true, CheckPatterns = true });
        runtime.Length(string.Empty, "Member", ValidationContext.CodePoints(value), min, max);
        if (pattern is not null)
        {
            runtime.Pattern(string.Empty, "Member", value, pattern);
        }

        var problems = new List<ConstraintProblem>();
        ConstraintCheck.Constant(new TypeRef(ShapeKind.String, "string", "S") { Min = min, Max = max, Pattern = pattern }, value, "Member", problems);

        Assert.Equal(runtime.Problems, problems.Select(p => p.Message));
    }

    [Theory]
    [InlineData(0, 1L, 100L)]
    [InlineData(101, 1L, 100L)]
    [InlineData(50, 1L, 100L)]
    [InlineData(-0.5, 0L, null)]
    public void RangeProblemsAreWordedAsTheRuntimeWordsThem(double value, long? min, long? max)
    {
        var runtime = new ValidationContext(new ValidationOptions { CheckMaximums = true });
        runtime.Range(string.Empty, "Count", value, min, max);

        var problems = new List<ConstraintProblem>();
        ConstraintCheck.Constant(new TypeRef(ShapeKind.Double, "double", "D") { Min = min, Max = max }, value, "Count", problems);

        Assert.Equal(runtime.Problems, problems.Select(p => p.Message));
    }

    [Fact]
    public void AMissingMemberIsWordedAsTheRuntimeWordsIt()
    {
        var runtime = new ValidationContext(ValidationOptions.Default);
        runtime.Missing(string.Empty, "UserCode");

        Assert.Equal(runtime.Problems.Single(), ConstraintCheck.Missing("UserCode"));
    }
}
