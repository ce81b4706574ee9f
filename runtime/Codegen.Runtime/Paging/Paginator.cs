using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Paging;

/// <summary>
/// The loop behind every generated paginator (<c>client.ListTablesPaginator(request)</c>): send a request, hand
/// out the response, build the next request from the response's tokens, and stop when there is none. The generated
/// code supplies what is particular to the operation (how to send, how to read the tokens, which items a page holds).
/// </summary>
public static class Paginator
{
    /// <summary>
    /// The responses of <paramref name="first"/> and of each request that follows it. Enumerating again starts again
    /// from <paramref name="first"/>. Cancellation (the enumerator's token) is checked before every request.
    /// </summary>
    /// <param name="first">The first request, as the caller made it (its token members start the paging).</param>
    /// <param name="send">Sends one request.</param>
    /// <param name="next">The request for the page after <c>response</c>, or null when <c>response</c> is the last page.</param>
    /// <param name="operation">The operation's name, for the exception.</param>
    /// <param name="tokens">The input token members, for the exception.</param>
    /// <param name="cancellationToken">Stops the paging; also passed to every request.</param>
    /// <exception cref="PaginationException">A response carried the token its own request was sent with.</exception>
    public static async IAsyncEnumerable<TResponse> Pages<TRequest, TResponse>(
        TRequest first,
        Func<TRequest, CancellationToken, Task<TResponse>> send,
        Func<TRequest, TResponse, TRequest?> next,
        string operation,
        string tokens,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IEquatable<TRequest>
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(next);
        var request = first;
        for (var page = 1; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await send(request, cancellationToken).ConfigureAwait(false);
            yield return response;

            var following = next(request, response);
            if (following is null)
            {
                yield break;
            }

            // Requests differ only in their token members, so an equal request means the token came back unchanged.
            if (following.Equals(request))
            {
                throw new PaginationException(operation, tokens, page);
            }

            request = following;
        }
    }

    /// <summary>The items of every page, in order: the list <paramref name="items"/> reads from each page (a page without it has none).</summary>
    public static async IAsyncEnumerable<TItem> Items<TResponse, TItem>(
        IAsyncEnumerable<TResponse> pages,
        Func<TResponse, IReadOnlyList<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(items);
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (items(page) is { } list)
            {
                foreach (var item in list)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>A value <paramref name="value"/> reads from each page (a result key that is not a list), for the pages that have it.</summary>
    public static async IAsyncEnumerable<TValue> Values<TResponse, TValue>(
        IAsyncEnumerable<TResponse> pages,
        Func<TResponse, TValue?> value,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(value);
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (value(page) is { } found)
            {
                yield return found;
            }
        }
    }

    /// <summary>A value <paramref name="value"/> reads from each page (a result key that is not a list), for the pages that have it.</summary>
    public static async IAsyncEnumerable<TValue> StructValues<TResponse, TValue>(
        IAsyncEnumerable<TResponse> pages,
        Func<TResponse, TValue?> value,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TValue : struct
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(value);
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (value(page) is { } found)
            {
                yield return found;
            }
        }
    }
}
