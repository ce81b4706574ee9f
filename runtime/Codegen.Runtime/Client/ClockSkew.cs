using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;

namespace Codegen.Runtime.Client;

/// <summary>
/// The offset between this machine's clock and the service's, learnt from the <c>Date</c> header of a response that
/// rejected a request for its time (<c>RequestTimeTooSkewed</c>, <c>InvalidSignatureException</c>,
/// <c>SignatureDoesNotMatch</c>, ...), as the AWS SDKs do. Signing times are the local time plus this offset. One per
/// client; starts at zero.
/// </summary>
internal sealed class ClockSkew
{
    /// <summary>Error codes a service answers with when a request's signing time is too far from its own.</summary>
    internal static readonly HashSet<string> SkewErrorCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException",
        "SignatureDoesNotMatch", "AuthFailure", "InvalidSignature",
    };

    /// <summary>
    /// SigV4 accepts a signing time up to 5 minutes from the service's; a smaller difference cannot be the reason a
    /// request was refused, and is not corrected (a slow network would otherwise move the clock back and forth).
    /// </summary>
    internal static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(4);

    private long offsetTicks;

    /// <summary>What to add to the local time to get the service's.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>
    /// When <paramref name="error"/> is a clock-skew error and the response's <c>Date</c> is more than
    /// <see cref="Tolerance"/> from the corrected local time (<paramref name="clock"/>'s, read only then, plus
    /// <see cref="Offset"/>), learns the new offset and returns <see langword="true"/> (the request is worth one more
    /// attempt).
    /// </summary>
    public bool TryCorrect(AwsServiceException error, AwsHttpResponse response, TimeProvider clock)
    {
        if (!SkewErrorCodes.Contains(error.ErrorCode)
            || response.GetHeader("Date") is not { } date
            || !DateTimeOffset.TryParseExact(date.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var serverTime))
        {
            return false;
        }

        var offset = serverTime - clock.GetUtcNow();
        if ((offset - Offset).Duration() <= Tolerance)
        {
            return false;
        }

        Interlocked.Exchange(ref offsetTicks, offset.Ticks);
        return true;
    }
}
