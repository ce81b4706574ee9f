#if CODEGEN_SHARED_MODELS
// Deprecated members (e.g. CustomerMasterKeySpec) are still on the wire, so both sides are exercised with them.
#pragma warning disable CS0612, CS0618
using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Generated.Kms;
using Sdk = Amazon.KeyManagementService;
using SdkModel = Amazon.KeyManagementService.Model;
using SdkWireForms = Amazon.KeyManagementService.Model.Internal.MarshallTransformations;

namespace Codegen.Differential.Tests.Kms;

/// <summary>
/// KMS (awsJson 1.1) request cases: each draws a neutral description of a request (plain .NET values) from the seed,
/// builds it with the SDK's request type and with the generated one (constructor for the required members,
/// <c>With*</c> for the rest), and compares what the two serializers send.
/// </summary>
internal static class KmsRequests
{
    public static readonly string[] Operations = { "Encrypt", "Decrypt", "GenerateDataKey", "CreateKey", "ListKeys", "ImportKeyMaterial" };

    private static readonly string[] EncryptionAlgorithms = Known(EncryptionAlgorithmSpec.Known);
    private static readonly string[] DataKeySpecs = Known(DataKeySpec.Known);
    private static readonly string[] KeyEncryptionMechanisms = Known(KeyEncryptionMechanism.Known);
    private static readonly string[] DryRunModifiers = Known(DryRunModifierType.Known);
    private static readonly string[] KeyUsages = Known(KeyUsageType.Known);
    private static readonly string[] MasterKeySpecs = Known(CustomerMasterKeySpec.Known);
    private static readonly string[] KeySpecs = Known(KeySpec.Known);
    private static readonly string[] Origins = Known(OriginType.Known);
    private static readonly string[] ExpirationModels = Known(ExpirationModelType.Known);
    private static readonly string[] ImportTypes = Known(ImportType.Known);

    public static IReadOnlyList<string> Run(string operation, Gen g) => operation switch
    {
        "Encrypt" => Encrypt(g),
        "Decrypt" => Decrypt(g),
        "GenerateDataKey" => GenerateDataKey(g),
        "CreateKey" => CreateKey(g),
        "ListKeys" => ListKeys(g),
        "ImportKeyMaterial" => ImportKeyMaterial(g),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    internal static string[] Known<T>(IEnumerable<T> known) => known.Select(k => k!.ToString()!).ToArray();

    private static IReadOnlyList<string> Encrypt(Gen g)
    {
        var n = new
        {
            KeyId = g.String(),
            Plaintext = g.Bytes(),
            EncryptionContext = g.Maybe(() => g.Map(g.String)),
            GrantTokens = g.Maybe(() => g.List(g.String)),
            EncryptionAlgorithm = g.Maybe(() => g.Enum(EncryptionAlgorithms)),
            DryRun = g.MaybeValue(g.Bool),
        };

        var sdk = new SdkModel.EncryptRequest
        {
            KeyId = n.KeyId,
            Plaintext = To.Stream(n.Plaintext),
            EncryptionContext = To.Map(n.EncryptionContext),
            GrantTokens = To.List(n.GrantTokens),
            EncryptionAlgorithm = n.EncryptionAlgorithm is { } a ? new Sdk.EncryptionAlgorithmSpec(a) : null,
            DryRun = n.DryRun,
        };
        var ours = new Encrypt(n.KeyId, n.Plaintext)
            .WithEncryptionContext(To.Map(n.EncryptionContext))
            .WithGrantTokens(To.List(n.GrantTokens))
            .WithEncryptionAlgorithm(n.EncryptionAlgorithm is { } b ? new EncryptionAlgorithmSpec(b) : null)
            .WithDryRun(n.DryRun);
        return RequestComparison.Compare(SdkWireForms.EncryptRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> Decrypt(Gen g)
    {
        var n = new
        {
            CiphertextBlob = g.Maybe(g.Bytes, absent: 0.1),
            EncryptionContext = g.Maybe(() => g.Map(g.String)),
            GrantTokens = g.Maybe(() => g.List(g.String)),
            KeyId = g.Maybe(g.String),
            EncryptionAlgorithm = g.Maybe(() => g.Enum(EncryptionAlgorithms)),
            Recipient = g.Maybe(() => Recipient.Draw(g)),
            DryRun = g.MaybeValue(g.Bool),
            DryRunModifiers = g.Maybe(() => g.List(() => g.Enum(DryRunModifiers))),
        };

        var sdk = new SdkModel.DecryptRequest
        {
            CiphertextBlob = To.Stream(n.CiphertextBlob),
            EncryptionContext = To.Map(n.EncryptionContext),
            GrantTokens = To.List(n.GrantTokens),
            KeyId = n.KeyId,
            EncryptionAlgorithm = n.EncryptionAlgorithm is { } a ? new Sdk.EncryptionAlgorithmSpec(a) : null,
            Recipient = n.Recipient?.ToSdk(),
            DryRun = n.DryRun,
            DryRunModifiers = To.List(n.DryRunModifiers),
        };
        var ours = new Decrypt()
            .WithCiphertextBlob(To.Memory(n.CiphertextBlob))
            .WithEncryptionContext(To.Map(n.EncryptionContext))
            .WithGrantTokens(To.List(n.GrantTokens))
            .WithKeyId(n.KeyId)
            .WithEncryptionAlgorithm(n.EncryptionAlgorithm is { } b ? new EncryptionAlgorithmSpec(b) : null)
            .WithRecipient(n.Recipient?.ToOurs())
            .WithDryRun(n.DryRun)
            .WithDryRunModifiers(To.List(n.DryRunModifiers, m => new DryRunModifierType(m)));
        return RequestComparison.Compare(SdkWireForms.DecryptRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> GenerateDataKey(Gen g)
    {
        var n = new
        {
            KeyId = g.String(),
            EncryptionContext = g.Maybe(() => g.Map(g.String)),
            NumberOfBytes = g.MaybeValue(g.Int),
            KeySpec = g.Maybe(() => g.Enum(DataKeySpecs)),
            GrantTokens = g.Maybe(() => g.List(g.String)),
            Recipient = g.Maybe(() => Recipient.Draw(g)),
            DryRun = g.MaybeValue(g.Bool),
        };

        var sdk = new SdkModel.GenerateDataKeyRequest
        {
            KeyId = n.KeyId,
            EncryptionContext = To.Map(n.EncryptionContext),
            NumberOfBytes = n.NumberOfBytes,
            KeySpec = n.KeySpec is { } a ? new Sdk.DataKeySpec(a) : null,
            GrantTokens = To.List(n.GrantTokens),
            Recipient = n.Recipient?.ToSdk(),
            DryRun = n.DryRun,
        };
        var ours = new GenerateDataKey(n.KeyId)
            .WithEncryptionContext(To.Map(n.EncryptionContext))
            .WithNumberOfBytes(n.NumberOfBytes)
            .WithKeySpec(n.KeySpec is { } b ? new DataKeySpec(b) : null)
            .WithGrantTokens(To.List(n.GrantTokens))
            .WithRecipient(n.Recipient?.ToOurs())
            .WithDryRun(n.DryRun);
        return RequestComparison.Compare(SdkWireForms.GenerateDataKeyRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> CreateKey(Gen g)
    {
        var n = new
        {
            Policy = g.Maybe(g.String),
            Description = g.Maybe(g.String),
            KeyUsage = g.Maybe(() => g.Enum(KeyUsages)),
            CustomerMasterKeySpec = g.Maybe(() => g.Enum(MasterKeySpecs)),
            KeySpec = g.Maybe(() => g.Enum(KeySpecs)),
            Origin = g.Maybe(() => g.Enum(Origins)),
            CustomKeyStoreId = g.Maybe(g.String),
            BypassPolicyLockoutSafetyCheck = g.MaybeValue(g.Bool),
            Tags = g.Maybe(() => g.List(() => (Key: g.String(), Value: g.String()), max: 6)),
            MultiRegion = g.MaybeValue(g.Bool),
            XksKeyId = g.Maybe(g.String),
        };

        var sdk = new SdkModel.CreateKeyRequest
        {
            Policy = n.Policy,
            Description = n.Description,
            KeyUsage = n.KeyUsage is { } a ? new Sdk.KeyUsageType(a) : null,
            CustomerMasterKeySpec = n.CustomerMasterKeySpec is { } b ? new Sdk.CustomerMasterKeySpec(b) : null,
            KeySpec = n.KeySpec is { } c ? new Sdk.KeySpec(c) : null,
            Origin = n.Origin is { } d ? new Sdk.OriginType(d) : null,
            CustomKeyStoreId = n.CustomKeyStoreId,
            BypassPolicyLockoutSafetyCheck = n.BypassPolicyLockoutSafetyCheck,
            Tags = To.List(n.Tags, t => new SdkModel.Tag { TagKey = t.Key, TagValue = t.Value }),
            MultiRegion = n.MultiRegion,
            XksKeyId = n.XksKeyId,
        };
        var ours = new CreateKey()
            .WithPolicy(n.Policy)
            .WithDescription(n.Description)
            .WithKeyUsage(n.KeyUsage is { } e ? new KeyUsageType(e) : null)
            .WithCustomerMasterKeySpec(n.CustomerMasterKeySpec is { } f ? new CustomerMasterKeySpec(f) : null)
            .WithKeySpec(n.KeySpec is { } h ? new KeySpec(h) : null)
            .WithOrigin(n.Origin is { } i ? new OriginType(i) : null)
            .WithCustomKeyStoreId(n.CustomKeyStoreId)
            .WithBypassPolicyLockoutSafetyCheck(n.BypassPolicyLockoutSafetyCheck)
            .WithTags(To.List(n.Tags, t => new Tag(t.Key, t.Value)))
            .WithMultiRegion(n.MultiRegion)
            .WithXksKeyId(n.XksKeyId);
        return RequestComparison.Compare(SdkWireForms.CreateKeyRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> ListKeys(Gen g)
    {
        var n = new { Limit = g.MaybeValue(g.Int), Marker = g.Maybe(g.String) };

        var sdk = new SdkModel.ListKeysRequest { Limit = n.Limit, Marker = n.Marker };
        var ours = new ListKeys().WithLimit(n.Limit).WithMarker(n.Marker);
        return RequestComparison.Compare(SdkWireForms.ListKeysRequestMarshaller.Instance, sdk, ours);
    }

    /// <summary>The one KMS input here with a timestamp (<c>ValidTo</c>, epoch seconds on the wire).</summary>
    private static IReadOnlyList<string> ImportKeyMaterial(Gen g)
    {
        var n = new
        {
            KeyId = g.String(),
            ImportToken = g.Bytes(),
            EncryptedKeyMaterial = g.Bytes(),
            ValidTo = g.MaybeValue(g.PreciseTimestamp, absent: 0.2),
            ExpirationModel = g.Maybe(() => g.Enum(ExpirationModels)),
            ImportType = g.Maybe(() => g.Enum(ImportTypes)),
            KeyMaterialDescription = g.Maybe(g.String),
            KeyMaterialId = g.Maybe(g.String),
        };

        var sdk = new SdkModel.ImportKeyMaterialRequest
        {
            KeyId = n.KeyId,
            ImportToken = To.Stream(n.ImportToken),
            EncryptedKeyMaterial = To.Stream(n.EncryptedKeyMaterial),
            ValidTo = To.Utc(n.ValidTo),
            ExpirationModel = n.ExpirationModel is { } a ? new Sdk.ExpirationModelType(a) : null,
            ImportType = n.ImportType is { } b ? new Sdk.ImportType(b) : null,
            KeyMaterialDescription = n.KeyMaterialDescription,
            KeyMaterialId = n.KeyMaterialId,
        };
        var ours = new ImportKeyMaterial(n.KeyId, n.ImportToken, n.EncryptedKeyMaterial)
            .WithValidTo(n.ValidTo)
            .WithExpirationModel(n.ExpirationModel is { } c ? new ExpirationModelType(c) : null)
            .WithImportType(n.ImportType is { } d ? new ImportType(d) : null)
            .WithKeyMaterialDescription(n.KeyMaterialDescription)
            .WithKeyMaterialId(n.KeyMaterialId);
        return RequestComparison.Compare(
            SdkWireForms.ImportKeyMaterialRequestMarshaller.Instance,
            sdk,
            ours,
            RequestComparison.SubMillisecondTimestamps(("ValidTo", n.ValidTo)));
    }

    private sealed record Recipient(string? Algorithm, byte[]? AttestationDocument)
    {
        public static Recipient Draw(Gen g) => new(g.Maybe(() => g.Enum(KeyEncryptionMechanisms)), g.Maybe(g.Bytes));

        public SdkModel.RecipientInfo ToSdk() => new()
        {
            KeyEncryptionAlgorithm = Algorithm is { } a ? new Sdk.KeyEncryptionMechanism(a) : null,
            AttestationDocument = To.Stream(AttestationDocument),
        };

        public RecipientInfo ToOurs() => new RecipientInfo()
            .WithKeyEncryptionAlgorithm(Algorithm is { } a ? new KeyEncryptionMechanism(a) : null)
            .WithAttestationDocument(To.Memory(AttestationDocument));
    }
}
#endif
