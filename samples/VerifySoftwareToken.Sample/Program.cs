using System;
using System.Text;
using Aws.CognitoIdentityProvider;
using Codegen.Runtime.Http;
using Codegen.Runtime.Lenses;
using Codegen.Runtime.Operations;

// With --endpoint URL: the whole TOTP MFA flow against a Cognito endpoint such as cognito-local (see README.md).
if (args.Length > 0)
{
    return await Sample.EndpointMode.RunAsync(args);
}

// The seed operation, built with the generated constructor, With* builders and lenses (no network).
var request = new VerifySoftwareToken("123456")
    .WithAccessToken("eyJraWQiOiJleGFtcGxlIn0.access-token.signature")
    .WithFriendlyDeviceName("Alice's phone");

Lens<VerifySoftwareToken, string?> session = VerifySoftwareToken.Lenses.Session;
var withSession = session.Set(request, "session-from-the-mfa-setup-challenge");
var trimmed = VerifySoftwareToken.Lenses.UserCode.Modify(request, code => code.Trim());

Console.WriteLine("Request (sensitive members redacted):");
Console.WriteLine("  " + request);
Console.WriteLine("  session lens sets: " + (session.Get(withSession) is not null) + "; modify keeps equality: " + (trimmed == request));

// Its wire form: what the client would send.
IAwsRequest<VerifySoftwareTokenResponse> sendable = request;
var wire = sendable.Operation.SerializeRequest(request);
Console.WriteLine();
Console.WriteLine("On the wire:");
Console.WriteLine($"  {wire.Method} {wire.Path}");
foreach (var header in wire.Headers)
{
    Console.WriteLine($"  {header.Key}: {header.Value}");
}

Console.WriteLine("  " + Encoding.UTF8.GetString(wire.Body.Span));

// Reading replies: a success, a value the service added later, and a modelled error.
var ok = sendable.Operation.DeserializeResponse(new AwsHttpResponse(200, null, Encoding.UTF8.GetBytes("""{"Status":"SUCCESS"}""")));
Console.WriteLine();
Console.WriteLine("Replies:");
Console.WriteLine($"  200 {{\"Status\":\"SUCCESS\"}} -> {ok} (Success: {ok.Status == VerifySoftwareTokenResponseType.Success})");
var later = sendable.Operation.DeserializeResponse(new AwsHttpResponse(200, null, Encoding.UTF8.GetBytes("""{"Status":"PENDING"}""")));
Console.WriteLine($"  200 {{\"Status\":\"PENDING\"}} -> Status {later.Status} (known: {later.Status?.IsKnown})");
var error = sendable.Operation.DeserializeError(new AwsHttpResponse(400, null, Encoding.UTF8.GetBytes("""{"__type":"CodeMismatchException","message":"Invalid code received for user"}""")));
Console.WriteLine($"  400 CodeMismatchException -> {error.GetType().Name}: {error.Message}");
return 0;
