using System.Linq;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Differential.Tests;

/// <summary>The comparison the differential tests rest on: it must see every difference that matters, and only those.</summary>
public sealed class ComparisonTests
{
    [Theory]
    [InlineData("""{"a":1,"b":"x"}""", """{"b":"x","a":1}""")]
    [InlineData("""{"n":1}""", """{"n":1.0}""")]
    [InlineData("""{"n":100}""", """{"n":1E2}""")]
    [InlineData("""{"n":-0.001}""", """{"n":-1e-3}""")]
    [InlineData("""{"n":0}""", """{"n":-0.0}""")]
    [InlineData("""{"s":"\u00e9\ud83d\ude00"}""", """{"s":"é😀"}""")]
    [InlineData("""{"s":"\u003c/\u003e"}""", """{"s":"</>"}""")]
    [InlineData("""{"n":10e-1}""", """{"n":1}""")]
    [InlineData("""[]""", """[]""")]
    [InlineData("""[true,false,null]""", """[true,false,null]""")]
    public void EqualAsJson(string left, string right) => Assert.Empty(JsonSemantics.Differences(left, right));

    [Theory]
    [InlineData("""{"a":1}""", """{"a":1,"b":null}""", "$.b")]
    [InlineData("""{"a":1}""", """{}""", "$.a")]
    [InlineData("""{"n":9007199254740993}""", """{"n":9007199254740992}""", "$.n")]
    [InlineData("""{"n":0.1}""", """{"n":0.10000000000000001}""", "$.n")]
    [InlineData("""{"s":""}""", """{"s":null}""", "$.s")]
    [InlineData("""{"l":[1,2]}""", """{"l":[2,1]}""", "$.l[0]")]
    [InlineData("""{"l":[1]}""", """{"l":[1,1]}""", "$.l")]
    [InlineData("""{"m":{"K":1}}""", """{"m":{"k":1}}""", "$.m.K")]
    [InlineData("""{"b":true}""", """{"b":"true"}""", "$.b")]
    [InlineData("""{"a":1,"a":1}""", """{"a":1}""", "$.a")]
    [InlineData("""{"a":1}""", """{"a":1,"a":1}""", "$.a")]
    [InlineData("""{"b":true}""", """{"b":false}""", "$.b")]
    [InlineData("""{"b":null}""", """{"b":false}""", "$.b")]
    [InlineData("""{"n":1e400}""", """{"n":1e401}""", "$.n")]
    public void DifferentAsJson(string left, string right, string path)
    {
        var differences = JsonSemantics.Differences(left, right);

        Assert.NotEmpty(differences);
        Assert.Contains(differences, d => d.StartsWith(path, System.StringComparison.Ordinal));
    }

    [Fact]
    public void DifferencesAreNamedUnderTheGivenRoot()
    {
        var differences = JsonSemantics.Differences("""{"a":{"b":[1,2]}}""", """{"a":{"b":[1,3]}}""", "$body");

        Assert.Equal(new[] { "$body.a.b[1]: expected 2, got 3" }, differences);
    }

    [Theory]
    [InlineData("""{"a":1,"b":{"c":2,"d":3}}""", """{"a":1,"b":{"c":2,"d":3}}""", true)]
    [InlineData("""{"a":1,"b":2}""", """{"b":2,"a":1}""", false)]
    [InlineData("""[{"c":2,"d":3}]""", """[{"d":3,"c":2}]""", false)]
    public void MemberOrderIsToldApart(string left, string right, bool same)
    {
        using var l = System.Text.Json.JsonDocument.Parse(left);
        using var r = System.Text.Json.JsonDocument.Parse(right);

        Assert.Equal(same, JsonSemantics.SameMemberOrder(l.RootElement, r.RootElement));
    }

    [Fact]
    public void SeedsAreStablePerFamilyAndIndex()
    {
        Assert.Equal(Cases.SeedOf("kms-request-Encrypt", 3), Cases.SeedOf("kms-request-Encrypt", 3));
        Assert.NotEqual(Cases.SeedOf("kms-request-Encrypt", 3), Cases.SeedOf("kms-request-Encrypt", 4));
        Assert.NotEqual(Cases.SeedOf("kms-request-Encrypt", 3), Cases.SeedOf("kms-request-Decrypt", 3));

        var first = new Gen(42);
        var second = new Gen(42);
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => first.String()), Enumerable.Range(0, 50).Select(_ => second.String()));
    }
}
