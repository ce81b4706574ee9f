using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Paging;
using Xunit;

namespace Codegen.Runtime.Tests.Paging;

/// <summary>
/// The paging loop of every generated paginator, over a fake service that serves pages of a list by token: every
/// item once, in order; a fresh start on each enumeration; the error on a repeated token; cancellation between
/// pages (no request is sent after it); and items and per-page values read from the pages.
/// </summary>
public class PaginatorTests
{
    private sealed record Request(string? Token, int Limit) : IEquatable<Request>;

    private sealed record Response(IReadOnlyList<int>? Items, string? NextToken, int? Count);

    /// <summary>Serves 0..total-1 in pages of <c>Limit</c>; the token is the index of the next item.</summary>
    private sealed class FakeService(int total)
    {
        public List<Request> Sent { get; } = [];

        public Func<Request, string?> NextToken { get; init; } = null!;

        public Task<Response> Send(Request request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Sent.Add(request);
            var start = request.Token is null ? 0 : int.Parse(request.Token, System.Globalization.CultureInfo.InvariantCulture);
            var items = Enumerable.Range(start, Math.Max(0, Math.Min(request.Limit, total - start))).ToList();
            var next = start + items.Count < total ? (start + items.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Response(items, NextToken is null ? next : NextToken(request), items.Count));
        }
    }

    private static Request? Next(Request request, Response response) =>
        string.IsNullOrEmpty(response.NextToken) ? null : request with { Token = response.NextToken };

    private static IAsyncEnumerable<Response> Pages(FakeService service, Request first) =>
        Paginator.Pages(first, service.Send, Next, "ListNumbers", "Token");

    [Fact]
    public async Task EveryItemOnceInOrderAcrossPages()
    {
        var service = new FakeService(23);

        var items = await Paginator.Items(Pages(service, new Request(null, 5)), static r => r.Items).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 23), items);
        Assert.Equal(new string?[] { null, "5", "10", "15", "20" }, service.Sent.Select(r => r.Token));
    }

    [Fact]
    public async Task EachEnumerationStartsAgainFromTheFirstRequest()
    {
        var service = new FakeService(7);
        var pages = Pages(service, new Request("2", 3));

        var first = await pages.CountAsync();
        var second = await pages.CountAsync();

        Assert.Equal(2, first);
        Assert.Equal(2, second);
        Assert.Equal(new string?[] { "2", "5", "2", "5" }, service.Sent.Select(r => r.Token));
    }

    [Fact]
    public async Task RepeatedTokenStopsWithAnErrorNamingTheOperationNotTheToken()
    {
        var service = new FakeService(100) { NextToken = static _ => "31337" }; // a service stuck on one token
        var seen = new List<Response>();

        var error = await Assert.ThrowsAsync<PaginationException>(async () =>
        {
            await foreach (var page in Pages(service, new Request(null, 10)))
            {
                seen.Add(page);
            }
        });

        Assert.Equal(2, seen.Count); // the first page, then the page asked for with the token, which returned it again
        Assert.Equal(2, error.Page);
        Assert.Equal("ListNumbers", error.Operation);
        Assert.Contains("ListNumbers", error.Message, StringComparison.Ordinal);
        Assert.Contains("Token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("31337", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationBetweenPagesSendsNoFurtherRequest()
    {
        var service = new FakeService(50);
        using var cancellation = new CancellationTokenSource();
        var pages = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in Paginator.Items(Pages(service, new Request(null, 10)), static r => r.Items).WithCancellation(cancellation.Token))
            {
                if (page % 10 == 9 && ++pages == 2)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(2, service.Sent.Count);
    }

    [Fact]
    public async Task PerPageValuesSkipPagesWithout()
    {
        var pages = new[] { new Response(null, "a", 3), new Response(null, "b", null), new Response(null, null, 4) };
        var index = 0;
        Task<Response> Send(Request request, CancellationToken cancellationToken) => Task.FromResult(pages[index++]);

        var counts = await Paginator.StructValues(Paginator.Pages(new Request(null, 1), Send, Next, "Op", "Token"), static r => r.Count).ToListAsync();

        Assert.Equal(new[] { 3, 4 }, counts);
    }
}
