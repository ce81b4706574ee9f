#if CODEGEN_SHARED_MODELS
#pragma warning disable CS0612, CS0618
using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Generated.Sqs;
using SdkModel = Amazon.SQS.Model;
using SdkWireForms = Amazon.SQS.Model.Internal.MarshallTransformations;

namespace Codegen.Differential.Tests.Sqs;

/// <summary>
/// SQS (awsJson 1.0, query-compatible) request cases: message attributes with string, number and binary values
/// (single and lists), queue attribute maps and attribute-name lists, drawn from the seed and built with both APIs.
/// </summary>
internal static class SqsRequests
{
    public static readonly string[] Operations = { "SendMessage", "ReceiveMessage", "SendMessageBatch", "CreateQueue", "GetQueueAttributes" };

    private static readonly string[] QueueAttributes = Kms.KmsRequests.Known(QueueAttributeName.Known);
    private static readonly string[] SystemAttributes = Kms.KmsRequests.Known(MessageSystemAttributeName.Known);
    private static readonly string[] SystemAttributesForSends = Kms.KmsRequests.Known(MessageSystemAttributeNameForSends.Known);

    public static IReadOnlyList<string> Run(string operation, Gen g) => operation switch
    {
        "SendMessage" => SendMessage(g),
        "ReceiveMessage" => ReceiveMessage(g),
        "SendMessageBatch" => SendMessageBatch(g),
        "CreateQueue" => CreateQueue(g),
        "GetQueueAttributes" => GetQueueAttributes(g),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    private static IReadOnlyList<string> SendMessage(Gen g)
    {
        var m = Message.Draw(g);
        var queueUrl = g.String();

        var sdk = new SdkModel.SendMessageRequest
        {
            QueueUrl = queueUrl,
            MessageBody = m.Body,
            DelaySeconds = m.DelaySeconds,
            MessageAttributes = To.Map(m.Attributes, a => a.ToSdk()),
            MessageSystemAttributes = To.Map(m.SystemAttributes, a => a.ToSdkSystem()),
            MessageDeduplicationId = m.DeduplicationId,
            MessageGroupId = m.GroupId,
        };
        var ours = new SendMessage(queueUrl, m.Body)
            .WithDelaySeconds(m.DelaySeconds)
            .WithMessageAttributes(To.Map(m.Attributes, a => a.ToOurs()))
            .WithMessageSystemAttributes(To.Map(m.SystemAttributes, a => a.ToOursSystem()))
            .WithMessageDeduplicationId(m.DeduplicationId)
            .WithMessageGroupId(m.GroupId);
        return RequestComparison.Compare(SdkWireForms.SendMessageRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> SendMessageBatch(Gen g)
    {
        var queueUrl = g.String();
        var entries = g.List(() => (Id: g.String(), Message: Message.Draw(g)), max: 5);

        var sdk = new SdkModel.SendMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = entries.Select(e => new SdkModel.SendMessageBatchRequestEntry
            {
                Id = e.Id,
                MessageBody = e.Message.Body,
                DelaySeconds = e.Message.DelaySeconds,
                MessageAttributes = To.Map(e.Message.Attributes, a => a.ToSdk()),
                MessageSystemAttributes = To.Map(e.Message.SystemAttributes, a => a.ToSdkSystem()),
                MessageDeduplicationId = e.Message.DeduplicationId,
                MessageGroupId = e.Message.GroupId,
            }).ToList(),
        };
        var ours = new SendMessageBatch(queueUrl, entries.Select(e => new SendMessageBatchRequestEntry(e.Id, e.Message.Body)
            .WithDelaySeconds(e.Message.DelaySeconds)
            .WithMessageAttributes(To.Map(e.Message.Attributes, a => a.ToOurs()))
            .WithMessageSystemAttributes(To.Map(e.Message.SystemAttributes, a => a.ToOursSystem()))
            .WithMessageDeduplicationId(e.Message.DeduplicationId)
            .WithMessageGroupId(e.Message.GroupId)).ToList());
        return RequestComparison.Compare(SdkWireForms.SendMessageBatchRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> ReceiveMessage(Gen g)
    {
        var n = new
        {
            QueueUrl = g.String(),
            AttributeNames = g.Maybe(() => g.List(() => g.Enum(QueueAttributes))),
            MessageSystemAttributeNames = g.Maybe(() => g.List(() => g.Enum(SystemAttributes))),
            MessageAttributeNames = g.Maybe(() => g.List(g.String)),
            MaxNumberOfMessages = g.MaybeValue(g.Int),
            VisibilityTimeout = g.MaybeValue(g.Int),
            WaitTimeSeconds = g.MaybeValue(g.Int),
            ReceiveRequestAttemptId = g.Maybe(g.String),
        };

        var sdk = new SdkModel.ReceiveMessageRequest
        {
            QueueUrl = n.QueueUrl,
            AttributeNames = To.List(n.AttributeNames),
            MessageSystemAttributeNames = To.List(n.MessageSystemAttributeNames),
            MessageAttributeNames = To.List(n.MessageAttributeNames),
            MaxNumberOfMessages = n.MaxNumberOfMessages,
            VisibilityTimeout = n.VisibilityTimeout,
            WaitTimeSeconds = n.WaitTimeSeconds,
            ReceiveRequestAttemptId = n.ReceiveRequestAttemptId,
        };
        var ours = new ReceiveMessage(n.QueueUrl)
            .WithAttributeNames(To.List(n.AttributeNames, a => new QueueAttributeName(a)))
            .WithMessageSystemAttributeNames(To.List(n.MessageSystemAttributeNames, a => new MessageSystemAttributeName(a)))
            .WithMessageAttributeNames(To.List(n.MessageAttributeNames))
            .WithMaxNumberOfMessages(n.MaxNumberOfMessages)
            .WithVisibilityTimeout(n.VisibilityTimeout)
            .WithWaitTimeSeconds(n.WaitTimeSeconds)
            .WithReceiveRequestAttemptId(n.ReceiveRequestAttemptId);
        return RequestComparison.Compare(SdkWireForms.ReceiveMessageRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> CreateQueue(Gen g)
    {
        var n = new
        {
            QueueName = g.String(),
            // The map's keys are QueueAttributeName values: known names, unknown ones, any string.
            Attributes = g.Maybe(() => g.Map(g.String, max: 6, key: () => g.Chance(0.7) ? g.Enum(QueueAttributes) : g.Key())),
            Tags = g.Maybe(() => g.Map(g.String)),
        };

        var sdk = new SdkModel.CreateQueueRequest { QueueName = n.QueueName, Attributes = To.Map(n.Attributes), Tags = To.Map(n.Tags) };
        var ours = new CreateQueue(n.QueueName).WithAttributes(To.Map(n.Attributes)).WithTags(To.Map(n.Tags));
        return RequestComparison.Compare(SdkWireForms.CreateQueueRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> GetQueueAttributes(Gen g)
    {
        var n = new { QueueUrl = g.String(), AttributeNames = g.Maybe(() => g.List(() => g.Enum(QueueAttributes), max: 8)) };

        var sdk = new SdkModel.GetQueueAttributesRequest { QueueUrl = n.QueueUrl, AttributeNames = To.List(n.AttributeNames) };
        var ours = new GetQueueAttributes(n.QueueUrl).WithAttributeNames(To.List(n.AttributeNames, a => new QueueAttributeName(a)));
        return RequestComparison.Compare(SdkWireForms.GetQueueAttributesRequestMarshaller.Instance, sdk, ours);
    }

    /// <summary>The parts of a message shared by SendMessage and the entries of SendMessageBatch.</summary>
    private sealed record Message(
        string Body,
        int? DelaySeconds,
        Dictionary<string, AttributeCase>? Attributes,
        Dictionary<string, AttributeCase>? SystemAttributes,
        string? DeduplicationId,
        string? GroupId)
    {
        public static Message Draw(Gen g) => new(
            g.String(),
            g.MaybeValue(g.Int),
            g.Maybe(() => g.Map(() => AttributeCase.Draw(g), max: 5)),
            g.Maybe(() => g.Map(() => AttributeCase.Draw(g), max: 2, key: () => g.Enum(SystemAttributesForSends)), absent: 0.7),
            g.Maybe(g.String),
            g.Maybe(g.String));
    }

    /// <summary>A message attribute: a data type and string, binary, string-list or binary-list values (any mix).</summary>
    private sealed record AttributeCase(string DataType, string? String, byte[]? Binary, List<string>? Strings, List<byte[]>? Binaries)
    {
        public static AttributeCase Draw(Gen g)
        {
            var dataType = g.Chance(0.1) ? g.String() : g.Pick("String", "Number", "Binary", "String.custom", "Binary.jpeg", "Number.float");
            return dataType.StartsWith("Binary", StringComparison.Ordinal)
                ? new AttributeCase(dataType, null, g.Maybe(g.Bytes, absent: 0.1), null, g.Maybe(() => g.List(g.Bytes), absent: 0.8))
                : new AttributeCase(dataType, g.Maybe(g.String, absent: 0.1), g.Maybe(g.Bytes, absent: 0.9), g.Maybe(() => g.List(g.String), absent: 0.8), null);
        }

        public SdkModel.MessageAttributeValue ToSdk() => new()
        {
            DataType = DataType,
            StringValue = String,
            BinaryValue = To.Stream(Binary),
            StringListValues = To.List(Strings),
            BinaryListValues = To.List(Binaries, b => To.Stream(b)!),
        };

        public MessageAttributeValue ToOurs() => new MessageAttributeValue(DataType)
            .WithStringValue(String)
            .WithBinaryValue(To.Memory(Binary))
            .WithStringListValues(To.List(Strings))
            .WithBinaryListValues(To.List(Binaries, b => (ReadOnlyMemory<byte>)b));

        public SdkModel.MessageSystemAttributeValue ToSdkSystem() => new()
        {
            DataType = DataType,
            StringValue = String,
            BinaryValue = To.Stream(Binary),
            StringListValues = To.List(Strings),
            BinaryListValues = To.List(Binaries, b => To.Stream(b)!),
        };

        public MessageSystemAttributeValue ToOursSystem() => new MessageSystemAttributeValue(DataType)
            .WithStringValue(String)
            .WithBinaryValue(To.Memory(Binary))
            .WithStringListValues(To.List(Strings))
            .WithBinaryListValues(To.List(Binaries, b => (ReadOnlyMemory<byte>)b));
    }
}
#endif
