using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.Runtime.Client;
using Codegen.Runtime.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Codegen.Extensions.DependencyInjection.Tests;

/// <summary>The generated Cognito client (the seed operation, from specs/) registered and resolved as an application does.</summary>
public sealed class CognitoRegistrationTests
{
    [Fact]
    public async Task OptionsComeFromTheAwsSection_ThenTheClientsSection_ThenTheDelegate()
    {
        var stub = new StubTransport().Answer("cognito.test", (500, "{\"__type\":\"InternalErrorException\",\"message\":\"boom\"}"));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(new()
        {
            ["AWS:Region"] = "eu-west-1",
            ["AWS:MaxErrorRetry"] = "1",          // the AWS SDK's name: 1 retry, so 2 attempts
            ["AWS:RetryBaseDelay"] = "00:00:00.001",
            ["AWS:Clients:CognitoIdentityProvider:ServiceURL"] = "http://cognito.test:9229/",
            ["AWS:Clients:CognitoIdentityProvider:AppId"] = "from-config",
        }));
        services.AddAwsClient<CognitoIdentityProviderClient>(o => o.AppId = "from-delegate")
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<CognitoIdentityProviderClient>();

        Assert.Same(client, provider.GetRequiredService<CognitoIdentityProviderClient>()); // a singleton
        Assert.Equal("eu-west-1", client.Region);
        Assert.Equal(new Uri("http://cognito.test:9229/"), client.ServiceUrl);
        await Assert.ThrowsAsync<InternalErrorException>(() => client.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456")));
        var requests = stub.To("cognito.test");
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("http://cognito.test:9229/", r.Uri.AbsoluteUri));
        Assert.All(requests, r => Assert.EndsWith(" app/from-delegate", r.Header("User-Agent"), StringComparison.Ordinal));
        Assert.Contains("api/cognito-identity-provider#2016-04-18", requests[0].Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnyConfiguration_TheDelegateAloneConfiguresTheClient()
    {
        var services = new ServiceCollection();
        services.AddAwsClient<CognitoIdentityProviderClient>(o => o.Region = "ap-south-1");
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<CognitoIdentityProviderClient>();

        Assert.Equal("ap-south-1", client.Region);
        Assert.Null(client.ServiceUrl);
    }

    [Fact]
    public void AnExplicitConfiguration_WinsOverTheContainers()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(new() { ["AWS:Region"] = "us-east-1" }));
        services.AddAwsClient<CognitoIdentityProviderClient>(Configuration(new() { ["AWS:Region"] = "sa-east-1" }));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("sa-east-1", provider.GetRequiredService<CognitoIdentityProviderClient>().Region);
    }

    [Fact]
    public void TimeoutsRetriesAndEndpointSettings_AreRead()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(new()
        {
            ["AWS:Region"] = "eu-central-1",
            ["AWS:Profile"] = "dev",
            ["AWS:RetryMode"] = "Standard",
            ["AWS:MaxAttempts"] = "5",
            ["AWS:Timeout"] = "00:00:07",
            ["AWS:ConnectTimeout"] = "00:00:02",
            ["AWS:MaxBackoff"] = "00:00:03",
            ["AWS:RetryQuotaCapacity"] = "0",
            ["AWS:MaxResponseBodyBytes"] = "1048576",
            ["AWS:UseFIPSEndpoint"] = "true",
            ["AWS:UseDualstackEndpoint"] = "True",
            ["AWS:S3:ForcePathStyle"] = "true",
            ["AWS:Clients:CognitoIdentityProvider:MaxAttempts"] = "2",
            ["AWS:Clients:CognitoIdentityProvider:Timeout"] = "infinite",
            ["AWS:SomethingOnlyTheAwsSdkReads"] = "ignored",
        }));
        services.AddAwsClient<CognitoIdentityProviderClient>();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<AwsClientOptions>>().Get(AwsClientNames.For<CognitoIdentityProviderClient>());

        Assert.Equal("CognitoIdentityProvider", AwsClientNames.For<CognitoIdentityProviderClient>());
        Assert.Equal("eu-central-1", options.Region);
        Assert.Equal("dev", options.Profile);
        Assert.Equal(2, options.MaxAttempts);           // the client's section over the AWS section
        Assert.Null(options.AttemptTimeout);            // "infinite"
        Assert.Equal(TimeSpan.FromSeconds(2), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.MaxBackoff);
        Assert.Equal(0, options.RetryQuotaCapacity);
        Assert.Equal(1048576, options.MaxResponseBodyBytes);
        Assert.True(options.UseFips);
        Assert.True(options.UseDualStack);
        Assert.True(options.S3.ForcePathStyle);
    }

    [Theory]
    [InlineData("AWS:MaxAttempts", "three", "AWS:MaxAttempts is 'three', not a whole number.")]
    [InlineData("AWS:MaxAttempts", "0", "AWS:MaxAttempts must be at least 1.")]
    [InlineData("AWS:Timeout", "5", "AWS:Timeout is '5'; write a time span as hh:mm:ss (e.g. 00:00:05 for 5 seconds) or 'infinite'.")]
    [InlineData("AWS:RetryMode", "adaptive", "AWS:RetryMode is 'adaptive'; only 'standard' is supported.")]
    [InlineData("AWS:ServiceURL", "localhost:4566", "AWS:ServiceURL is not an absolute http or https URL.")]
    [InlineData("AWS:Clients:CognitoIdentityProvider:UseFIPSEndpoint", "yes", "AWS:Clients:CognitoIdentityProvider:UseFIPSEndpoint is 'yes', not true or false.")]
    public void AValueThatCannotBeRead_FailsTheResolution_NamingItsKey(string key, string value, string message)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(new() { ["AWS:Region"] = "eu-west-1", [key] = value }));
        services.AddAwsClient<CognitoIdentityProviderClient>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<AwsConfigurationException>(() => provider.GetRequiredService<CognitoIdentityProviderClient>());

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void AHandlerThatFollowsRedirects_IsRefused()
    {
        var services = new ServiceCollection();
        services.AddAwsClient<CognitoIdentityProviderClient>(o => o.Region = "eu-west-1")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()); // AllowAutoRedirect is true by default
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<CognitoIdentityProviderClient>());

        Assert.Contains("follows redirects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultHandler_FollowsNoRedirect_AndTheHttpClientHasNoOverallTimeout()
    {
        var services = new ServiceCollection();
        services.AddAwsClient<CognitoIdentityProviderClient>(o => o.Region = "eu-west-1");
        using var provider = services.BuildServiceProvider();

        // Resolving succeeds: the client's redirect guard looked at the factory's handler chain and found AllowAutoRedirect = false.
        Assert.NotNull(provider.GetRequiredService<CognitoIdentityProviderClient>());
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(AwsClientNames.HttpClientName("CognitoIdentityProvider"));
        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, http.Timeout);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
