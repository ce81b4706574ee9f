namespace Codegen.Runtime.Client;

/// <summary>
/// The endpoint settings of Amazon S3 and S3 Control (the S3 rule sets' built-in and client context parameters).
/// Other services ignore them. Bindable from configuration (an <c>S3</c> section under the client's).
/// </summary>
public sealed record S3Options
{
    /// <summary>
    /// Path-style addressing (<c>https://s3.{region}.amazonaws.com/{bucket}/{key}</c>) instead of virtual-hosted style
    /// (<c>https://{bucket}.s3.{region}.amazonaws.com/{key}</c>); the rules use path style anyway where a bucket name
    /// cannot be a host name. The shared config's <c>addressing_style = path</c>. Default <see langword="false"/>.
    /// </summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>S3 Transfer Acceleration endpoints (<c>{bucket}.s3-accelerate.amazonaws.com</c>). Default <see langword="false"/>.</summary>
    public bool UseAccelerateEndpoint { get; set; }

    /// <summary>
    /// Whether a bucket or access point ARN in another region than the client's is sent to the ARN's region
    /// (<see langword="true"/>) or refused (<see langword="false"/>); <see langword="null"/> leaves it to the rules.
    /// </summary>
    public bool? UseArnRegion { get; set; }

    /// <summary>Refuse multi-region access point ARNs. Default <see langword="false"/>.</summary>
    public bool DisableMultiRegionAccessPoints { get; set; }

    /// <summary>
    /// Do not use S3 Express One Zone session authentication for directory buckets; <see langword="null"/> leaves it to
    /// the rules. (This runtime cannot sign with the S3 Express scheme; a call that needs it fails before sending.)
    /// </summary>
    public bool? DisableS3ExpressSessionAuth { get; set; }
}
