using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using Codegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// The s3rver fixture works: the emulator starts and answers ListBuckets (<c>GET /</c>) with its XML bucket list.
/// The S3 end-to-end tests (restXml) build on it.
/// </summary>
public sealed class S3rverFixtureTests : IClassFixture<S3rverFixture>
{
    private readonly S3rverFixture s3rver;

    public S3rverFixtureTests(S3rverFixture s3rver) => this.s3rver = s3rver;

    [SkippableFact]
    public async Task S3rverAnswersListBucketsWithItsXmlBucketList()
    {
        var endpoint = await s3rver.GetEndpointAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(endpoint);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {body}\n{s3rver.Log}");
        var document = XDocument.Parse(body);
        // s3rver 3.7.1 writes its own namespace, not the one AWS uses (http://s3.amazonaws.com/doc/2006-03-01/):
        // XML readers of the S3 tests must not insist on it.
        XNamespace s3 = "http://doc.s3.amazonaws.com/2006-03-01/";
        Assert.Equal(s3 + "ListAllMyBucketsResult", document.Root!.Name);
        Assert.NotNull(document.Root.Element(s3 + "Buckets"));
        Assert.Empty(document.Root.Element(s3 + "Buckets")!.Elements());
    }
}
