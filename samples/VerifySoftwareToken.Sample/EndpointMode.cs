using System;
using System.Threading.Tasks;

namespace Sample;

/// <summary>
/// The sample's endpoint mode: <c>--endpoint URL</c> runs the TOTP MFA flow against that endpoint; with
/// <c>--profile NAME</c> the client is built with no credentials and no region, and finds both in that profile of
/// the shared config files (<c>~/.aws/config</c>, <c>~/.aws/credentials</c>), as any AWS SDK would.
/// </summary>
internal static class EndpointMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? profile = null;
        if (args.Length == 4 && args[2] == "--profile" && args[3].Length > 0)
        {
            profile = args[3];
        }

        if ((args.Length != 2 && profile is null) || args[0] != "--endpoint"
            || !Uri.TryCreate(args[1], UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            Console.Error.WriteLine("usage: VerifySoftwareToken.Sample [--endpoint http://127.0.0.1:9229 [--profile NAME]]");
            Console.Error.WriteLine("  without arguments: builds a VerifySoftwareToken request and prints it (no network)");
            Console.Error.WriteLine("  --endpoint URL:    runs the TOTP MFA flow against a Cognito endpoint such as cognito-local");
            Console.Error.WriteLine("  --profile NAME:    takes the credentials and the region from that profile of ~/.aws/config and ~/.aws/credentials");
            return 2;
        }

#if CODEGEN_SHARED_MODELS
        return await MfaFlow.RunAsync(endpoint, profile);
#else
        await Task.CompletedTask;
        Console.Error.WriteLine(
            "--endpoint needs the full Cognito model (models/botocore/cognito-idp/2016-04-18/service-2.json in the shared data), "
            + "which was not found when the sample was built: put the shared data at ../shared beside the repository or set "
            + "CODEGEN_SHARED_DIR, then build the sample again.");
        return 1;
#endif
    }
}
