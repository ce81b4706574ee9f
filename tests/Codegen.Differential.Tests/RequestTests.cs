#if CODEGEN_SHARED_MODELS
using System;
using Codegen.Differential.Tests.DynamoDb;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Differential.Tests.Kms;
using Codegen.Differential.Tests.Sqs;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Differential.Tests;

/// <summary>
/// The same requests, drawn from seeds, serialized by the AWS SDK for .NET's marshallers and by the generated
/// operations: the X-Amz-Target and Content-Type headers must be equal and the bodies equal as JSON.
/// </summary>
public sealed class RequestTests
{
    /// <summary>Cases per operation: KMS has 6 operations here and DynamoDB 7, so at least 300 cases per service.</summary>
    private const int CasesPerOperation = 50;

    /// <summary>SQS has 5 operations here: 300 cases.</summary>
    private const int SqsCasesPerOperation = 60;

    private readonly ITestOutputHelper _output;

    public RequestTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheOperationsCoverTheRequiredGround()
    {
        Assert.Superset(new System.Collections.Generic.HashSet<string> { "Encrypt", "Decrypt", "GenerateDataKey", "CreateKey", "ListKeys" }, new System.Collections.Generic.HashSet<string>(KmsRequests.Operations));
        Assert.Superset(new System.Collections.Generic.HashSet<string> { "PutItem", "GetItem", "Query", "BatchWriteItem", "UpdateItem", "TransactWriteItems" }, new System.Collections.Generic.HashSet<string>(DynamoDbRequests.Operations));
        Assert.Superset(new System.Collections.Generic.HashSet<string> { "SendMessage", "ReceiveMessage", "SendMessageBatch", "CreateQueue", "GetQueueAttributes" }, new System.Collections.Generic.HashSet<string>(SqsRequests.Operations));
        Assert.True(Math.Min(KmsRequests.Operations.Length, DynamoDbRequests.Operations.Length) * CasesPerOperation >= 300);
        Assert.True(SqsRequests.Operations.Length * SqsCasesPerOperation >= 300);
    }

    public static TheoryData<string> KmsOperations() => new(KmsRequests.Operations);

    [Theory]
    [MemberData(nameof(KmsOperations))]
    public void KmsRequestsMatchTheSdk(string operation) =>
        Cases.Run(_output, "kms-request-" + operation, CasesPerOperation, g => KmsRequests.Run(operation, g));

    public static TheoryData<string> DynamoDbOperations() => new(DynamoDbRequests.Operations);

    [Theory]
    [MemberData(nameof(DynamoDbOperations))]
    public void DynamoDbRequestsMatchTheSdk(string operation) =>
        Cases.Run(_output, "dynamodb-request-" + operation, CasesPerOperation, g => DynamoDbRequests.Run(operation, g));

    public static TheoryData<string> SqsOperations() => new(SqsRequests.Operations);

    [Theory]
    [MemberData(nameof(SqsOperations))]
    public void SqsRequestsMatchTheSdk(string operation) =>
        Cases.Run(_output, "sqs-request-" + operation, SqsCasesPerOperation, g => SqsRequests.Run(operation, g));
}
#endif
