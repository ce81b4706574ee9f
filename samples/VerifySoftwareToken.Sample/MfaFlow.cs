#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Errors;
using OtpNet;
using Sample.CognitoIdentityProvider;

namespace Sample;

/// <summary>
/// The TOTP MFA flow with the client generated from the full Cognito model: a user pool, an app client and a user,
/// a password sign-in, a software token associated and verified with a code computed from its secret, and the
/// user's MFA settings read back. Secrets and tokens are never printed.
/// </summary>
internal static class MfaFlow
{
    public static async Task<int> RunAsync(Uri endpoint, string? profile)
    {
        // With a profile, the client is given neither credentials nor a region: the default chains find both in the
        // profile (environment variables would still come first). Without one, cognito-local checks no signatures,
        // and the requests are signed with dummy credentials.
        using var client = new CognitoIdentityProviderClient(profile is not null
            ? new AwsClientOptions { Profile = profile, ServiceUrl = endpoint, MaxAttempts = 2, AttemptTimeout = TimeSpan.FromSeconds(10) }
            : new AwsClientOptions
            {
                Region = "us-east-1",
                ServiceUrl = endpoint,
                Credentials = new StaticCredentialsSource("AKIDEXAMPLE", "dummy-secret"),
                MaxAttempts = 2,
                AttemptTimeout = TimeSpan.FromSeconds(10),
            });
        if (profile is not null)
        {
            Console.WriteLine($"Profile '{profile}': region {client.Region}");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        Console.WriteLine($"TOTP MFA flow against {endpoint}");

        try
        {
            var pool = await client.CreateUserPoolAsync(new CreateUserPool("sample-" + Guid.NewGuid().ToString("N")[..8]), ct);
            var poolId = pool.UserPool?.Id ?? throw new InvalidOperationException("CreateUserPool returned no pool id");
            Step("CreateUserPool", poolId);

            var appClient = await client.CreateUserPoolClientAsync(
                new CreateUserPoolClient(poolId, "sample-client")
                    .WithExplicitAuthFlows(new[] { ExplicitAuthFlowsType.AllowUserPasswordAuth, ExplicitAuthFlowsType.AllowRefreshTokenAuth }),
                ct);
            var clientId = appClient.UserPoolClient?.ClientId ?? throw new InvalidOperationException("CreateUserPoolClient returned no client id");
            Step("CreateUserPoolClient", clientId);

            var email = "alice-" + Guid.NewGuid().ToString("N")[..8] + "@example.com";
            var created = await client.AdminCreateUserAsync(
                new AdminCreateUser(poolId, email)
                    .WithMessageAction(MessageActionType.Suppress)
                    .WithUserAttributes(new[] { new AttributeType("email").WithValue(email) }),
                ct);
            // The username is sensitive in the model (analyzer CG1020), so only the status is printed.
            Step("AdminCreateUser", $"{email} ({created.User?.UserStatus})");

            const string password = "Correct-Horse-9-Battery!";
            await client.AdminSetUserPasswordAsync(new AdminSetUserPassword(poolId, email, password).WithPermanent(true), ct);
            Step("AdminSetUserPassword", "permanent");

            var signIn = await client.InitiateAuthAsync(
                new InitiateAuth(AuthFlowType.UserPasswordAuth, clientId)
                    .WithAuthParameters(new Dictionary<string, string> { ["USERNAME"] = email, ["PASSWORD"] = password }),
                ct);
            var accessToken = signIn.AuthenticationResult?.AccessToken
                ?? throw new InvalidOperationException("InitiateAuth did not sign in (challenge " + signIn.ChallengeName + ")");
            Step("InitiateAuth", "signed in with USER_PASSWORD_AUTH (access token ***)");

            var associated = await client.AssociateSoftwareTokenAsync(new AssociateSoftwareToken().WithAccessToken(accessToken), ct);
            var secret = associated.SecretCode ?? throw new InvalidOperationException("AssociateSoftwareToken returned no secret");
            Step("AssociateSoftwareToken", $"secret *** ({secret.Length} base32 characters)");

            // RFC 6238 as authenticator apps compute it: HMAC-SHA-1 over 30-second steps, 6 digits, base32 secret.
            var totp = new Totp(Base32Encoding.ToBytes(secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
            var code = totp.ComputeTotp(DateTime.UtcNow);
            var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                await client.VerifySoftwareTokenAsync(new VerifySoftwareToken(wrong).WithAccessToken(accessToken), ct);
                Step("VerifySoftwareToken", "a wrong code was accepted (unexpected)");
            }
            catch (CodeMismatchException ex)
            {
                Step("VerifySoftwareToken", $"wrong code -> {ex.GetType().Name} ({ex.StatusCode}): {ex.Message}");
            }

            var verified = await client.SendAsync(new VerifySoftwareToken(code).WithAccessToken(accessToken).WithFriendlyDeviceName("sample"), ct);
            Step("VerifySoftwareToken", $"code from the secret -> {verified.Status}");

            var user = await client.GetUserAsync(new GetUser(accessToken), ct);
            Step("GetUser", "UserMFASettingList = [" + string.Join(", ", user.UserMFASettingList ?? Array.Empty<string>()) + "]");

            return verified.Status == VerifySoftwareTokenResponseType.Success ? 0 : 1;
        }
        catch (AwsServiceException ex)
        {
            Console.Error.WriteLine($"error: the service answered {ex.StatusCode} {ex.ErrorCode}: {ex.Message}");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"error: could not reach {endpoint}: {ex.Message} (is cognito-local running? see README.md)");
            return 1;
        }
        catch (TimeoutException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private static void Step(string operation, string result) => Console.WriteLine($"  {operation,-24} {result}");
}
#endif
