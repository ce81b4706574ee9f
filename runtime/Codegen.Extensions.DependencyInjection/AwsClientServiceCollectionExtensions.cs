using System;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;
using Codegen.Extensions.DependencyInjection;
using Codegen.Runtime.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers generated AWS clients (any <see cref="AwsClient"/> with a public constructor taking
/// <see cref="AwsClientOptions"/>, which every generated client has) in a service collection.
/// </summary>
/// <remarks>
/// <para>
/// Lifetime: each client is a <b>singleton</b>. Clients are thread-safe and meant to be shared: one client keeps one
/// retry quota and one clock-skew correction for all its calls, which per-request clients would lose. The container
/// disposes the client (and so the credential chain it created); the HttpClient belongs to <c>IHttpClientFactory</c>.
/// </para>
/// <para>
/// Options of the client named <c>{Name}</c> (<see cref="AwsClientNames"/>), in order, each over the one before: the
/// defaults of <see cref="AwsClientOptions"/>; the <c>AWS</c> section of the configuration (the one passed, else the
/// container's <see cref="IConfiguration"/>, if any); its <c>AWS:Clients:{Name}</c> section; the
/// <c>configure</c> delegate (and any <c>services.Configure&lt;AwsClientOptions&gt;(name, ...)</c>). Then what is still
/// unset comes from the container: the HttpClient (<c>IHttpClientFactory</c>, named <c>Codegen.Aws.{Name}</c>), the
/// <see cref="ILoggerFactory"/>, the <see cref="IMeterFactory"/> and a registered <see cref="TimeProvider"/>.
/// </para>
/// <para>
/// The named HttpClient's primary handler is a <see cref="SocketsHttpHandler"/> that follows no redirect (the client
/// refuses one that does), decompresses nothing, opens connections within <see cref="AwsClientOptions.ConnectTimeout"/>
/// and recycles them every 5 minutes (the singleton keeps its HttpClient, so DNS changes are seen through the pool, not
/// through handler rotation); its <see cref="HttpClient.Timeout"/> is infinite (<see cref="AwsClientOptions.AttemptTimeout"/>
/// bounds each attempt). <c>IHttpClientFactory</c>'s own request logging is removed from it: it would log URLs, and at
/// Trace level the signed headers with their session token. Add handlers through the returned builder.
/// </para>
/// </remarks>
public static class AwsClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (e.g. <c>CognitoIdentityProviderClient</c>) as a singleton, with options
    /// from the container's configuration (<c>AWS</c>, then <c>AWS:Clients:{Name}</c>) and <paramref name="configure"/>.
    /// </summary>
    /// <returns>The builder of the client's HttpClient, to add message handlers to.</returns>
    public static IHttpClientBuilder AddAwsClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, Action<AwsClientOptions>? configure = null)
        where TClient : AwsClient =>
        AddCore<TClient>(services, null, configure);

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a singleton, with options from <paramref name="configuration"/>'s
    /// <c>AWS</c> and <c>AWS:Clients:{Name}</c> sections and <paramref name="configure"/>.
    /// </summary>
    /// <returns>The builder of the client's HttpClient.</returns>
    public static IHttpClientBuilder AddAwsClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, IConfiguration configuration, Action<AwsClientOptions>? configure = null)
        where TClient : AwsClient =>
        AddCore<TClient>(services, configuration ?? throw new ArgumentNullException(nameof(configuration)), configure);

    /// <summary>
    /// Registers <typeparamref name="TImplementation"/> (the generated client) as a singleton, resolvable both as itself
    /// and as <typeparamref name="TService"/> (e.g. its generated interface): the same instance.
    /// </summary>
    /// <returns>The builder of the client's HttpClient.</returns>
    public static IHttpClientBuilder AddAwsClient<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(
        this IServiceCollection services, Action<AwsClientOptions>? configure = null)
        where TService : class
        where TImplementation : AwsClient, TService
    {
        var builder = AddCore<TImplementation>(services, null, configure);
        services.TryAddSingleton<TService>(provider => provider.GetRequiredService<TImplementation>());
        return builder;
    }

    /// <summary>As <see cref="AddAwsClient{TService, TImplementation}(IServiceCollection, Action{AwsClientOptions})"/>, with options from <paramref name="configuration"/>.</summary>
    /// <returns>The builder of the client's HttpClient.</returns>
    public static IHttpClientBuilder AddAwsClient<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(
        this IServiceCollection services, IConfiguration configuration, Action<AwsClientOptions>? configure = null)
        where TService : class
        where TImplementation : AwsClient, TService
    {
        var builder = AddCore<TImplementation>(services, configuration ?? throw new ArgumentNullException(nameof(configuration)), configure);
        services.TryAddSingleton<TService>(provider => provider.GetRequiredService<TImplementation>());
        return builder;
    }

    private static IHttpClientBuilder AddCore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        IServiceCollection services, IConfiguration? configuration, Action<AwsClientOptions>? configure)
        where TClient : AwsClient
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = AwsClientNames.For<TClient>();
        var httpClientName = AwsClientNames.HttpClientName(name);

        services.AddOptions<AwsClientOptions>(name).Configure<IServiceProvider>((options, provider) =>
        {
            if ((configuration ?? provider.GetService<IConfiguration>()) is { } source)
            {
                AwsConfiguration.Apply(source, name, options);
            }
        });
        if (configure is not null)
        {
            services.Configure(name, configure);
        }

        var builder = services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => CreateHandler(provider, name))
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.TryAddSingleton(provider => Create<TClient>(provider, name, httpClientName));
        return builder;
    }

    private static TClient Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        IServiceProvider provider, string name, string httpClientName)
        where TClient : AwsClient
    {
        var options = provider.GetRequiredService<IOptionsFactory<AwsClientOptions>>().Create(name); // a fresh copy for this client
        options.HttpClient ??= provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);
        options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
        options.MeterFactory ??= provider.GetService<IMeterFactory>();
        if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } clock)
        {
            options.TimeProvider = clock;
        }

        try
        {
            return (TClient)Activator.CreateInstance(typeof(TClient), options)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw; // unreachable
        }
        catch (MissingMethodException e)
        {
            throw new InvalidOperationException(
                typeof(TClient).FullName + " has no public constructor taking AwsClientOptions (every generated client has one).", e);
        }
    }

    private static HttpMessageHandler CreateHandler(IServiceProvider provider, string name)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<AwsClientOptions>>().Get(name);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // a 3xx is an AWS error (wrong region, moved bucket), never something to follow with credentials
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
    }
}
