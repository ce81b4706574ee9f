using System;

namespace Codegen.Runtime.Http;

/// <summary>
/// The HttpClient a caller supplied followed a redirect to another address. Signed AWS requests are never
/// redirected (a 3xx from AWS is an error, e.g. a bucket in another region); the call fails and is not retried.
/// Only the hosts are named: paths and queries may hold data.
/// </summary>
public sealed class AwsRedirectRefusedException : Exception
{
    /// <summary>Creates the exception for <paramref name="operation"/>, sent to <paramref name="sent"/> and answered from <paramref name="answered"/>.</summary>
    public AwsRedirectRefusedException(string operation, Uri sent, Uri answered)
        : base(operation + ": the supplied HttpClient followed a redirect from " + sent.Host + " to " + answered.Host
            + "; signed requests must not be redirected. Give the HttpClient a handler with AllowAutoRedirect = false.")
    {
        SentHost = sent.Host;
        AnsweredHost = answered.Host;
    }

    /// <summary>The host the request was sent to.</summary>
    public string SentHost { get; }

    /// <summary>The host that answered after the redirect.</summary>
    public string AnsweredHost { get; }
}
