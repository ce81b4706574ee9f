using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// s3rver (the S3 emulator, npm <c>s3rver</c> 3.7.1), keeping its buckets in <c>buckets/</c> under its temporary
/// working folder; ready when ListBuckets (<c>GET /</c>) answers 200. Path-style requests go to the endpoint
/// (<c>http://127.0.0.1:{port}/{bucket}/{key}</c>); s3rver also accepts virtual-hosted ones (<c>{bucket}.localhost</c>)
/// with its default service endpoint. Signatures are checked against its default credentials
/// (<see cref="AccessKeyId"/>, <see cref="SecretAccessKey"/>).
/// </summary>
public sealed class S3rverFixture : NodeServerFixture
{
    /// <summary>The access key s3rver accepts (its default account).</summary>
    public const string AccessKeyId = "S3RVER";

    /// <summary>The secret key of that account.</summary>
    public const string SecretAccessKey = "S3RVER";

    protected override string Name => "s3rver";

    protected override void Configure(ProcessStartInfo start, int port)
    {
        start.ArgumentList.Add(NodeTooling.S3rverScript);
        start.ArgumentList.Add("--directory");
        start.ArgumentList.Add(Path.Combine(start.WorkingDirectory, "buckets"));
        start.ArgumentList.Add("--address");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--silent");
    }

    protected override async Task<bool> IsReadyAsync(HttpClient probe, Uri url)
    {
        using var response = await probe.GetAsync(url).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
