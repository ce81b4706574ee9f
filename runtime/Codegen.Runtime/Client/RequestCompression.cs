using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using Codegen.Runtime.Configuration;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;

namespace Codegen.Runtime.Client;

/// <summary>When the client compresses request bodies: the client's options, else the environment, else the profile.</summary>
/// <param name="Disabled">No request is compressed.</param>
/// <param name="MinSizeBytes">A body shorter than this is sent as it is (0 to 10,485,760; default 10,240).</param>
internal sealed record RequestCompressionSettings(bool Disabled, int MinSizeBytes)
{
    public const int DefaultMinSizeBytes = 10_240;

    public const int MaxMinSizeBytes = 10_485_760;

    public const string DisableVariable = "AWS_DISABLE_REQUEST_COMPRESSION";

    public const string MinSizeVariable = "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES";

    public static RequestCompressionSettings Default { get; } = new(false, DefaultMinSizeBytes);

    /// <summary>The settings from the options, the variables and the profile (the AWS SDKs' keys), each checked.</summary>
    /// <exception cref="AwsConfigurationException">A variable or profile value is not a boolean or a size in range.</exception>
    public static RequestCompressionSettings Resolve(bool? disable, int? minSizeBytes, string? profileName, AwsEnvironment environment)
    {
        ValidateOption(minSizeBytes);
        AwsConfigSection? profile = null;
        if (disable is null && environment.GetVariable(DisableVariable) is null
            || minSizeBytes is null && environment.GetVariable(MinSizeVariable) is null)
        {
            profile = AwsSharedConfig.Load(environment).GetProfile(AwsSharedConfig.SelectProfileName(environment, profileName));
        }

        var disabled = disable
            ?? Boolean(environment.GetVariable(DisableVariable), DisableVariable)
            ?? Boolean(profile?["disable_request_compression"], "disable_request_compression (" + profile?.TryGet("disable_request_compression") + ")")
            ?? false;
        var minSize = minSizeBytes
            ?? Size(environment.GetVariable(MinSizeVariable), MinSizeVariable)
            ?? Size(profile?["request_min_compression_size_bytes"], "request_min_compression_size_bytes (" + profile?.TryGet("request_min_compression_size_bytes") + ")")
            ?? DefaultMinSizeBytes;
        return new RequestCompressionSettings(disabled, minSize);
    }

    /// <summary>Refuses a size option out of range (when the client is made).</summary>
    public static void ValidateOption(int? minSizeBytes)
    {
        if (minSizeBytes is { } given && (given < 0 || given > MaxMinSizeBytes))
        {
            throw new ArgumentException("RequestMinCompressionSizeBytes must be from 0 to " + MaxMinSizeBytes.ToString(CultureInfo.InvariantCulture) + ".", "options");
        }
    }

    private static bool? Boolean(string? text, string source) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw new AwsConfigurationException(source + " must be true or false."),
    };

    private static int? Size(string? text, string source)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size <= MaxMinSizeBytes
            ? size
            : throw new AwsConfigurationException(source + " must be a whole number of bytes from 0 to " + MaxMinSizeBytes.ToString(CultureInfo.InvariantCulture) + ".");
    }
}

/// <summary>
/// Request compression (the <c>requestCompression</c> trait, e.g. CloudWatch PutMetricData): a buffered body at least
/// <see cref="RequestCompressionSettings.MinSizeBytes"/> long is gzip-compressed, once, before it is checksummed and
/// signed, and the encoding is appended to <c>Content-Encoding</c> (after one the request already names). Streaming
/// bodies are sent as they are: compressing them would need aws-chunked framing the services do not all take.
/// </summary>
internal static class RequestCompression
{
    public static AwsHttpRequest Apply(OperationInfo info, AwsHttpRequest request, RequestCompressionSettings settings)
    {
        if (info.RequestCompression != "gzip" || settings.Disabled || request.BodyStream is not null || request.Body.Length < settings.MinSizeBytes)
        {
            return request;
        }

        byte[] compressed;
        using (var buffer = new MemoryStream(request.Body.Length / 4 + 64))
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(request.Body.Span);
            }

            compressed = buffer.ToArray();
        }

        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count + 1);
        var named = false;
        foreach (var header in request.Headers)
        {
            if (header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(header.Key, header.Value.Length == 0 ? "gzip" : header.Value + ", gzip"));
                named = true;
            }
            else
            {
                headers.Add(header);
            }
        }

        if (!named)
        {
            headers.Add(new("Content-Encoding", "gzip"));
        }

        return new AwsHttpRequest(request.Method, request.Path, headers, compressed)
        {
            HostPrefix = request.HostPrefix,
            RequiresLength = request.RequiresLength,
        };
    }
}
