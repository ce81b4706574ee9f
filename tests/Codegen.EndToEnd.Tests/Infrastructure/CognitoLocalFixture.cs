using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// cognito-local (it keeps its data in <c>.cognito/</c> under its working directory, a fresh temporary folder);
/// ready when <c>/health</c> answers 200.
/// </summary>
public sealed class CognitoLocalFixture : NodeServerFixture
{
    protected override string Name => "cognito-local";

    protected override void Configure(ProcessStartInfo start, int port)
    {
        start.ArgumentList.Add(NodeTooling.CognitoLocalStartScript);
        start.Environment["HOST"] = "127.0.0.1";
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
    }

    protected override async Task<bool> IsReadyAsync(HttpClient probe, Uri url)
    {
        using var response = await probe.GetAsync(new Uri(url, "health")).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
