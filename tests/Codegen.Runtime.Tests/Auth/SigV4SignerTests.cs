using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Codegen.Runtime.Auth;
using Xunit;

namespace Codegen.Runtime.Tests.Auth;

/// <summary>Signer rules beyond the AWS suite: encoding of already-encoded input, S3, options, secrets.</summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/a%20b", "/a%2520b")] // the wire path is encoded again for generic services
    [InlineData("/a/b/../c/./d", "/a/c/d")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/a/b/.", "/a/b/")]
    [InlineData("/../..", "/")]
    [InlineData("/a:b@c", "/a%3Ab%40c")]
    public void CanonicalUri_GenericServices(string path, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalUri(path, normalize: true, doubleEncode: true));

    [Theory]
    [InlineData("/my-object//example//photo.user", "/my-object//example//photo.user")]
    [InlineData("/a/./b/../c", "/a/./b/../c")]
    [InlineData("/a%20b", "/a%20b")]
    [InlineData("/a%2fb", "/a%2Fb")]
    [InlineData("/a b", "/a%20b")]
    public void CanonicalUri_S3_IsNeitherNormalisedNorEncodedTwice(string path, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalUri(path, normalize: false, doubleEncode: false));

    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1&a=0", "a=0&a=1&b=2")]
    [InlineData("flag&x=", "flag=&x=")]
    [InlineData("x=a+b", "x=a%2Bb")]
    [InlineData("x=a%20b&y=%2f", "x=a%20b&y=%2F")]
    [InlineData("k=%zz&&", "k=%25zz")]
    [InlineData("a=%E1%88%B4&b=\u1234", "a=%E1%88%B4&b=%E1%88%B4")]
    [InlineData("Z=1&a=1&_=1", "Z=1&_=1&a=1")]
    public void CanonicalQueryString(string query, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalQueryString(query));

    [Fact]
    public void HeaderValues_AreTrimmedAndCollapsed() =>
        Assert.Equal("a b c d", SigV4Signer.CanonicalHeaderValue("  a \t b\r\n   c  d  "));

    [Fact]
    public void AHostHeader_IsRequired() =>
        Assert.Throws<ArgumentException>(() => SigV4Signer.Sign("GET", "/", Headers(("X-Amz-Date", "x")), default, Credentials, "us-east-1", "service", Time));

    [Fact]
    public void SignersOwnHeaders_ReplaceGivenOnes_AndUnstableHeadersAreNotSigned()
    {
        var result = SigV4Signer.Sign(
            "GET", "/", Headers(("Host", "example.amazonaws.com"), ("X-Amz-Date", "19990101T000000Z"), ("Authorization", "old"), ("User-Agent", "x/1")),
            default, Credentials, "us-east-1", "service", Time);

        Assert.Equal("host;x-amz-date", result.SignedHeaders);
        Assert.Equal("20150830T123600Z", result.AmzDate);
        Assert.Equal(new[] { "X-Amz-Date", "Authorization" }, result.HeadersToAdd.Select(h => h.Key));
        Assert.Equal(result.Authorization, result.HeadersToAdd.Last().Value);
    }

    [Fact]
    public void SessionToken_IsSignedByDefault_OrAddedAfterSigning()
    {
        var session = new AwsCredentials("AKIDEXAMPLE", "secret", "the-token");
        var headers = Headers(("Host", "example.amazonaws.com"));

        var signed = SigV4Signer.Sign("GET", "/", headers, default, session, "us-east-1", "service", Time);
        var after = SigV4Signer.Sign("GET", "/", headers, default, session, "us-east-1", "service", Time, new SigV4Options { SignSessionToken = false });

        Assert.Equal("host;x-amz-date;x-amz-security-token", signed.SignedHeaders);
        Assert.Equal("host;x-amz-date", after.SignedHeaders);
        Assert.Contains(new KeyValuePair<string, string>("X-Amz-Security-Token", "the-token"), signed.HeadersToAdd);
        Assert.Contains(new KeyValuePair<string, string>("X-Amz-Security-Token", "the-token"), after.HeadersToAdd);
    }

    [Fact]
    public void S3Options_SendAndSignThePayloadHash()
    {
        var body = Encoding.UTF8.GetBytes("hello");
        var result = SigV4Signer.Sign("PUT", "/bucket//key", Headers(("Host", "s3.amazonaws.com")), body, Credentials, "us-east-1", "s3", Time, SigV4Options.S3);

        Assert.Equal("host;x-amz-content-sha256;x-amz-date", result.SignedHeaders);
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", result.PayloadHash);
        Assert.Contains(new KeyValuePair<string, string>("X-Amz-Content-Sha256", result.PayloadHash), result.HeadersToAdd);
        Assert.StartsWith("PUT\n/bucket//key\n", result.CanonicalRequest, StringComparison.Ordinal);

        var unsigned = SigV4Signer.Sign("PUT", "/k", Headers(("Host", "s3.amazonaws.com")), body, Credentials, "us-east-1", "s3", Time,
            SigV4Options.S3 with { PayloadHash = SigV4Signer.UnsignedPayload });
        Assert.EndsWith("\nUNSIGNED-PAYLOAD", unsigned.CanonicalRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSigningTime_IsTakenInUtc()
    {
        var local = new DateTimeOffset(2015, 8, 30, 14, 36, 0, TimeSpan.FromHours(2));
        var result = SigV4Signer.Sign("GET", "/", Headers(("Host", "h")), default, Credentials, "us-east-1", "service", local);
        Assert.Equal("20150830T123600Z", result.AmzDate);
        Assert.Equal("20150830/us-east-1/service/aws4_request", result.CredentialScope);
        Assert.Equal("20150830T123600Z", SigV4Signer.FormatAmzDate(local));
    }

    [Fact]
    public void ResultToString_HoldsNoSignatureOrToken()
    {
        var session = new AwsCredentials("AKIDEXAMPLE", "secret", "the-token");
        var result = SigV4Signer.Sign("GET", "/", Headers(("Host", "h")), default, session, "us-east-1", "service", Time);

        Assert.DoesNotContain(result.Signature, result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("the-token", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "service")]
    [InlineData("us-east-1/x", "service")]
    [InlineData("us-east-1", "")]
    public void InvalidScopeParts_AreRejected(string region, string service) =>
        Assert.Throws<ArgumentException>(() => SigV4Signer.Sign("GET", "/", Headers(("Host", "h")), default, Credentials, region, service, Time));

    private static List<KeyValuePair<string, string>> Headers(params (string Name, string Value)[] headers) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();
}
