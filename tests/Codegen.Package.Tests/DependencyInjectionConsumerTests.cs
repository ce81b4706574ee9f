using System;
using System.IO;
using Codegen.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Package.Tests;

/// <summary>
/// A consumer of the packed Codegen.Extensions.DependencyInjection: two generated services registered with
/// <c>AddAwsClient</c>, options from an in-memory <c>AWS</c> section, the HttpClient from IHttpClientFactory (with an
/// in-process handler that records the requests), spans seen through an ActivityListener. Nothing leaves the process.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DependencyInjectionConsumerTests(PackageFixture package, ITestOutputHelper output)
{
    [Fact]
    public void TwoClientsResolveFromConfiguration_AndSendThroughTheFactorysHttpClient()
    {
        var consumer = new ConsumerProject(package, output, "dependency-injection");
        consumer.Write("models/cognito-idp.json", File.ReadAllText(Specs.SeedPath(package)));
        consumer.Write("models/notes.json", Specs.TinyJsonService("Tiny Notes"));
        consumer.WriteProject(items: $"""
            <PackageReference Include="Codegen.Extensions.DependencyInjection" Version="{package.Version}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="{package.PinnedVersion("Microsoft.Extensions.DependencyInjection")}" />
                <PackageReference Include="Microsoft.Extensions.Configuration" Version="{package.PinnedVersion("Microsoft.Extensions.Configuration")}" />
                <AwsModel Include="models/cognito-idp.json" />
                <AwsModel Include="models/notes.json" />
            """);
        consumer.Write("Program.cs", """
            using System.Diagnostics;
            using System.Net;
            using Aws.CognitoIdentityProvider;
            using Aws.TinyNotes;
            using Codegen.Runtime.Auth;
            using Codegen.Runtime.Telemetry;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AWS:Region"] = "eu-west-1",
                ["AWS:MaxAttempts"] = "2",
                ["AWS:RetryBaseDelay"] = "00:00:00.001",
                ["AWS:Clients:TinyNotes:Region"] = "ca-central-1",
                ["AWS:Clients:TinyNotes:MaxAttempts"] = "3",
                ["AWS:Clients:CognitoIdentityProvider:ServiceURL"] = "http://cognito.test:9229/",
            }).Build();
            var transport = new Transport();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddAwsClient<CognitoIdentityProviderClient>().ConfigurePrimaryHttpMessageHandler(() => transport);
            services.AddAwsClient<TinyNotesClient>(o => o.Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDCONSUMER00000001", "consumer-secret-key", null)))
                .ConfigurePrimaryHttpMessageHandler(() => transport);
            var spans = new List<string>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == AwsTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a => { lock (spans) { spans.Add(a.DisplayName + " " + a.GetTagItem("rpc.system")); } },
            };
            ActivitySource.AddActivityListener(listener);

            using (var provider = services.BuildServiceProvider())
            {
                var cognito = provider.GetRequiredService<CognitoIdentityProviderClient>();
                var notes = provider.GetRequiredService<TinyNotesClient>();
                Console.WriteLine("same: " + ReferenceEquals(notes, provider.GetRequiredService<TinyNotesClient>()));
                Console.WriteLine("regions: " + cognito.Region + " " + notes.Region);
                var verified = await cognito.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456"));
                Console.WriteLine("cognito: " + (verified.Status == VerifySoftwareTokenResponseType.Success));
                var put = await notes.PutNoteAsync(new PutNote("Groceries"));
                Console.WriteLine("notes: " + put.NoteId);
            }

            foreach (var line in transport.Seen)
            {
                Console.WriteLine("sent: " + line);
            }

            lock (spans)
            {
                Console.WriteLine("spans: " + string.Join(", ", spans.Order(StringComparer.Ordinal)));
            }

            sealed class Transport : HttpMessageHandler
            {
                private int notes;

                public List<string> Seen { get; } = new();

                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    var uri = request.RequestUri!;
                    var agent = request.Headers.NonValidated["User-Agent"].ToString();
                    lock (Seen)
                    {
                        Seen.Add(uri.AbsoluteUri + " " + agent[..agent.IndexOf(' ')]);
                    }

                    var isNotes = uri.Host.StartsWith("notes.", StringComparison.Ordinal);
                    var throttled = isNotes && Interlocked.Increment(ref notes) < 3;
                    var body = throttled ? "{\"__type\":\"ThrottlingException\"}"
                        : isNotes ? "{\"NoteId\":\"n-1\"}"
                        : "{\"Status\":\"SUCCESS\"}";
                    return Task.FromResult(new HttpResponseMessage(throttled ? HttpStatusCode.BadRequest : HttpStatusCode.OK)
                    {
                        Content = new StringContent(body),
                        RequestMessage = request,
                    });
                }
            }

            """);

        consumer.Build("build");
        var printed = ConsumerProject.Lines(consumer.Run("run"));

        var agent = "codegen-dotnet/" + package.Version;
        Assert.Equal(
            new[]
            {
                "same: True",
                "regions: eu-west-1 ca-central-1",
                "cognito: True",
                "notes: n-1",
                "sent: http://cognito.test:9229/ " + agent,
                // Three attempts (the client's own section): two throttled, then the answer.
                "sent: https://notes.ca-central-1.amazonaws.com/ " + agent,
                "sent: https://notes.ca-central-1.amazonaws.com/ " + agent,
                "sent: https://notes.ca-central-1.amazonaws.com/ " + agent,
                "spans: CognitoIdentityProvider.VerifySoftwareToken attempt aws-api, CognitoIdentityProvider.VerifySoftwareToken aws-api, "
                    + "TinyNotes.PutNote attempt aws-api, TinyNotes.PutNote attempt aws-api, TinyNotes.PutNote attempt aws-api, TinyNotes.PutNote aws-api",
            },
            printed);
    }
}
