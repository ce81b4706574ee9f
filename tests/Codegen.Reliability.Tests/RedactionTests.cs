using System.Collections.Generic;
using System.Formats.Cbor;
using System.Text;
using Codegen.Runtime.Http;
using Codegen.Runtime.Serialization;
using Xunit;
using Cbor = Codegen.Reliability.Tests.HostileCbor;
using Json = Codegen.Reliability.Tests.HostileJson;
using Rest = Codegen.Reliability.Tests.HostileRest;

namespace Codegen.Reliability.Tests;

/// <summary>
/// What a hostile server can make the generated code of specs/hostile*.json print: map keys in failure paths are
/// escaped (no line break of its choosing reaches a log line), the keys of a sensitive map never show, and a shape
/// the model marks sensitive as a whole prints no member, alone or inside its parent.
/// </summary>
public class RedactionTests
{
    [Theory]
    [InlineData("awsJson")]
    [InlineData("restJson")]
    public void AMapKeyWithALineBreak_IsEscapedInThePath(string protocol)
    {
        var body = Encoding.UTF8.GetBytes("""{"Tags":{"ok":"v","x\r\n2026-01-01 INFO login accepted":7}}""");

        var error = Assert.Throws<AwsDeserializationException>(() => Read(protocol, body));

        Assert.Equal("$.Tags[\"x\\r\\n2026-01-01 INFO login accepted\"]", error.Path);
        Assert.DoesNotContain('\r', error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("awsJson")]
    [InlineData("restJson")]
    public void TheKeyOfASensitiveMap_IsNotInThePath(string protocol)
    {
        var body = Encoding.UTF8.GetBytes("""{"Secrets":{"alice-password-is-hunter2":7}}""");

        var error = Assert.Throws<AwsDeserializationException>(() => Read(protocol, body));

        Assert.Equal("$.Secrets.***", error.Path);
        Assert.DoesNotContain("hunter2", error.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void TheKeyOfASensitiveMap_IsNotInThePath_Cbor()
    {
        var writer = new CborWriter();
        writer.WriteStartMap(1);
        writer.WriteTextString("Secrets");
        writer.WriteStartMap(1);
        writer.WriteTextString("alice-password-is-hunter2");
        writer.WriteInt32(7);
        writer.WriteEndMap();
        writer.WriteEndMap();

        var error = Assert.Throws<AwsDeserializationException>(() => Cbor.HostileOperations.Read.DeserializeResponse(new AwsHttpResponse(200, null, writer.Encode())));

        Assert.Equal("$.Secrets.***", error.Path);
        Assert.DoesNotContain("hunter2", error.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void AShapeMarkedSensitive_PrintsNoMember_AloneOrInItsParent()
    {
        var body = Encoding.UTF8.GetBytes("""{"Context":{"EncodedData":"fingerprint-123"},"Secrets":{"k":"hunter2"},"Tags":{"a\nb":"c\u202Ed"}}""");

        var response = Json.HostileOperations.Read.DeserializeResponse(new AwsHttpResponse(200, null, body));

        Assert.Equal("fingerprint-123", response.Context!.EncodedData);
        Assert.Equal("UserContextDataType { *** }", response.Context.ToString());
        var text = response.ToString();
        Assert.Contains("Context = ***", text, System.StringComparison.Ordinal);
        Assert.Contains("Secrets = ***", text, System.StringComparison.Ordinal);
        Assert.Contains("Tags = { \"a\\nb\": \"c\\u202ed\" }", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("fingerprint", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, System.StringComparison.Ordinal);
    }

    private static object Read(string protocol, byte[] body)
    {
        var response = new AwsHttpResponse(200, new Dictionary<string, string>(), body);
        return protocol == "awsJson"
            ? Json.HostileOperations.Read.DeserializeResponse(response)
            : Rest.HostileOperations.Read.DeserializeResponse(response);
    }
}
