using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Protocols.Json;

namespace Codegen.Runtime.Protocols.AwsJson;

/// <summary>Reads the error code and message of an awsJson (1.0 / 1.1) error response.</summary>
public static class AwsJsonErrors
{
    /// <summary>
    /// The code comes from <c>__type</c> (or <c>code</c>) in the body, else from the <c>x-amzn-ErrorType</c>
    /// header, normalised (<see cref="ErrorCodes.Normalize"/>); the message from <c>message</c>, <c>Message</c> or
    /// <c>errorMessage</c>. A body that is not JSON is tolerated: the header still names the error. For a
    /// query-compatible service (<paramref name="queryCompatible"/>) the code of the <c>x-amzn-query-error</c> header
    /// is the one reported, while <see cref="AwsErrorInfo.TypeCode"/> keeps the code that names the shape.
    /// </summary>
    public static AwsErrorInfo Read(AwsHttpResponse response, bool queryCompatible = false)
    {
        var body = JsonErrorBody.Read(response.Body.Span);
        var typeCode = ErrorCodes.NormalizeOrNull(body.Type ?? body.Code ?? response.GetHeader("x-amzn-ErrorType"));
        var queryCode = queryCompatible ? ErrorCodes.QueryCompatibleCode(response) : null;
        return new AwsErrorInfo(queryCode ?? typeCode ?? AwsErrorInfo.UnknownCode, body.Message)
        {
            TypeCode = typeCode ?? queryCode ?? AwsErrorInfo.UnknownCode,
        };
    }
}
