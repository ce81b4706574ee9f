using System;

namespace Codegen.Runtime.Endpoints;

/// <summary>
/// The service's endpoint rules give no endpoint for these parameters: an error rule matched (the message is the
/// rule's text, e.g. <c>Invalid Configuration: FIPS and custom endpoint are not supported</c>) or no rule did.
/// </summary>
public class EndpointResolutionException : InvalidOperationException
{
    /// <summary>Creates the exception with the rule's message.</summary>
    public EndpointResolutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public EndpointResolutionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
