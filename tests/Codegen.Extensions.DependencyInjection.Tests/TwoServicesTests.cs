#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Telemetry;
using Generated.Kms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Codegen.Extensions.DependencyInjection.Tests
{
    /// <summary>Two service clients, KMS (signed, endpoint rules) and Cognito, resolved from one in-memory configuration.</summary>
    public sealed class TwoServicesTests
    {
        private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYDISECRETKEY";
        private const string Token = "FwoGZXIvYXdzDISESSIONTOKEN==";
        private const string KmsError = "{\"__type\":\"KMSInternalException\",\"message\":\"try again\"}";

        [Fact]
        public async Task TwoClients_TakeTheirRegionEndpointAndRetriesFromConfiguration()
        {
            var stub = new StubTransport()
                .Answer("kms.ap-southeast-2.amazonaws.com", (500, KmsError), (500, KmsError), (500, KmsError), (200, "{\"Keys\":[{\"KeyId\":\"k-1\"}]}"))
                .Answer("localhost", (200, "{\"Status\":\"SUCCESS\"}"));
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AWS:Region"] = "eu-west-1",
                ["AWS:RetryBaseDelay"] = "00:00:00.001",
                ["AWS:MaxAttempts"] = "2",
                ["AWS:Clients:KMS:Region"] = "ap-southeast-2",
                ["AWS:Clients:KMS:MaxAttempts"] = "4",
                ["AWS:Clients:CognitoIdentityProvider:ServiceURL"] = "http://localhost:9229/",
            }).Build());
            services.AddAwsClient<IKMSClient, KMSClient>(o => o.Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDDI00000000000001", Secret, Token)))
                .ConfigurePrimaryHttpMessageHandler(() => stub);
            services.AddAwsClient<CognitoIdentityProviderClient>().ConfigurePrimaryHttpMessageHandler(() => stub);
            using var provider = services.BuildServiceProvider();

            var kms = provider.GetRequiredService<KMSClient>();
            var keys = provider.GetRequiredService<IKMSClient>();
            var cognito = provider.GetRequiredService<CognitoIdentityProviderClient>();

            Assert.Same(kms, keys);
            Assert.Equal("ap-southeast-2", kms.Region);
            Assert.Equal("eu-west-1", cognito.Region);
            var listed = await keys.ListKeysAsync(new ListKeys());
            Assert.Equal("k-1", Assert.Single(listed.Keys!).KeyId);
            var verified = await cognito.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456"));
            Assert.Equal(VerifySoftwareTokenResponseType.Success, verified.Status);

            // KMS: the endpoint from its rules for its own region, four attempts (its section), each signed for that region.
            var kmsRequests = stub.To("kms.ap-southeast-2.amazonaws.com");
            Assert.Equal(4, kmsRequests.Count);
            Assert.All(kmsRequests, r => Assert.Equal("https://kms.ap-southeast-2.amazonaws.com/", r.Uri.AbsoluteUri));
            Assert.All(kmsRequests, r => Assert.Contains("/ap-southeast-2/kms/aws4_request", r.Header("Authorization"), StringComparison.Ordinal));
            Assert.Equal("TrentService.ListKeys", kmsRequests[0].Header("X-Amz-Target"));
            Assert.Contains(" api/kms#2014-11-01 ", kmsRequests[0].Header("User-Agent"), StringComparison.Ordinal);
            // Cognito: its ServiceURL.
            Assert.Equal("http://localhost:9229/", Assert.Single(stub.To("localhost")).Uri.AbsoluteUri);
        }

        [Fact]
        public async Task TheContainersLoggerAndMeterFactories_AreUsed_AndNoSensitiveValueReachesThem()
        {
            const string Plaintext = "the-PLAINTEXT-that-is-sensitive";
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Plaintext));
            var echo = "{\"__type\":\"ValidationException\",\"message\":\"Value '" + base64 + "' at 'plaintext' failed to satisfy constraint\"}";
            var stub = new StubTransport().Answer("kms.eu-west-1.amazonaws.com", (503, KmsError), (400, echo));
            using var logs = new RecordingLoggerFactory();
            using var meters = new RecordingMeterFactory();
            var spans = new List<Activity>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == AwsTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if ((a.GetTagItem("rpc.service") as string) == "KMS")
                    {
                        lock (spans)
                        {
                            spans.Add(a);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
            var services = new ServiceCollection();
            services.AddSingleton<ILoggerFactory>(logs);
            services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(meters);
            services.AddAwsClient<KMSClient>(o =>
            {
                o.Region = "eu-west-1";
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                o.Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDDI00000000000002", Secret, Token));
            }).ConfigurePrimaryHttpMessageHandler(() => stub);
            using var provider = services.BuildServiceProvider();
            var kms = provider.GetRequiredService<KMSClient>();

            await Assert.ThrowsAnyAsync<Exception>(() => kms.EncryptAsync(new Encrypt("alias/app", Encoding.UTF8.GetBytes(Plaintext))));

            Assert.Equal(2, stub.Requests.Count);
            Assert.Contains(base64, stub.Requests[0].Body, StringComparison.Ordinal); // the value was sent...
            var retry = Assert.Single(logs.Entries, e => e.Event == "AwsCallRetry");
            Assert.Equal("Generated.Kms.KMSClient", retry.Category);
            Assert.Equal("Retrying KMS.Encrypt: attempt 2 of 3, after KMSInternalException (HTTP 503)", retry.Message);
            var failed = Assert.Single(logs.Entries, e => e.Event == "AwsCallFailed");
            Assert.Equal(LogLevel.Warning, failed.Level);
            Assert.Equal("KMS.Encrypt failed after 2 attempt(s): ValidationException (HTTP status 400, request id kms.eu-west-1.amazonaws.com-2)", failed.Message);
            Assert.Equal(2, meters.Measurements.Where(m => m.Instrument == AwsTelemetry.Attempts).Sum(m => m.Value));
            Assert.Single(meters.Measurements, m => m.Instrument == AwsTelemetry.Errors && m.Tags.Contains("error.type=ValidationException", StringComparison.Ordinal));
            List<Activity> recordedSpans;
            lock (spans)
            {
                recordedSpans = spans.ToList();
            }

            Assert.Equal(3, recordedSpans.Count); // the call and two attempts

            // ...and is nowhere in what was recorded; nor are the credentials or the signature.
            var signature = stub.Requests[0].Header("Authorization")!.Split("Signature=")[1];
            var recorded = string.Join("\n", logs.Entries.Select(e => e.Message)
                .Concat(meters.Measurements.Select(m => m.Tags))
                .Concat(recordedSpans.SelectMany(a => a.TagObjects.Select(t => t.Key + "=" + t.Value).Append(a.DisplayName).Append(a.StatusDescription ?? string.Empty))));
            foreach (var secret in new[] { Plaintext, base64, Secret, Token, signature, "Signature=", "alias/app" })
            {
                Assert.DoesNotContain(secret, recorded, StringComparison.Ordinal);
            }
        }
    }
}
#endif
