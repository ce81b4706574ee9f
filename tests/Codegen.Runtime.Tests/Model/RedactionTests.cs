using System;
using System.Collections.Generic;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Credentials;
using Codegen.Runtime.Http;
using Codegen.Runtime.Model;
using Codegen.Runtime.Serialization;
using Xunit;

namespace Codegen.Runtime.Tests.Model;

/// <summary>
/// What the runtime's texts (ToString, exception paths) never show: a URL's user-info, query and fragment, a map key's
/// line breaks and other control or format characters as they are, the members of a shape marked sensitive as a whole.
/// </summary>
public class RedactionTests
{
    private static readonly AwsCredentials Credentials = new("AKIDEXAMPLE000000000", "secret-secret-secret");

    [Theory]
    [InlineData("https://user:p%40ss@example.com:8443/base?X-Amz-Security-Token=tok#frag", "https://example.com:8443/base")]
    [InlineData("http://admin:hunter2@127.0.0.1:9229/", "http://127.0.0.1:9229/")]
    [InlineData("https://token@example.com/?key=value", "https://example.com/")]
    [InlineData("https://example.com", "https://example.com/")]
    public void AwsClientToString_ShowsNoUserInfoQueryOrFragmentOfTheServiceUrl(string serviceUrl, string shown)
    {
        using var client = new AwsClient(new AwsClientOptions { Region = "us-east-1", ServiceUrl = new Uri(serviceUrl), Credentials = new StaticCredentialsSource(Credentials) });

        var text = client.ToString();

        Assert.Equal("AwsClient(us-east-1, " + shown + ")", text);
        foreach (var secret in new[] { "user", "p%40ss", "hunter2", "admin", "token", "tok", "key=value", "frag" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CredentialSourcesToString_ShowNoUserInfoOfTheirEndpoints()
    {
        var container = new ContainerCredentialsSource(new Uri("http://user:secret@127.0.0.1/creds?token=t"), null).ToString();

        Assert.Equal("ContainerCredentialsSource(http://127.0.0.1/creds)", container);
    }

    [Fact]
    public void AwsHttpRequestToString_ShowsThePathWithoutTheQueryValues()
    {
        var request = new AwsHttpRequest("GET", "/things/1?secretToken=abc&x=1", Array.Empty<KeyValuePair<string, string>>(), ReadOnlyMemory<byte>.Empty);

        Assert.Equal("GET /things/1?… (0 bytes)", request.ToString());
    }

    [Theory]
    [InlineData("k", "$.k.x")]
    [InlineData("Key_1-a", "$.Key_1-a.x")]
    [InlineData("a.b", "$[\"a.b\"].x")]
    [InlineData("", "$[\"\"].x")]
    [InlineData("line\r\nINFO fake entry", "$[\"line\\r\\nINFO fake entry\"].x")]
    [InlineData("tab\there", "$[\"tab\\there\"].x")]
    [InlineData("quote\"back\\slash", "$[\"quote\\\"back\\\\slash\"].x")]
    [InlineData("nul\0bell\a", "$[\"nul\\u0000bell\\u0007\"].x")]
    [InlineData("nel\u0085ls\u2028ps\u2029", "$[\"nel\\u0085ls\\u2028ps\\u2029\"].x")]
    [InlineData("bidi\u202Eevil", "$[\"bidi\\u202eevil\"].x")]
    [InlineData("café", "$[\"café\"].x")]
    public void MapKeysInPaths_AreEscaped(string key, string path)
    {
        var error = new AwsDeserializationException("$.x", "bad").WithParentKey(key).WithParentIndex(0).WithParentMember("Items");

        Assert.Equal("$.Items[0]" + path.Substring(1), error.Path);
        Assert.DoesNotContain('\r', error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("$" + path.Substring(1, path.Length - 3), AwsDeserializationException.KeyPath(key));
    }

    [Fact]
    public void KeysOfSensitiveMaps_AreNotInPaths()
    {
        var error = new AwsDeserializationException("$.x", "bad").WithRedactedParentKey().WithParentMember("Secrets");

        Assert.Equal("$.Secrets.***.x", error.Path);
    }

    [Fact]
    public void ShapeText_EscapesControlAndFormatCharactersInStringsAndKeys()
    {
        var text = ShapeText.Begin("Thing")
            .Add("Name", "a\r\nb\u202E")
            .Add("Tags", new Dictionary<string, string> { ["k\n"] = "v\t" })
            .ToString();

        Assert.Equal("Thing { Name = \"a\\r\\nb\\u202e\", Tags = { \"k\\n\": \"v\\t\" } }", text);
    }

    [Fact]
    public void ShapeText_Redact_ShowsOnlyTheTypeName()
    {
        Assert.Equal("UserContextDataType { *** }", ShapeText.Redact("UserContextDataType"));
    }
}
