using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.Consumer.Tests.Library;
using Codegen.Runtime.Client;
using Codegen.Runtime.Configuration;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>
/// Code that depends on <see cref="ICognitoIdentityProviderClient"/>, tested as a user tests it: with a plain
/// hand-written fake (no mocking library), and with the real client over an in-memory HttpMessageHandler that runs
/// the real codecs.
/// </summary>
public class ClientInterfaceTests
{
    [Fact]
    public async Task TheCodeUnderTestRunsAgainstAHandWrittenFake()
    {
        var cognito = new FakeCognito { Answer = _ => new VerifySoftwareTokenResponse(200).WithStatus(VerifySoftwareTokenResponseType.Success) };
        var enrollment = new SoftwareTokenEnrollment(cognito);

        var outcome = await enrollment.ConfirmAsync("access-token", " 123456 ", CancellationToken.None);

        Assert.Equal("enrolled", outcome);
        var call = Assert.Single(cognito.Calls);
        Assert.Equal("123456", call.UserCode);
        Assert.Equal("access-token", call.AccessToken);
        Assert.Equal("Authenticator", call.FriendlyDeviceName);
    }

    [Fact]
    public async Task AFakeCanAnswerWithAnotherStatusOrAModelledError()
    {
        var cognito = new FakeCognito { Answer = _ => new VerifySoftwareTokenResponse(200).WithStatus(VerifySoftwareTokenResponseType.Error) };
        var enrollment = new SoftwareTokenEnrollment(cognito);
        Assert.Equal("rejected", await enrollment.ConfirmAsync("t", "111111", CancellationToken.None));

        cognito.Answer = _ => throw new CodeMismatchException("Invalid code", 400, "req-fake");
        Assert.Equal("wrong code", await enrollment.ConfirmAsync("t", "222222", CancellationToken.None));

        var later = "PENDING"; // a status the service adds after the model was generated
        cognito.Answer = _ => new VerifySoftwareTokenResponse(200).WithStatus(new VerifySoftwareTokenResponseType(later));
        Assert.Equal("unexpected status PENDING", await enrollment.ConfirmAsync("t", "333333", CancellationToken.None));
        Assert.Equal(3, cognito.Calls.Count);
    }

    [Fact]
    public async Task SendAsyncThroughTheInterfaceReachesTheFakesOperationMethod()
    {
        var cognito = new FakeCognito { Answer = request => new VerifySoftwareTokenResponse(200).WithSession("s-" + request.UserCode) };
        ICognitoIdentityProviderClient client = cognito;

        var response = await client.SendAsync(new VerifySoftwareToken("654321"));

        Assert.Equal("s-654321", response.Session);
        Assert.Equal("654321", Assert.Single(cognito.Calls).UserCode);
        var other = await Assert.ThrowsAsync<NotSupportedException>(() => client.SendAsync(new GetBook("b-1")));
        Assert.Contains("GetBook is not a request of Cognito Identity Provider", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFakeImplementsOnlyTheOperationsItNeeds()
    {
        ILibraryClient library = new FakeLibrary();

        var found = await library.GetBookAsync(new GetBook("b-1"));
        var missing = await Assert.ThrowsAsync<NotImplementedException>(() => library.PutBookAsync(new PutBook(new Book("Dune"))));

        Assert.Equal("Dune", found.Book?.Title);
        Assert.Equal("FakeLibrary does not implement PutBookAsync.", missing.Message);
    }

    [Fact]
    public void TheGeneratedClientImplementsTheInterface_AndConstructsWithoutRegionOrNetwork()
    {
        var nowhere = new AwsEnvironment(_ => null, homeDirectory: MissingHome());

        using var client = new CognitoIdentityProviderClient(new AwsClientOptions { Environment = nowhere });

        ICognitoIdentityProviderClient asInterface = client;
        Assert.Same(client, asInterface);
        Assert.Equal("CognitoIdentityProviderClient(region not resolved yet)", client.ToString());
    }

    [Fact]
    public async Task WithoutAnyRegion_TheFirstCallSaysWhatToSet_AndSendsNothing()
    {
        var nowhere = new AwsEnvironment(name => name == "AWS_EC2_METADATA_DISABLED" ? "true" : null, homeDirectory: MissingHome());
        var handler = new InMemoryHandler(_ => Json(HttpStatusCode.OK, "{}"));
        using var client = new CognitoIdentityProviderClient(new AwsClientOptions { Environment = nowhere }, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => client.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456")));

        Assert.StartsWith("No AWS region", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task TheRealClientOverAnInMemoryHandlerRunsTheRealCodecs()
    {
        var handler = new InMemoryHandler(request => request.Headers.GetValues("X-Amz-Target") is var target && string.Join(",", target) == "AWSCognitoIdentityProviderService.VerifySoftwareToken"
            ? Json(HttpStatusCode.OK, """{"Status":"SUCCESS"}""")
            : Json(HttpStatusCode.BadRequest, """{"__type":"InvalidParameterException","message":"unexpected"}"""));
        var options = new AwsClientOptions { Region = "eu-west-1", Environment = new AwsEnvironment(_ => null, homeDirectory: MissingHome()) };
        using var client = new CognitoIdentityProviderClient(options, new HttpClient(handler));
        var enrollment = new SoftwareTokenEnrollment(client);

        var outcome = await enrollment.ConfirmAsync("access-token", "123456", CancellationToken.None);

        Assert.Equal("enrolled", outcome);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/", sent.Uri);
        Assert.Contains("\"UserCode\":\"123456\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"AccessToken\":\"access-token\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorFromTheInMemoryHandlerIsTheModelledException()
    {
        var handler = new InMemoryHandler(_ => Json(HttpStatusCode.BadRequest, """{"__type":"CodeMismatchException","message":"Invalid code"}"""));
        var options = new AwsClientOptions { Region = "eu-west-1", Environment = new AwsEnvironment(_ => null, homeDirectory: MissingHome()) };
        using var client = new CognitoIdentityProviderClient(options, new HttpClient(handler));

        var outcome = await new SoftwareTokenEnrollment(client).ConfirmAsync("access-token", "123456", CancellationToken.None);

        Assert.Equal("wrong code", outcome);
        Assert.Single(handler.Requests); // a CodeMismatchException is not retried
    }

    private static string MissingHome() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "codegen-no-home-" + Guid.NewGuid().ToString("N"));

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };

    /// <summary>Application code: it depends on the interface, never on the client class.</summary>
    private sealed class SoftwareTokenEnrollment(ICognitoIdentityProviderClient cognito)
    {
        public async Task<string> ConfirmAsync(string accessToken, string code, CancellationToken cancellationToken)
        {
            var request = new VerifySoftwareToken(code.Trim()).WithAccessToken(accessToken).WithFriendlyDeviceName("Authenticator");
            try
            {
                var verified = await cognito.VerifySoftwareTokenAsync(request, cancellationToken);
                return verified.Status?.WireValue switch
                {
                    VerifySoftwareTokenResponseType.WireValues.Success => "enrolled",
                    VerifySoftwareTokenResponseType.WireValues.Error => "rejected",
                    var other => "unexpected status " + other,
                };
            }
            catch (CodeMismatchException)
            {
                return "wrong code";
            }
        }
    }

    /// <summary>A hand-written fake: records the requests and answers with what the test says.</summary>
    private sealed class FakeCognito : ICognitoIdentityProviderClient
    {
        public List<VerifySoftwareToken> Calls { get; } = new();

        public Func<VerifySoftwareToken, VerifySoftwareTokenResponse> Answer { get; set; } = _ => new VerifySoftwareTokenResponse(200);

        public Task<VerifySoftwareTokenResponse> VerifySoftwareTokenAsync(VerifySoftwareToken request, CancellationToken cancellationToken = default)
        {
            Calls.Add(request);
            return Task.FromResult(Answer(request));
        }
    }

    /// <summary>A fake of the library service that implements one of its two operations.</summary>
    private sealed class FakeLibrary : ILibraryClient
    {
        public Task<GetBookResponse> GetBookAsync(GetBook request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GetBookResponse(200).WithBook(new Book("Dune")));
    }

    private sealed record SentRequest(string Uri, string Body);

    /// <summary>Answers every request in memory: the client's serializers, signing and deserializers all run.</summary>
    private sealed class InMemoryHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<SentRequest> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new SentRequest(request.RequestUri!.ToString(), body));
            return answer(request);
        }
    }
}
