namespace Codegen.Runtime.Errors;

/// <summary>Normalises wire error codes the way the AWS SDKs do.</summary>
public static class ErrorCodes
{
    /// <summary>
    /// Drops a <c>namespace#</c> prefix and a <c>:...</c> suffix, e.g.
    /// <c>aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/...</c> gives <c>FooError</c>.
    /// </summary>
    public static string Normalize(string code)
    {
        var colon = code.IndexOf(':');
        if (colon >= 0)
        {
            code = code.Substring(0, colon);
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code.Substring(hash + 1);
        }

        return code.Trim();
    }

    /// <summary>
    /// <see cref="Normalize"/> for a code that may be absent: <see langword="null"/> for <see langword="null"/>, an
    /// empty code or one that normalises to nothing.
    /// </summary>
    public static string? NormalizeOrNull(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var normalized = Normalize(code!);
        return normalized.Length == 0 ? null : normalized;
    }

    /// <summary>
    /// The awsQuery code a query-compatible service (one that moved from awsQuery to a JSON or CBOR protocol) names
    /// in <c>x-amzn-query-error: Code;Sender</c>, normalised; <see langword="null"/> without the header.
    /// </summary>
    public static string? QueryCompatibleCode(Http.AwsHttpResponse response)
    {
        if (response.GetHeader("x-amzn-query-error") is not { } queryError)
        {
            return null;
        }

        var semicolon = queryError.IndexOf(';');
        return NormalizeOrNull(semicolon >= 0 ? queryError.Substring(0, semicolon) : queryError);
    }
}
