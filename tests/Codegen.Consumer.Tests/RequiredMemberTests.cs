using System;
using System.Text;
using System.Text.Json;
using Codegen.Consumer.Tests.Corrections;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Runtime.Serialization;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>
/// Responses without members the model marks required (specs/corrections.smithy.json, one required member of every
/// kind): by default each takes its <c>@default</c> or zero value (Smithy's client error correction); under
/// <see cref="DeserializationOptions.Strict"/> the response is an <see cref="AwsDeserializationException"/> naming
/// the member.
/// </summary>
public class RequiredMemberTests
{
    private const string Everything = """
        {"Text":"t","Flag":true,"Tiny":1,"Small":2,"Count":3,"Total":4,"Ratio":0.5,"Share":0.25,"Huge":5,"Exact":6.5,
         "When":1700000000,"Data":"AQI=","Extra":{"a":1},"Names":["n"],"Scores":{"s":1},"Kind":"fancy","Level":2,
         "Choice":{"Word":"w"},"Inner":{"Label":"l","Depth":7},"Retries":9,"Region":"us-east-2"}
        """;

    [Fact]
    public void AMissingRequiredMemberTakesTheZeroValueOfItsType()
    {
        var response = GetEverything("{}", options: null);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("", response.Text);
        Assert.False(response.Flag);
        Assert.Equal(0, response.Tiny);
        Assert.Equal(0, response.Small);
        Assert.Equal(0, response.Count);
        Assert.Equal(0L, response.Total);
        Assert.Equal(0f, response.Ratio);
        Assert.Equal(0d, response.Share);
        Assert.Equal(System.Numerics.BigInteger.Zero, response.Huge);
        Assert.Equal(0m, response.Exact);
        Assert.Equal(DateTimeOffset.UnixEpoch, response.When);
        Assert.True(response.Data.IsEmpty);
        Assert.Equal(JsonValueKind.Null, response.Extra.ValueKind);
        Assert.Empty(response.Names);
        Assert.Empty(response.Scores);
        Assert.Equal("", response.Kind.WireValue);
        Assert.False(response.Kind.IsKnown);
        Assert.Equal(0, response.Level.WireValue);
        Assert.Equal("", Assert.IsType<Choice.Unknown>(response.Choice).MemberName);
        Assert.Null(response.Optional);
    }

    [Fact]
    public void AMissingRequiredStructureIsBuiltFromTheZeroValuesOfItsOwnRequiredMembers()
    {
        var missing = GetEverything("{}", options: null);
        Assert.Equal(new Inner("", 0), missing.Inner);
        Assert.Null(missing.Inner.Note);

        var partial = GetEverything("""{"Inner":{"Note":"n"}}""", options: null);
        Assert.Equal(new Inner("", 0).WithNote("n"), partial.Inner);
    }

    [Fact]
    public void AMissingRequiredMemberWithADefaultTakesTheDefault()
    {
        var response = GetEverything("{}", options: null);

        Assert.Equal(3, response.Retries);
        Assert.Equal("eu-west-1", response.Region);
    }

    [Fact]
    public void MembersThatArePresentAreReadWhateverTheOptions()
    {
        var tolerant = GetEverything(Everything, options: null);
        var strict = GetEverything(Everything, DeserializationOptions.Strict);

        Assert.Equal(tolerant, strict);
        Assert.Equal("t", strict.Text);
        Assert.Equal(Kind.Fancy, strict.Kind);
        Assert.Equal(new Inner("l", 7), strict.Inner);
        Assert.Equal(9, strict.Retries);
        Assert.Equal("us-east-2", strict.Region);
        Assert.Equal(new byte[] { 1, 2 }, strict.Data.ToArray());
    }

    [Theory]
    [InlineData("Text", "$.Text")]
    [InlineData("Flag", "$.Flag")]
    [InlineData("When", "$.When")]
    [InlineData("Names", "$.Names")]
    [InlineData("Choice", "$.Choice")]
    [InlineData("Retries", "$.Retries")]
    public void StrictOptionsRejectAResponseWithoutARequiredMember(string member, string path)
    {
        var body = RemoveMember(Everything, member);

        var exception = Assert.Throws<AwsDeserializationException>(() => GetEverything(body, DeserializationOptions.Strict));

        Assert.Equal(path, exception.Path);
        Assert.Equal("required member is missing", exception.Reason);
    }

    [Fact]
    public void StrictOptionsNameAMissingMemberOfANestedStructureByItsPath()
    {
        var body = Everything.Replace("""{"Label":"l","Depth":7}""", """{"Label":"l"}""", StringComparison.Ordinal);

        var exception = Assert.Throws<AwsDeserializationException>(() => GetEverything(body, DeserializationOptions.Strict));

        Assert.Equal("$.Inner.Depth", exception.Path);
        Assert.Equal(0, GetEverything(body, options: null).Inner.Depth);
    }

    [Fact]
    public void AStructureThatRequiresItselfHasNoZeroValueAndFailsWhateverTheOptions()
    {
        foreach (var options in new[] { DeserializationOptions.Default, DeserializationOptions.Strict })
        {
            var exception = Assert.Throws<AwsDeserializationException>(() =>
                CorrectionsOperations.GetChain.DeserializeResponse(Response("""{"Link":{"Name":"a","Next":{"Name":"b"}}}"""), options));

            Assert.Equal("$.Link.Next.Next", exception.Path);
            Assert.Contains("no zero value", exception.Reason, StringComparison.Ordinal);
        }
    }

    private static GetEverythingResponse GetEverything(string body, DeserializationOptions? options) =>
        CorrectionsOperations.GetEverything.DeserializeResponse(Response(body), options);

    private static AwsHttpResponse Response(string body) => new(200, null, Encoding.UTF8.GetBytes(body));

    /// <summary>The JSON object <paramref name="json"/> without its top-level <paramref name="member"/>.</summary>
    private static string RemoveMember(string json, string member)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != member)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
