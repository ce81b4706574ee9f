using System;
using System.Runtime.InteropServices;
using System.Text;
using Codegen.Runtime.Operations;

namespace Codegen.Runtime.Telemetry;

/// <summary>
/// The <c>User-Agent</c> (and <c>x-amz-user-agent</c>) header value, in the AWS SDKs' user agent 2.1 format:
/// <c>codegen-dotnet/0.1.0 ua/2.1 api/cognito-identity-provider#2016-04-18 os/linux#6.8.0 lang/dotnet#10.0.1 md/arch#x64</c>,
/// then <c>exec-env/{AWS_EXECUTION_ENV}</c> and <c>app/{app id}</c> when there are any. Every part is an HTTP token
/// (anything else becomes <c>_</c>); nothing in it comes from a request.
/// </summary>
internal static class UserAgent
{
    /// <summary>The longest app id the AWS SDKs accept.</summary>
    internal const int MaxAppIdLength = 50;

    private static readonly string Sdk = "codegen-dotnet/" + Token(AwsTelemetry.Version) + " ua/2.1";

    private static readonly string Platform =
        "os/" + OsFamily() + OsVersion()
        + " lang/dotnet#" + Token(Environment.Version.ToString())
        + " md/arch#" + Token(RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());

    /// <summary>The header value for a call to <paramref name="service"/>.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="executionEnvironment">The value of <c>AWS_EXECUTION_ENV</c> (e.g. <c>AWS_Lambda_dotnet8</c>), or <see langword="null"/>.</param>
    /// <param name="appId">The application's id (<see cref="Client.AwsClientOptions.AppId"/>), or <see langword="null"/>.</param>
    public static string For(ServiceInfo service, string? executionEnvironment, string? appId)
    {
        var text = new StringBuilder(Sdk.Length + Platform.Length + 96)
            .Append(Sdk)
            .Append(" api/").Append(Token(service.ServiceId.Replace(' ', '-').ToLowerInvariant()))
            .Append('#').Append(Token(service.ApiVersion))
            .Append(' ').Append(Platform);
        if (!string.IsNullOrEmpty(executionEnvironment))
        {
            text.Append(" exec-env/").Append(Token(executionEnvironment));
        }

        if (!string.IsNullOrEmpty(appId))
        {
            text.Append(" app/").Append(appId);
        }

        return text.ToString();
    }

    /// <summary>Checks an app id: at most 50 characters, each one of an HTTP token.</summary>
    /// <exception cref="ArgumentException">It is longer, or has another character (a space, a slash, ...).</exception>
    public static string? ValidateAppId(string? appId, string source)
    {
        if (appId is null)
        {
            return null;
        }

        if (appId.Length == 0 || appId.Length > MaxAppIdLength || Token(appId) != appId)
        {
            throw new ArgumentException(
                "The app id from " + source + " must be 1 to " + MaxAppIdLength + " characters, each a letter, a digit or one of !#$%&'*+-.^_`|~.",
                "options");
        }

        return appId;
    }

    /// <summary>An app id from the environment: kept when valid, ignored otherwise (a bad variable must not stop a client).</summary>
    public static string? ValidateAppIdOrNull(string? appId) =>
        string.IsNullOrEmpty(appId) || appId.Length > MaxAppIdLength || Token(appId) != appId ? null : appId;

    /// <summary><paramref name="value"/> with every character that is not an HTTP token character replaced by <c>_</c>.</summary>
    internal static string Token(string value)
    {
        if (value.Length == 0)
        {
            return "unknown";
        }

        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!IsTokenChar(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private static string OsFamily() =>
        OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsAndroid() ? "android"
        : OperatingSystem.IsIOS() ? "ios"
        : "other";

    private static string OsVersion()
    {
        var version = Environment.OSVersion.Version;
        return version.Major <= 0 && version.Minor <= 0 ? string.Empty : "#" + Token(version.ToString(version.Build >= 0 ? 3 : 2));
    }
}
