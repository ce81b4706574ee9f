using System.Collections.Generic;
using Codegen.Runtime.Endpoints;
using Xunit;

namespace Codegen.Endpoints.Tests.Runtime;

/// <summary>
/// The rules language's standard library at its edges (the rule tests cover the common paths): the rules in the
/// Smithy rules-engine specification and what botocore's implementation does.
/// </summary>
public class EndpointFunctionsTests
{
    [Theory]
    [InlineData("abcdefg", 0, 4, false, "abcd")]
    [InlineData("abcdefg", 0, 4, true, "defg")]
    [InlineData("abcdefg", 2, 4, true, "de")]
    [InlineData("abc", 0, 4, false, null)]
    [InlineData("abcdef", 4, 4, false, null)]
    [InlineData("abcdéf", 0, 2, false, null)]
    [InlineData(null, 0, 1, false, null)]
    public void Substring_counts_from_either_end_and_is_unset_for_short_or_non_ASCII_input(string? input, int start, int stop, bool reverse, string? expected) =>
        Assert.Equal(expected, EndpointFunctions.Substring(input, start, stop, reverse));

    [Theory]
    [InlineData("a b/c", "a%20b%2Fc")]
    [InlineData("-._~AZaz09", "-._~AZaz09")]
    [InlineData("ü*", "%C3%BC%2A")]
    public void UriEncode_keeps_only_unreserved_characters(string input, string expected) =>
        Assert.Equal(expected, EndpointFunctions.UriEncode(input));

    [Theory]
    [InlineData("a", false, true)]
    [InlineData("a-b-1", false, true)]
    [InlineData("-a", false, false)]
    [InlineData("a-", false, false)]
    [InlineData("", false, false)]
    [InlineData("a.b", false, false)]
    [InlineData("a.b", true, true)]
    [InlineData("a..b", true, false)]
    [InlineData("a_b", false, false)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false, true)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false, false)]
    public void IsValidHostLabel_follows_RFC_1123(string value, bool allowSubDomains, bool expected) =>
        Assert.Equal(expected, EndpointFunctions.IsValidHostLabel(value, allowSubDomains));

    [Theory]
    [InlineData("bucket", false, true)]
    [InlineData("ab", false, false)]
    [InlineData("Bucket", false, false)]
    [InlineData("192.168.0.1", true, false)]
    [InlineData("my.bucket.name", false, false)]
    [InlineData("my.bucket.name", true, true)]
    [InlineData("bucket-", false, false)]
    public void IsVirtualHostableS3Bucket_needs_a_lower_case_host_label_that_is_no_IP_address(string value, bool allowSubDomains, bool expected) =>
        Assert.Equal(expected, EndpointFunctions.IsVirtualHostableS3Bucket(value, allowSubDomains));

    [Theory]
    [InlineData("us-east-1", "aws", "amazonaws.com")]
    [InlineData("aws-global", "aws", "amazonaws.com")]
    [InlineData("mx-central-9", "aws", "amazonaws.com")]
    [InlineData("cn-north-1", "aws-cn", "amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "aws-us-gov", "amazonaws.com")]
    [InlineData("us-iso-east-1", "aws-iso", "c2s.ic.gov")]
    [InlineData("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov")]
    [InlineData("eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk")]
    [InlineData("us-isof-south-1", "aws-iso-f", "csp.hci.ic.gov")]
    [InlineData("eusc-de-east-1", "aws-eusc", "amazonaws.eu")]
    [InlineData("mars-west-1", "aws", "amazonaws.com")]
    public void Partition_matches_listed_regions_then_patterns_then_defaults_to_aws(string region, string name, string dnsSuffix)
    {
        var partition = EndpointFunctions.Partition(region);

        Assert.Equal(name, partition.Name);
        Assert.Equal(dnsSuffix, partition.DnsSuffix);
    }

    [Fact]
    public void ParseArn_splits_the_resource_at_colons_and_slashes()
    {
        var arn = EndpointFunctions.ParseArn("arn:aws:s3:us-west-2:123456789012:accesspoint/my:endpoint");

        Assert.NotNull(arn);
        Assert.Equal(("aws", "s3", "us-west-2", "123456789012"), (arn.Partition, arn.Service, arn.Region, arn.AccountId));
        Assert.Equal(new[] { "accesspoint", "my", "endpoint" }, arn.ResourceId);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket", true)]
    [InlineData("arn:aws:s3:us-east-1:123", false)]
    [InlineData("arn::s3:us-east-1:123:thing", false)]
    [InlineData("arn:aws::us-east-1:123:thing", false)]
    [InlineData("arn:aws:s3:us-east-1:123:", false)]
    [InlineData("urn:aws:s3:us-east-1:123:thing", false)]
    public void ParseArn_needs_six_parts_with_partition_service_and_resource(string value, bool parses) =>
        Assert.Equal(parses, EndpointFunctions.ParseArn(value) is not null);

    [Theory]
    [InlineData("https://example.com", "https", "example.com", "", "/", false)]
    [InlineData("http://example.com:8080/a/b", "http", "example.com:8080", "/a/b", "/a/b/", false)]
    [InlineData("https://example.com/base/", "https", "example.com", "/base/", "/base/", false)]
    [InlineData("https://127.0.0.1:443", "https", "127.0.0.1:443", "", "/", true)]
    [InlineData("http://[fe80::1]:8443/p", "http", "[fe80::1]:8443", "/p", "/p/", true)]
    [InlineData("HTTPS://EXAMPLE.com", "https", "EXAMPLE.com", "", "/", false)]
    public void ParseUrl_gives_scheme_authority_paths_and_whether_the_host_is_an_IP(string value, string scheme, string authority, string path, string normalizedPath, bool isIp) =>
        Assert.Equal(new EndpointUrl(scheme, authority, path, normalizedPath, isIp), EndpointFunctions.ParseUrl(value));

    [Theory]
    [InlineData("https://example.com?x=1")]
    [InlineData("ftp://example.com")]
    [InlineData("example.com")]
    [InlineData("https://example.com:port")]
    [InlineData("https://example.com:99999")]
    public void ParseUrl_is_unset_for_queries_other_schemes_and_bad_ports(string value) =>
        Assert.Null(EndpointFunctions.ParseUrl(value));

    [Fact]
    public void ElementAt_is_unset_past_the_end() =>
        Assert.Equal(("b", (string?)null), (EndpointFunctions.ElementAt(new[] { "a", "b" }, 1), EndpointFunctions.ElementAt(new[] { "a", "b" }, 2)));

    [Fact]
    public void Auth_schemes_are_read_from_the_properties_and_only_sigv4_is_signable()
    {
        var endpoint = new ResolvedEndpoint("https://mrap.accesspoint.s3-global.amazonaws.com", properties: new Dictionary<string, object>
        {
            ["authSchemes"] = new object[]
            {
                new Dictionary<string, object> { ["name"] = "sigv4a", ["signingName"] = "s3", ["signingRegionSet"] = new object[] { "*" }, ["disableDoubleEncoding"] = true },
                new Dictionary<string, object> { ["name"] = "sigv4", ["signingName"] = "s3", ["signingRegion"] = "us-east-1" },
            },
        });

        Assert.Collection(
            endpoint.AuthSchemes,
            sigv4a =>
            {
                Assert.Equal(("sigv4a", "s3", false, true), (sigv4a.Name, sigv4a.SigningName, sigv4a.IsSupported, sigv4a.DisableDoubleEncoding));
                Assert.Equal(new[] { "*" }, sigv4a.SigningRegionSet);
            },
            sigv4 => Assert.Equal(("sigv4", "us-east-1", true, false), (sigv4.Name, sigv4.SigningRegion, sigv4.IsSupported, sigv4.DisableDoubleEncoding)));
        Assert.Equal("https://mrap.accesspoint.s3-global.amazonaws.com", endpoint.ToString());
    }
}
