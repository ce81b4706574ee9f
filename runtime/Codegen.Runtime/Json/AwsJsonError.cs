using System;
using System.Text.Json;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;

namespace Codegen.Runtime.Json;

/// <summary>The error code and message of an awsJson error response.</summary>
/// <param name="Code">
/// The normalised code to report (<see cref="AwsServiceException.ErrorCode"/>), or <c>Unknown</c> when the response
/// names none.
/// </param>
/// <param name="Message">The message, if the body has one.</param>
public readonly record struct AwsJsonError(string Code, string? Message)
{
    /// <summary>
    /// The normalised code that names the error's shape, for choosing the exception type: the code of <c>__type</c>
    /// (or <c>code</c>, or the <c>x-amzn-ErrorType</c> header). It differs from <see cref="Code"/> only for a
    /// query-compatible service, whose <c>x-amzn-query-error</c> header gives the code to report (the error's
    /// awsQuery code, e.g. <c>AWS.SimpleQueueService.NonExistentQueue</c> for the shape <c>QueueDoesNotExist</c>);
    /// when nothing else names the error, that code is used here too.
    /// </summary>
    public string TypeCode { get; init; } = Code;

    /// <summary>
    /// Reads the error code from <c>__type</c> (or <c>code</c>) in the body, else from the
    /// <c>x-amzn-ErrorType</c> header, normalised; for query-compatible services the code in
    /// <c>x-amzn-query-error</c> is the one reported when <paramref name="queryCompatible"/> is set, while
    /// <see cref="TypeCode"/> keeps the code that names the shape. The message comes from <c>message</c> or
    /// <c>Message</c>. A body that is not JSON is tolerated: the header still names the error.
    /// </summary>
    public static AwsJsonError Read(AwsHttpResponse response, bool queryCompatible = false)
    {
        string? code = null;
        string? message = null;
        if (!response.Body.IsEmpty)
        {
            try
            {
                var reader = new Utf8JsonReader(response.Body.Span, JsonWireReader.ReaderOptions);
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isType = reader.ValueTextEquals("__type"u8);
                        var isCode = !isType && reader.ValueTextEquals("code"u8);
                        var isMessage = reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("Message"u8) || reader.ValueTextEquals("errorMessage"u8);
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            if (isType || (isCode && code is null))
                            {
                                code = reader.GetString();
                            }
                            else if (isMessage && message is null)
                            {
                                message = reader.GetString();
                            }
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // The code may still be in the header; the message is lost either way.
            }
        }

        if (string.IsNullOrEmpty(code))
        {
            code = response.GetHeader("x-amzn-ErrorType");
        }

        var typeCode = string.IsNullOrEmpty(code) ? null : ErrorCodes.Normalize(code!);
        if (typeCode is { Length: 0 })
        {
            typeCode = null;
        }

        string? queryCode = null;
        if (queryCompatible && response.GetHeader("x-amzn-query-error") is { } queryError)
        {
            var semicolon = queryError.IndexOf(';');
            queryCode = ErrorCodes.Normalize(semicolon >= 0 ? queryError.Substring(0, semicolon) : queryError);
            if (queryCode.Length == 0)
            {
                queryCode = null;
            }
        }

        return new AwsJsonError(queryCode ?? typeCode ?? "Unknown", message) { TypeCode = typeCode ?? queryCode ?? "Unknown" };
    }
}
