using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Endpoints;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

/// <summary>What a client does with the endpoint its rules resolve: the URL, the headers, and the auth scheme's signing name and region.</summary>
public sealed class EndpointRulesTargetTests
{
    /// <summary>A client whose "rules" are a fixed endpoint, as a generated client's override returns one.</summary>
    private sealed class RulesClient : AwsClient
    {
        private readonly Func<object, ResolvedEndpoint?> rules;

        public RulesClient(AwsClientOptions options, Func<object, ResolvedEndpoint?> rules)
            : base(options) => this.rules = rules;

        protected override ResolvedEndpoint? ResolveEndpointRules(object request) => rules(request);
    }

    private static IReadOnlyDictionary<string, object> AuthSchemes(params IReadOnlyDictionary<string, object>[] schemes) =>
        new Dictionary<string, object> { ["authSchemes"] = schemes.Cast<object>().ToList() };

    private static AwsClientOptions Options(TestHttpServer server) => new()
    {
        Region = "us-west-2",
        Credentials = new StaticCredentialsSource("AKIDTESTTESTTEST1234", "secret"),
        MaxAttempts = 1,
    };

    [Fact]
    public async Task TheResolvedUrlHeadersAndSigningScope_AreWhatIsSent()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        var resolved = new ResolvedEndpoint(
            server.BaseUri + "base",
            new Dictionary<string, IReadOnlyList<string>> { ["x-amz-endpoint-header"] = new[] { "a", "b" } },
            AuthSchemes(new Dictionary<string, object> { ["name"] = "sigv4a", ["signingName"] = "other" },
                new Dictionary<string, object> { ["name"] = "sigv4", ["signingName"] = "rules-name", ["signingRegion"] = "us-east-1" }));
        using var client = new RulesClient(Options(server), _ => resolved);

        await client.SendAsync(new FakeRequest(new FakeOperation(path: "/op")));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/base/op", request.Target);
        Assert.Equal("a,b", request.Header("x-amz-endpoint-header"));
        Assert.Contains("/us-east-1/rules-name/aws4_request", request.Header("Authorization"), StringComparison.Ordinal); // the first scheme it can sign with
    }

    [Fact]
    public async Task WithoutAuthSchemes_TheServiceAndClientSigningApply()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var client = new RulesClient(Options(server), _ => new ResolvedEndpoint(server.BaseUri.ToString()));

        await client.SendAsync(new FakeRequest(new FakeOperation()));

        Assert.Contains("/us-west-2/fakesvc/aws4_request", Assert.Single(server.Requests).Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyUnsupportedSchemes_AreAClearError_BeforeSending()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        var resolved = new ResolvedEndpoint(server.BaseUri.ToString(), properties: AuthSchemes(
            new Dictionary<string, object> { ["name"] = "sigv4a", ["signingRegionSet"] = new List<object> { "*" } },
            new Dictionary<string, object> { ["name"] = "sigv4-s3express" }));
        using var client = new RulesClient(Options(server), _ => resolved);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));

        Assert.Contains("sigv4a or sigv4-s3express", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task ARuleError_ReachesTheCaller_BeforeSending()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var client = new RulesClient(Options(server), _ => throw new EndpointResolutionException("FIPS and DualStack are enabled, but this partition does not support one or both"));

        var error = await Assert.ThrowsAsync<EndpointResolutionException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));

        Assert.StartsWith("FIPS and DualStack", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task FipsWithoutRules_IsRefused()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        var options = Options(server);
        options.UseFips = true;
        using var client = new AwsClient(options);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));

        Assert.Contains("without its endpoint rule set", error.Message, StringComparison.Ordinal);
    }
}
