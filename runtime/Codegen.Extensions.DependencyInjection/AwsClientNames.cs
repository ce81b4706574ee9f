using System;

namespace Codegen.Extensions.DependencyInjection;

/// <summary>
/// The name of a registered client: its type name without the <c>Client</c> suffix (<c>CognitoIdentityProviderClient</c>
/// → <c>CognitoIdentityProvider</c>, <c>KMSClient</c> → <c>KMS</c>). It names the client's configuration section
/// (<c>AWS:Clients:{Name}</c>), its options (<c>IOptionsMonitor&lt;AwsClientOptions&gt;.Get(name)</c>) and its
/// HttpClient in <c>IHttpClientFactory</c> (<see cref="HttpClientName"/>).
/// </summary>
public static class AwsClientNames
{
    /// <summary>The name of <typeparamref name="TClient"/>.</summary>
    public static string For<TClient>() => For(typeof(TClient));

    /// <summary>The name of <paramref name="clientType"/>.</summary>
    public static string For(Type clientType)
    {
        ArgumentNullException.ThrowIfNull(clientType);
        var name = clientType.Name;
        var backtick = name.IndexOf('`', StringComparison.Ordinal);
        if (backtick >= 0)
        {
            name = name[..backtick];
        }

        return name.Length > "Client".Length && name.EndsWith("Client", StringComparison.Ordinal) ? name[..^"Client".Length] : name;
    }

    /// <summary>The name of a client's HttpClient in <c>IHttpClientFactory</c>: <c>Codegen.Aws.{Name}</c>.</summary>
    public static string HttpClientName(string clientName) => "Codegen.Aws." + clientName;
}
