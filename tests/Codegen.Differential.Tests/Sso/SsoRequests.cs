#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Generated.Sso;
using SdkModel = Amazon.SSO.Model;
using SdkWireForms = Amazon.SSO.Model.Internal.MarshallTransformations;

namespace Codegen.Differential.Tests.Sso;

/// <summary>
/// SSO (restJson1) request cases, every operation of the service: query parameters (<c>role_name</c>,
/// <c>account_id</c>, the pagination parameters <c>next_token</c> and <c>max_result</c>), the bearer token in the
/// <c>x-amz-sso_bearer_token</c> header, GET requests without a body and a POST (<c>Logout</c>) without one. Each case
/// draws a neutral description from the seed, builds it with the SDK's request type and with the generated one, and
/// compares what the two serializers send (<see cref="RequestComparison"/>).
/// </summary>
internal static class SsoRequests
{
    public static readonly string[] Operations = { "GetRoleCredentials", "ListAccountRoles", "ListAccounts", "Logout" };

    public static IReadOnlyList<string> Run(string operation, Gen g) => operation switch
    {
        "GetRoleCredentials" => GetRoleCredentials(g),
        "ListAccountRoles" => ListAccountRoles(g),
        "ListAccounts" => ListAccounts(g),
        "Logout" => Logout(g),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    private static IReadOnlyList<string> GetRoleCredentials(Gen g)
    {
        var n = new { RoleName = NotEmpty(g.String()), AccountId = AccountId(g), AccessToken = AccessToken(g) };

        var sdk = new SdkModel.GetRoleCredentialsRequest { RoleName = n.RoleName, AccountId = n.AccountId, AccessToken = n.AccessToken };
        var ours = new GetRoleCredentials(n.RoleName, n.AccountId, n.AccessToken);
        return RequestComparison.Compare(SdkWireForms.GetRoleCredentialsRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> ListAccountRoles(Gen g)
    {
        var n = new { AccessToken = AccessToken(g), AccountId = AccountId(g), NextToken = g.Maybe(g.String), MaxResults = g.MaybeValue(g.Int) };

        var sdk = new SdkModel.ListAccountRolesRequest { AccessToken = n.AccessToken, AccountId = n.AccountId, NextToken = n.NextToken, MaxResults = n.MaxResults };
        var ours = new ListAccountRoles(n.AccessToken, n.AccountId).WithNextToken(n.NextToken).WithMaxResults(n.MaxResults);
        return RequestComparison.Compare(SdkWireForms.ListAccountRolesRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> ListAccounts(Gen g)
    {
        var n = new { AccessToken = AccessToken(g), NextToken = g.Maybe(g.String), MaxResults = g.MaybeValue(g.Int) };

        var sdk = new SdkModel.ListAccountsRequest { AccessToken = n.AccessToken, NextToken = n.NextToken, MaxResults = n.MaxResults };
        var ours = new ListAccounts(n.AccessToken).WithNextToken(n.NextToken).WithMaxResults(n.MaxResults);
        return RequestComparison.Compare(SdkWireForms.ListAccountsRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> Logout(Gen g)
    {
        var accessToken = AccessToken(g);

        var sdk = new SdkModel.LogoutRequest { AccessToken = accessToken };
        var ours = new Logout(accessToken);
        return RequestComparison.Compare(SdkWireForms.LogoutRequestMarshaller.Instance, sdk, ours);
    }

    /// <summary>A 12-digit account id, or any string but the empty one (the model does not constrain it).</summary>
    /// <remarks>Required (in both operations that have it) and a query parameter: see <see cref="NotEmpty"/>.</remarks>
    private static string AccountId(Gen g) => g.Chance(0.5) ? g.Next(100_000, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "000000" : NotEmpty(g.String());

    /// <summary>
    /// A value for a required query parameter. Never empty: the SDK refuses to marshal a required query member that is
    /// empty ("Request object does not have required field RoleName set"), so there is nothing to compare with; ours
    /// sends <c>role_name=</c>, as botocore and the AWS SDK for JavaScript do
    /// (<see cref="RequestTests.AnEmptyRequiredQueryMemberIsSentWhereTheSdkRefusesIt"/>).
    /// </summary>
    private static string NotEmpty(string value) => value.Length == 0 ? "x" : value;

    /// <summary>A token as CreateToken issues them (base64url-like text), or any string.</summary>
    private static string AccessToken(Gen g) => g.Chance(0.5) ? "aoa" + Convert.ToBase64String(g.Bytes()).TrimEnd('=').Replace('+', '-').Replace('/', '_') : g.String();
}
#endif
