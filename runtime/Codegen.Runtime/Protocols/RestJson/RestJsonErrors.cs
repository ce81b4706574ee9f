using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Protocols.Json;

namespace Codegen.Runtime.Protocols.RestJson;

/// <summary>Reads the error code and message of a restJson1 error response.</summary>
public static class RestJsonErrors
{
    /// <summary>
    /// The code comes from the <c>x-amzn-ErrorType</c> header, else from <c>code</c> (or <c>Code</c>) in the body,
    /// else from <c>__type</c>, normalised (<see cref="ErrorCodes.Normalize"/>: <c>namespace#</c> and <c>:http...</c>
    /// dropped); the message from <c>message</c>, <c>Message</c> or <c>errorMessage</c>. A body that is not JSON is
    /// tolerated.
    /// </summary>
    public static AwsErrorInfo Read(AwsHttpResponse response)
    {
        var body = JsonErrorBody.Read(response.Body.Span);
        var code = ErrorCodes.NormalizeOrNull(response.GetHeader("x-amzn-ErrorType"))
            ?? ErrorCodes.NormalizeOrNull(body.Code)
            ?? ErrorCodes.NormalizeOrNull(body.Type);
        return new AwsErrorInfo(code ?? AwsErrorInfo.UnknownCode, body.Message);
    }
}
