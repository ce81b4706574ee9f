namespace Codegen.Runtime.Operations;

/// <summary>The wire protocols of AWS services (Smithy's protocol traits; botocore's names in brackets).</summary>
public enum AwsProtocol
{
    /// <summary><c>aws.protocols#awsJson1_0</c> (botocore <c>json</c>, <c>jsonVersion</c> 1.0).</summary>
    AwsJson1_0,

    /// <summary><c>aws.protocols#awsJson1_1</c> (botocore <c>json</c>, <c>jsonVersion</c> 1.1).</summary>
    AwsJson1_1,

    /// <summary><c>aws.protocols#restJson1</c> (botocore <c>rest-json</c>).</summary>
    RestJson1,

    /// <summary><c>aws.protocols#restXml</c> (botocore <c>rest-xml</c>).</summary>
    RestXml,

    /// <summary><c>aws.protocols#awsQuery</c> (botocore <c>query</c>).</summary>
    AwsQuery,

    /// <summary><c>aws.protocols#ec2Query</c> (botocore <c>ec2</c>).</summary>
    Ec2Query,

    /// <summary><c>smithy.protocols#rpcv2Cbor</c> (botocore <c>smithy-rpc-v2-cbor</c>).</summary>
    RpcV2Cbor,
}
