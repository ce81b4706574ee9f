using System;

namespace Codegen.Runtime.Errors;

/// <summary>
/// An error response from an AWS service. Each generated service has a base exception deriving from this one,
/// and each modelled error shape an exception deriving from that; an error code the model does not know
/// arrives as the service's base exception with <see cref="ErrorCode"/> kept.
/// </summary>
public class AwsServiceException : Exception
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    public AwsServiceException(string errorCode, string? message, int statusCode, string? requestId)
        : base(string.IsNullOrEmpty(message) ? errorCode : message)
    {
        ErrorCode = errorCode ?? string.Empty;
        ErrorMessage = message;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>
    /// The normalised error code, e.g. <c>CodeMismatchException</c>: the code the response names. For a
    /// query-compatible service that is the code of the <c>x-amzn-query-error</c> header when there is one (the
    /// exception's type still follows the error's shape); readers set it when it differs from the code a typed
    /// exception is constructed with.
    /// </summary>
    public string ErrorCode { get; init; }

    /// <summary>The message the service sent, else the error code.</summary>
    public override string Message => string.IsNullOrEmpty(ErrorMessage) ? ErrorCode : ErrorMessage!;

    /// <summary>The message the service sent, if any.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The request id (<c>x-amzn-RequestId</c>), for AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// Whether the model marks this error as a server fault (as opposed to a client error).
    /// The base implementation answers from the status code.
    /// </summary>
    public virtual bool IsFault => StatusCode >= 500;

    /// <summary>Whether the model marks this error as throttling.</summary>
    public virtual bool IsThrottling => false;
}
