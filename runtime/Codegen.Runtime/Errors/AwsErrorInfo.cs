namespace Codegen.Runtime.Errors;

/// <summary>
/// What an error response says about itself, whatever its protocol: the code to report, the code that names the
/// error's shape (to choose the exception type) and the message. Each protocol's error reader produces one.
/// </summary>
/// <param name="Code">
/// The normalised code to report (<see cref="AwsServiceException.ErrorCode"/>), or <c>Unknown</c> when the response
/// names none.
/// </param>
/// <param name="Message">The message, if the response has one.</param>
public readonly record struct AwsErrorInfo(string Code, string? Message)
{
    /// <summary>The code reported when a response names no error.</summary>
    public const string UnknownCode = "Unknown";

    /// <summary>
    /// The normalised code that names the error's shape, for choosing the exception type. It differs from
    /// <see cref="Code"/> only where a protocol reports another code than the one that names the shape (a
    /// query-compatible JSON service's <c>x-amzn-query-error</c> code, e.g. <c>AWS.SimpleQueueService.NonExistentQueue</c>
    /// for the shape <c>QueueDoesNotExist</c>).
    /// </summary>
    public string TypeCode { get; init; } = Code;
}
