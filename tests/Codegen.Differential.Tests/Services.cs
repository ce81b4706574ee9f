#if CODEGEN_SHARED_MODELS
using System;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Generated.DynamoDb;
using Generated.Kms;
using Generated.Sqs;
using Generated.Sso;
using Generated.SsoOidc;
using DynamoDbWire = Amazon.DynamoDBv2.Model.Internal.MarshallTransformations;
using KmsWire = Amazon.KeyManagementService.Model.Internal.MarshallTransformations;
using SqsWire = Amazon.SQS.Model.Internal.MarshallTransformations;
using SsoOidcWire = Amazon.SSOOIDC.Model.Internal.MarshallTransformations;
using SsoWire = Amazon.SSO.Model.Internal.MarshallTransformations;

namespace Codegen.Differential.Tests;

/// <summary>The services on both sides, for the response and error cases.</summary>
internal static class Services
{
    private static readonly Lazy<ServicePair> LazyKms = new(() => new ServicePair(
        "KMS",
        BotocoreModel.Load("kms", "2014-11-01"),
        "application/x-amz-json-1.1",
        QueryCompatible: false,
        "AmazonKeyManagementServiceException",
        nameof(KMSException),
        new[]
        {
            OperationPair.Of("Encrypt", KmsWire.EncryptResponseUnmarshaller.Instance, KMSOperations.Encrypt),
            OperationPair.Of("Decrypt", KmsWire.DecryptResponseUnmarshaller.Instance, KMSOperations.Decrypt),
            OperationPair.Of("GenerateDataKey", KmsWire.GenerateDataKeyResponseUnmarshaller.Instance, KMSOperations.GenerateDataKey),
            OperationPair.Of("CreateKey", KmsWire.CreateKeyResponseUnmarshaller.Instance, KMSOperations.CreateKey),
            OperationPair.Of("ListKeys", KmsWire.ListKeysResponseUnmarshaller.Instance, KMSOperations.ListKeys),
            OperationPair.Of("ImportKeyMaterial", KmsWire.ImportKeyMaterialResponseUnmarshaller.Instance, KMSOperations.ImportKeyMaterial),
        }));

    private static readonly Lazy<ServicePair> LazyDynamoDb = new(() => new ServicePair(
        "DynamoDB",
        BotocoreModel.Load("dynamodb", "2012-08-10"),
        "application/x-amz-json-1.0",
        QueryCompatible: false,
        "AmazonDynamoDBException",
        nameof(DynamoDBException),
        new[]
        {
            OperationPair.Of("PutItem", DynamoDbWire.PutItemResponseUnmarshaller.Instance, DynamoDBOperations.PutItem),
            OperationPair.Of("GetItem", DynamoDbWire.GetItemResponseUnmarshaller.Instance, DynamoDBOperations.GetItem),
            OperationPair.Of("Query", DynamoDbWire.QueryResponseUnmarshaller.Instance, DynamoDBOperations.Query),
            OperationPair.Of("BatchWriteItem", DynamoDbWire.BatchWriteItemResponseUnmarshaller.Instance, DynamoDBOperations.BatchWriteItem),
            OperationPair.Of("UpdateItem", DynamoDbWire.UpdateItemResponseUnmarshaller.Instance, DynamoDBOperations.UpdateItem),
            OperationPair.Of("TransactWriteItems", DynamoDbWire.TransactWriteItemsResponseUnmarshaller.Instance, DynamoDBOperations.TransactWriteItems),
            OperationPair.Of("ListBackups", DynamoDbWire.ListBackupsResponseUnmarshaller.Instance, DynamoDBOperations.ListBackups),
        }));

    private static readonly Lazy<ServicePair> LazySqs = new(() => new ServicePair(
        "SQS",
        BotocoreModel.Load("sqs", "2012-11-05"),
        "application/x-amz-json-1.0",
        QueryCompatible: true,
        "AmazonSQSException",
        nameof(SQSException),
        new[]
        {
            OperationPair.Of("SendMessage", SqsWire.SendMessageResponseUnmarshaller.Instance, SQSOperations.SendMessage),
            OperationPair.Of("ReceiveMessage", SqsWire.ReceiveMessageResponseUnmarshaller.Instance, SQSOperations.ReceiveMessage),
            OperationPair.Of("SendMessageBatch", SqsWire.SendMessageBatchResponseUnmarshaller.Instance, SQSOperations.SendMessageBatch),
            OperationPair.Of("CreateQueue", SqsWire.CreateQueueResponseUnmarshaller.Instance, SQSOperations.CreateQueue),
            OperationPair.Of("GetQueueAttributes", SqsWire.GetQueueAttributesResponseUnmarshaller.Instance, SQSOperations.GetQueueAttributes),
        }));

    private static readonly Lazy<ServicePair> LazySso = new(() => new ServicePair(
        "SSO",
        BotocoreModel.Load("sso", "2019-06-10"),
        "application/json",
        QueryCompatible: false,
        "AmazonSSOException",
        nameof(SSOException),
        new[]
        {
            OperationPair.Of("GetRoleCredentials", SsoWire.GetRoleCredentialsResponseUnmarshaller.Instance, SSOOperations.GetRoleCredentials),
            OperationPair.Of("ListAccountRoles", SsoWire.ListAccountRolesResponseUnmarshaller.Instance, SSOOperations.ListAccountRoles),
            OperationPair.Of("ListAccounts", SsoWire.ListAccountsResponseUnmarshaller.Instance, SSOOperations.ListAccounts),
            OperationPair.Of("Logout", SsoWire.LogoutResponseUnmarshaller.Instance, SSOOperations.Logout),
        }));

    private static readonly Lazy<ServicePair> LazySsoOidc = new(() => new ServicePair(
        "SSOOIDC",
        BotocoreModel.Load("sso-oidc", "2019-06-10"),
        "application/json",
        QueryCompatible: false,
        "AmazonSSOOIDCException",
        nameof(SSOOIDCException),
        new[]
        {
            OperationPair.Of("CreateToken", SsoOidcWire.CreateTokenResponseUnmarshaller.Instance, SSOOIDCOperations.CreateToken),
            OperationPair.Of("CreateTokenWithIAM", SsoOidcWire.CreateTokenWithIAMResponseUnmarshaller.Instance, SSOOIDCOperations.CreateTokenWithIAM),
            OperationPair.Of("RegisterClient", SsoOidcWire.RegisterClientResponseUnmarshaller.Instance, SSOOIDCOperations.RegisterClient),
            OperationPair.Of("StartDeviceAuthorization", SsoOidcWire.StartDeviceAuthorizationResponseUnmarshaller.Instance, SSOOIDCOperations.StartDeviceAuthorization),
        }));

    public static ServicePair Kms => LazyKms.Value;

    public static ServicePair DynamoDb => LazyDynamoDb.Value;

    public static ServicePair Sqs => LazySqs.Value;

    public static ServicePair Sso => LazySso.Value;

    public static ServicePair SsoOidc => LazySsoOidc.Value;

    public static ServicePair Get(string name) => name switch
    {
        "kms" => Kms,
        "dynamodb" => DynamoDb,
        "sqs" => Sqs,
        "sso" => Sso,
        "sso-oidc" => SsoOidc,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
#endif
