using System;

namespace Codegen.Runtime.Paging;

/// <summary>
/// A paginated operation returned, for the next page, the token it had just been given: following it would read the
/// same page again, forever. The paginator stops with this exception (as botocore does) instead of looping.
/// </summary>
/// <remarks>The message names the operation and the token members, never the token values.</remarks>
public sealed class PaginationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation, e.g. <c>ListTables</c>.</param>
    /// <param name="tokens">The input members that carry the token, e.g. <c>ExclusiveStartTableName</c>.</param>
    /// <param name="page">The 1-based number of the page whose response repeated the token.</param>
    public PaginationException(string operation, string tokens, int page)
        : base($"{operation} returned the same pagination token ({tokens}) that page {page} was requested with; the next page would repeat it, so paging stops.")
    {
        Operation = operation;
        Page = page;
    }

    /// <summary>The operation being paginated.</summary>
    public string Operation { get; }

    /// <summary>The 1-based number of the page whose response repeated its own token.</summary>
    public int Page { get; }
}
