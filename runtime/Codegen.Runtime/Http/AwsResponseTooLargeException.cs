using System;
using System.Globalization;

namespace Codegen.Runtime.Http;

/// <summary>
/// A response body was larger than <see cref="Client.AwsClientOptions.MaxResponseBodyBytes"/>, the most the client
/// buffers in memory. The call is not retried (the same request would get the same body); nothing of the body is
/// kept or quoted.
/// </summary>
public sealed class AwsResponseTooLargeException : Exception
{
    /// <summary>Creates the exception for an operation whose response exceeded <paramref name="limit"/> bytes.</summary>
    public AwsResponseTooLargeException(string operation, long limit, long? declaredLength)
        : base(operation + ": the response body is larger than the limit of "
            + limit.ToString(CultureInfo.InvariantCulture) + " bytes (AwsClientOptions.MaxResponseBodyBytes)"
            + (declaredLength is { } length ? "; its Content-Length is " + length.ToString(CultureInfo.InvariantCulture) : string.Empty)
            + ". It was not retried.")
    {
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long Limit { get; }

    /// <summary>The body's <c>Content-Length</c> when the server declared one that was too large; otherwise <see langword="null"/>.</summary>
    public long? DeclaredLength { get; }
}
