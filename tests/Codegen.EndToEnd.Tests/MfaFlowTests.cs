#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.EndToEnd.Tests.Infrastructure;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using OtpNet;
using Xunit;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// The TOTP MFA flow against cognito-local (5.3.0), with nothing but the generated client: create a pool, an app
/// client and a user, sign in with the password, associate a software token, compute the TOTP from its secret
/// (RFC 6238: HMAC-SHA-1, 6 digits, 30 s steps) and verify it, then sign in again through the MFA challenge.
/// </summary>
/// <remarks>
/// What cognito-local 5.3.0 does, read from its source (lib/targets/*.js) and asserted here:
/// <list type="bullet">
/// <item>A wrong code in VerifySoftwareToken is HTTP 400 <c>{"__type":"CodeMismatchException","message":"Incorrect
/// confirmation code"}</c>, as in AWS (whose message differs: "Invalid code received for user"). Codes are checked with
/// otplib and a tolerance of 30 s either side, so "wrong" here means different from the codes of the steps around now.</item>
/// <item>A successful VerifySoftwareToken adds <c>SOFTWARE_TOKEN_MFA</c> to the user's <c>UserMFASettingList</c>, which
/// GetUser returns; <c>PreferredMfaSetting</c> stays unset. (In AWS, MFA preferences are SetUserMFAPreference's job;
/// whether AWS lists the token right after VerifySoftwareToken is not checked here: there is no AWS account.)</item>
/// <item>Pools default to <c>UsernameAttributes: ["email"]</c> when the request has none (AWS does not): users sign in
/// with their e-mail address and get a generated (UUID) username, as in AWS pools configured that way.</item>
/// <item>Only the access-token form of AssociateSoftwareToken/VerifySoftwareToken is implemented (the Session form of
/// the MFA_SETUP challenge is an InvalidParameterException); signatures are not checked; a code may be used twice.</item>
/// <item>Authentication results carry AccessToken, IdToken and RefreshToken only (no TokenType, no ExpiresIn); a wrong
/// password is InvalidPasswordException (AWS: NotAuthorizedException).</item>
/// </list>
/// </remarks>
public sealed class MfaFlowTests : IClassFixture<CognitoLocalFixture>
{
    private const string Password = "Correct-Horse-9-Battery!";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private readonly CognitoLocalFixture cognitoLocal;

    public MfaFlowTests(CognitoLocalFixture cognitoLocal)
    {
        this.cognitoLocal = cognitoLocal;
    }

    [SkippableFact]
    public async Task TotpMfaIsSetUpWithTheGeneratedClient()
    {
        using var client = await CreateClientAsync();
        using var timeout = new CancellationTokenSource(CallTimeout);
        var ct = timeout.Token;
        var user = await CreateSignedInUserAsync(client, UserPoolMfaType.Off, ct);

        var associated = await client.AssociateSoftwareTokenAsync(new AssociateSoftwareToken().WithAccessToken(user.AccessToken), ct);
        Assert.Equal(200, associated.HttpStatus);
        var secret = Assert.IsType<string>(associated.SecretCode);
        var totp = Totp(secret);

        // A wrong code: cognito-local answers 400 CodeMismatchException, which the client raises as the typed error.
        var wrong = WrongCode(totp);
        var mismatch = await Assert.ThrowsAsync<CodeMismatchException>(
            () => client.VerifySoftwareTokenAsync(new VerifySoftwareToken(wrong).WithAccessToken(user.AccessToken), ct));
        Assert.Equal("CodeMismatchException", mismatch.ErrorCode);
        Assert.Equal(400, mismatch.StatusCode);
        Assert.Equal("Incorrect confirmation code", mismatch.ErrorMessage);
        Assert.IsAssignableFrom<CognitoIdentityProviderException>(mismatch);

        // The wrong code changed nothing: MFA is not enabled yet.
        var before = await client.GetUserAsync(new GetUser(user.AccessToken), ct);
        Assert.True(before.UserMFASettingList is null || !before.UserMFASettingList.Contains("SOFTWARE_TOKEN_MFA"));

        // The right code, sent through the generic SendAsync: the response type is inferred from the request.
        var verified = await client.SendAsync(
            new VerifySoftwareToken(totp.ComputeTotp(DateTime.UtcNow)).WithAccessToken(user.AccessToken).WithFriendlyDeviceName("Zoë's phone ☎"), ct);
        Assert.IsType<VerifySoftwareTokenResponse>(verified);
        Assert.Equal(200, verified.HttpStatus);
        Assert.Equal(VerifySoftwareTokenResponseType.Success, verified.Status);
        Assert.True(verified.Status?.IsKnown);
        Assert.Null(verified.Session);

        var after = await client.GetUserAsync(new GetUser(user.AccessToken), ct);
        Assert.Equal(user.Username, after.Username);
        Assert.Equal(new[] { "SOFTWARE_TOKEN_MFA" }, after.UserMFASettingList);
        Assert.Null(after.PreferredMfaSetting);
        Assert.Contains(after.UserAttributes, a => a.Name == "email" && a.Value == user.Email);
        Assert.Contains(after.UserAttributes, a => a.Name == "sub" && !string.IsNullOrEmpty(a.Value));
    }

    [SkippableFact]
    public async Task SignInAfterSetupGoesThroughTheSoftwareTokenChallenge()
    {
        using var client = await CreateClientAsync();
        using var timeout = new CancellationTokenSource(CallTimeout);
        var ct = timeout.Token;
        var user = await CreateSignedInUserAsync(client, UserPoolMfaType.Optional, ct);

        var secret = (await client.AssociateSoftwareTokenAsync(new AssociateSoftwareToken().WithAccessToken(user.AccessToken), ct)).SecretCode!;
        var totp = Totp(secret);
        var verified = await client.VerifySoftwareTokenAsync(
            new VerifySoftwareToken(totp.ComputeTotp(DateTime.UtcNow)).WithAccessToken(user.AccessToken).WithFriendlyDeviceName("phone"), ct);
        Assert.Equal(VerifySoftwareTokenResponseType.Success, verified.Status);

        // With MFA optional and a verified token, the password alone no longer signs in: the TOTP is asked for.
        var challenge = await client.InitiateAuthAsync(PasswordSignIn(user), ct);
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, challenge.ChallengeName);
        Assert.Null(challenge.AuthenticationResult);
        Assert.False(string.IsNullOrEmpty(challenge.Session));
        Assert.NotNull(challenge.ChallengeParameters);
        Assert.Equal(user.Username, challenge.ChallengeParameters!["USER_ID_FOR_SRP"]);
        Assert.Equal("phone", challenge.ChallengeParameters["FRIENDLY_DEVICE_NAME"]);

        var answer = new RespondToAuthChallenge(user.ClientId, ChallengeNameType.SoftwareTokenMfa)
            .WithSession(challenge.Session)
            .WithChallengeResponses(new Dictionary<string, string>
            {
                ["USERNAME"] = user.Email,
                ["SOFTWARE_TOKEN_MFA_CODE"] = WrongCode(totp),
            });
        var rejected = await Assert.ThrowsAsync<CodeMismatchException>(() => client.RespondToAuthChallengeAsync(answer, ct));
        Assert.Equal(400, rejected.StatusCode);

        var signedIn = await client.RespondToAuthChallengeAsync(
            answer.WithChallengeResponses(new Dictionary<string, string>
            {
                ["USERNAME"] = user.Email,
                ["SOFTWARE_TOKEN_MFA_CODE"] = totp.ComputeTotp(DateTime.UtcNow),
            }),
            ct);
        Assert.Null(signedIn.ChallengeName);
        var tokens = Assert.IsType<AuthenticationResultType>(signedIn.AuthenticationResult);
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.False(string.IsNullOrEmpty(tokens.IdToken));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));

        // cognito-local returns the three tokens only; AWS also sends TokenType "Bearer" and ExpiresIn.
        Assert.Null(tokens.TokenType);
        Assert.Null(tokens.ExpiresIn);

        var me = await client.GetUserAsync(new GetUser(tokens.AccessToken!), ct);
        Assert.Equal(user.Username, me.Username);
        Assert.Equal(new[] { "SOFTWARE_TOKEN_MFA" }, me.UserMFASettingList);
    }

    [SkippableFact]
    public async Task ServiceErrorsArriveAsTypedExceptions()
    {
        using var client = await CreateClientAsync();
        using var timeout = new CancellationTokenSource(CallTimeout);
        var ct = timeout.Token;
        var user = await CreateSignedInUserAsync(client, UserPoolMfaType.Off, ct);

        // The same username twice.
        var exists = await Assert.ThrowsAsync<UsernameExistsException>(
            () => client.AdminCreateUserAsync(new AdminCreateUser(user.PoolId, user.Email).WithMessageAction(MessageActionType.Suppress), ct));
        Assert.Equal(400, exists.StatusCode);

        // A verification before any association: cognito-local says InvalidParameterException (AWS: a different
        // error), i.e. a modelled error of the operation.
        var notAssociated = await Assert.ThrowsAsync<InvalidParameterException>(
            () => client.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456").WithAccessToken(user.AccessToken), ct));
        Assert.Equal("User has not associated a software token", notAssociated.ErrorMessage);

        // A wrong password: cognito-local answers InvalidPasswordException (AWS answers NotAuthorizedException).
        var badPassword = await Assert.ThrowsAsync<InvalidPasswordException>(
            () => client.InitiateAuthAsync(PasswordSignIn(user with { Password = "not-the-password" }), ct));
        Assert.Equal("InvalidPasswordException", badPassword.ErrorCode);
    }

    private async Task<CognitoIdentityProviderClient> CreateClientAsync()
    {
        var endpoint = await cognitoLocal.GetEndpointAsync();
        return new CognitoIdentityProviderClient(new AwsClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = endpoint,
            Credentials = new StaticCredentialsSource("AKIDEXAMPLE", "dummy-secret-for-cognito-local"),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        });
    }

    /// <summary>CreateUserPool, CreateUserPoolClient, AdminCreateUser, AdminSetUserPassword and a password sign-in.</summary>
    private static async Task<SignedInUser> CreateSignedInUserAsync(CognitoIdentityProviderClient client, UserPoolMfaType mfa, CancellationToken ct)
    {
        var pool = await client.CreateUserPoolAsync(new CreateUserPool("e2e-" + Guid.NewGuid().ToString("N")).WithMfaConfiguration(mfa), ct);
        var poolId = Assert.IsType<string>(pool.UserPool?.Id);
        Assert.Equal(mfa, pool.UserPool!.MfaConfiguration);

        var appClient = await client.CreateUserPoolClientAsync(
            new CreateUserPoolClient(poolId, "e2e-client")
                .WithExplicitAuthFlows(new[] { ExplicitAuthFlowsType.AllowUserPasswordAuth, ExplicitAuthFlowsType.AllowRefreshTokenAuth }),
            ct);
        var clientId = Assert.IsType<string>(appClient.UserPoolClient?.ClientId);

        // The pool signs in with e-mail addresses (cognito-local's default), so the user's username is a generated id.
        var email = "alice-" + Guid.NewGuid().ToString("N")[..8] + "@example.com";
        var created = await client.AdminCreateUserAsync(
            new AdminCreateUser(poolId, email)
                .WithMessageAction(MessageActionType.Suppress)
                .WithUserAttributes(new[] { new AttributeType("email").WithValue(email), new AttributeType("name").WithValue("Zoë") }),
            ct);
        var username = Assert.IsType<string>(created.User?.Username);
        Assert.True(Guid.TryParse(username, out _), "expected a generated username, got " + username);
        Assert.Equal(UserStatusType.ForceChangePassword, created.User!.UserStatus);
        Assert.Contains(created.User.Attributes!, a => a.Name == "email" && a.Value == email);

        await client.AdminSetUserPasswordAsync(new AdminSetUserPassword(poolId, email, Password).WithPermanent(true), ct);

        var user = new SignedInUser(poolId, clientId, email, username, Password, AccessToken: string.Empty);
        var signIn = await client.InitiateAuthAsync(PasswordSignIn(user), ct);
        Assert.Null(signIn.ChallengeName);
        var accessToken = Assert.IsType<string>(signIn.AuthenticationResult?.AccessToken);
        return user with { AccessToken = accessToken };
    }

    private static InitiateAuth PasswordSignIn(SignedInUser user) =>
        new InitiateAuth(AuthFlowType.UserPasswordAuth, user.ClientId)
            .WithAuthParameters(new Dictionary<string, string> { ["USERNAME"] = user.Email, ["PASSWORD"] = user.Password });

    /// <summary>RFC 6238 as Cognito uses it: the secret is base32, HMAC-SHA-1, 6 digits, 30-second steps.</summary>
    private static Totp Totp(string base32Secret) =>
        new(Base32Encoding.ToBytes(base32Secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);

    /// <summary>A 6-digit code that is none of the codes of the steps from 2 minutes ago to 2 minutes ahead.</summary>
    private static string WrongCode(Totp totp)
    {
        var now = DateTime.UtcNow;
        var nearby = Enumerable.Range(-4, 9).Select(step => totp.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet();
        var candidate = int.Parse(totp.ComputeTotp(now), System.Globalization.CultureInfo.InvariantCulture);
        string code;
        do
        {
            candidate = (candidate + 500_001) % 1_000_000;
            code = candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        }
        while (nearby.Contains(code));

        return code;
    }

    private sealed record SignedInUser(string PoolId, string ClientId, string Email, string Username, string Password, string AccessToken);
}
#endif
