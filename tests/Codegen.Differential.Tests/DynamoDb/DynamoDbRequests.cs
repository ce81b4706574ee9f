#if CODEGEN_SHARED_MODELS
// Deprecated members (the legacy conditional parameters) are still on the wire, so both sides are exercised with them.
#pragma warning disable CS0612, CS0618
using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Generated.DynamoDb;
using Sdk = Amazon.DynamoDBv2;
using SdkModel = Amazon.DynamoDBv2.Model;
using SdkWireForms = Amazon.DynamoDBv2.Model.Internal.MarshallTransformations;

namespace Codegen.Differential.Tests.DynamoDb;

/// <summary>
/// DynamoDB (awsJson 1.0) request cases: neutral descriptions drawn from the seed (items are <see cref="Attr"/> maps
/// nested several levels), built with both APIs and serialized by both.
/// </summary>
internal static class DynamoDbRequests
{
    public static readonly string[] Operations = { "PutItem", "GetItem", "Query", "BatchWriteItem", "UpdateItem", "TransactWriteItems", "ListBackups" };

    private static readonly string[] ReturnValues = Known(ReturnValue.Known);
    private static readonly string[] ConsumedCapacities = Known(ReturnConsumedCapacity.Known);
    private static readonly string[] CollectionMetrics = Known(ReturnItemCollectionMetrics.Known);
    private static readonly string[] ConditionalOperators = Known(ConditionalOperator.Known);
    private static readonly string[] OnConditionCheckFailure = Known(ReturnValuesOnConditionCheckFailure.Known);
    private static readonly string[] Selects = Known(Select.Known);
    private static readonly string[] ComparisonOperators = Known(ComparisonOperator.Known);
    private static readonly string[] AttributeActions = Known(AttributeAction.Known);
    private static readonly string[] BackupTypes = Known(BackupTypeFilter.Known);

    public static IReadOnlyList<string> Run(string operation, Gen g) => operation switch
    {
        "PutItem" => PutItem(g),
        "GetItem" => GetItem(g),
        "Query" => Query(g),
        "BatchWriteItem" => BatchWriteItem(g),
        "UpdateItem" => UpdateItem(g),
        "TransactWriteItems" => TransactWriteItems(g),
        "ListBackups" => ListBackups(g),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    private static string[] Known<T>(IEnumerable<T> known) => Kms.KmsRequests.Known(known);

    private static IReadOnlyList<string> PutItem(Gen g)
    {
        var n = new
        {
            TableName = g.String(),
            Item = Attr.DrawItem(g),
            Expected = g.Maybe(() => g.Map(() => Expected.Draw(g), max: 3), absent: 0.7),
            ReturnValues = g.Maybe(() => g.Enum(ReturnValues)),
            ReturnConsumedCapacity = g.Maybe(() => g.Enum(ConsumedCapacities)),
            ReturnItemCollectionMetrics = g.Maybe(() => g.Enum(CollectionMetrics)),
            ConditionalOperator = g.Maybe(() => g.Enum(ConditionalOperators), absent: 0.7),
            Expression = Expression.Draw(g),
            ReturnValuesOnConditionCheckFailure = g.Maybe(() => g.Enum(OnConditionCheckFailure)),
        };

        var sdk = new SdkModel.PutItemRequest
        {
            TableName = n.TableName,
            Item = Attr.ToSdk(n.Item),
            Expected = To.Map(n.Expected, e => e.ToSdk()),
            ReturnValues = n.ReturnValues is { } a ? new Sdk.ReturnValue(a) : null,
            ReturnConsumedCapacity = n.ReturnConsumedCapacity is { } b ? new Sdk.ReturnConsumedCapacity(b) : null,
            ReturnItemCollectionMetrics = n.ReturnItemCollectionMetrics is { } c ? new Sdk.ReturnItemCollectionMetrics(c) : null,
            ConditionalOperator = n.ConditionalOperator is { } d ? new Sdk.ConditionalOperator(d) : null,
            ConditionExpression = n.Expression.Condition,
            ExpressionAttributeNames = To.Map(n.Expression.Names),
            ExpressionAttributeValues = Attr.ToSdk(n.Expression.Values),
            ReturnValuesOnConditionCheckFailure = n.ReturnValuesOnConditionCheckFailure is { } e ? new Sdk.ReturnValuesOnConditionCheckFailure(e) : null,
        };
        var ours = new PutItem(n.TableName, Attr.ToOurs(n.Item)!)
            .WithExpected(To.Map(n.Expected, x => x.ToOurs()))
            .WithReturnValues(n.ReturnValues is { } f ? new ReturnValue(f) : null)
            .WithReturnConsumedCapacity(n.ReturnConsumedCapacity is { } h ? new ReturnConsumedCapacity(h) : null)
            .WithReturnItemCollectionMetrics(n.ReturnItemCollectionMetrics is { } i ? new ReturnItemCollectionMetrics(i) : null)
            .WithConditionalOperator(n.ConditionalOperator is { } j ? new ConditionalOperator(j) : null)
            .WithConditionExpression(n.Expression.Condition)
            .WithExpressionAttributeNames(To.Map(n.Expression.Names))
            .WithExpressionAttributeValues(Attr.ToOurs(n.Expression.Values))
            .WithReturnValuesOnConditionCheckFailure(n.ReturnValuesOnConditionCheckFailure is { } k ? new ReturnValuesOnConditionCheckFailure(k) : null);
        return RequestComparison.Compare(SdkWireForms.PutItemRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> GetItem(Gen g)
    {
        var n = new
        {
            TableName = g.String(),
            Key = Attr.DrawItem(g, max: 2),
            AttributesToGet = g.Maybe(() => g.List(g.String), absent: 0.7),
            ConsistentRead = g.MaybeValue(g.Bool),
            ReturnConsumedCapacity = g.Maybe(() => g.Enum(ConsumedCapacities)),
            ProjectionExpression = g.Maybe(g.String),
            Names = g.Maybe(() => g.Map(g.String, key: () => "#" + g.Key())),
        };

        var sdk = new SdkModel.GetItemRequest
        {
            TableName = n.TableName,
            Key = Attr.ToSdk(n.Key),
            AttributesToGet = To.List(n.AttributesToGet),
            ConsistentRead = n.ConsistentRead,
            ReturnConsumedCapacity = n.ReturnConsumedCapacity is { } a ? new Sdk.ReturnConsumedCapacity(a) : null,
            ProjectionExpression = n.ProjectionExpression,
            ExpressionAttributeNames = To.Map(n.Names),
        };
        var ours = new GetItem(n.TableName, Attr.ToOurs(n.Key)!)
            .WithAttributesToGet(To.List(n.AttributesToGet))
            .WithConsistentRead(n.ConsistentRead)
            .WithReturnConsumedCapacity(n.ReturnConsumedCapacity is { } b ? new ReturnConsumedCapacity(b) : null)
            .WithProjectionExpression(n.ProjectionExpression)
            .WithExpressionAttributeNames(To.Map(n.Names));
        return RequestComparison.Compare(SdkWireForms.GetItemRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> Query(Gen g)
    {
        var n = new
        {
            TableName = g.String(),
            IndexName = g.Maybe(g.String),
            Select = g.Maybe(() => g.Enum(Selects)),
            AttributesToGet = g.Maybe(() => g.List(g.String), absent: 0.7),
            Limit = g.MaybeValue(g.Int),
            ConsistentRead = g.MaybeValue(g.Bool),
            KeyConditions = g.Maybe(() => g.Map(() => Condition.Draw(g), max: 2), absent: 0.6),
            QueryFilter = g.Maybe(() => g.Map(() => Condition.Draw(g), max: 2), absent: 0.6),
            ConditionalOperator = g.Maybe(() => g.Enum(ConditionalOperators), absent: 0.7),
            ScanIndexForward = g.MaybeValue(g.Bool),
            ExclusiveStartKey = g.Maybe(() => Attr.DrawItem(g, max: 3)),
            ReturnConsumedCapacity = g.Maybe(() => g.Enum(ConsumedCapacities)),
            ProjectionExpression = g.Maybe(g.String),
            FilterExpression = g.Maybe(g.String),
            KeyConditionExpression = g.Maybe(g.String),
            Expression = Expression.Draw(g),
        };

        var sdk = new SdkModel.QueryRequest
        {
            TableName = n.TableName,
            IndexName = n.IndexName,
            Select = n.Select is { } a ? new Sdk.Select(a) : null,
            AttributesToGet = To.List(n.AttributesToGet),
            Limit = n.Limit,
            ConsistentRead = n.ConsistentRead,
            KeyConditions = To.Map(n.KeyConditions, c => c.ToSdk()),
            QueryFilter = To.Map(n.QueryFilter, c => c.ToSdk()),
            ConditionalOperator = n.ConditionalOperator is { } b ? new Sdk.ConditionalOperator(b) : null,
            ScanIndexForward = n.ScanIndexForward,
            ExclusiveStartKey = Attr.ToSdk(n.ExclusiveStartKey),
            ReturnConsumedCapacity = n.ReturnConsumedCapacity is { } c ? new Sdk.ReturnConsumedCapacity(c) : null,
            ProjectionExpression = n.ProjectionExpression,
            FilterExpression = n.FilterExpression,
            KeyConditionExpression = n.KeyConditionExpression,
            ExpressionAttributeNames = To.Map(n.Expression.Names),
            ExpressionAttributeValues = Attr.ToSdk(n.Expression.Values),
        };
        var ours = new Query(n.TableName)
            .WithIndexName(n.IndexName)
            .WithSelect(n.Select is { } d ? new Select(d) : null)
            .WithAttributesToGet(To.List(n.AttributesToGet))
            .WithLimit(n.Limit)
            .WithConsistentRead(n.ConsistentRead)
            .WithKeyConditions(To.Map(n.KeyConditions, x => x.ToOurs()))
            .WithQueryFilter(To.Map(n.QueryFilter, x => x.ToOurs()))
            .WithConditionalOperator(n.ConditionalOperator is { } e ? new ConditionalOperator(e) : null)
            .WithScanIndexForward(n.ScanIndexForward)
            .WithExclusiveStartKey(Attr.ToOurs(n.ExclusiveStartKey))
            .WithReturnConsumedCapacity(n.ReturnConsumedCapacity is { } f ? new ReturnConsumedCapacity(f) : null)
            .WithProjectionExpression(n.ProjectionExpression)
            .WithFilterExpression(n.FilterExpression)
            .WithKeyConditionExpression(n.KeyConditionExpression)
            .WithExpressionAttributeNames(To.Map(n.Expression.Names))
            .WithExpressionAttributeValues(Attr.ToOurs(n.Expression.Values));
        return RequestComparison.Compare(SdkWireForms.QueryRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> BatchWriteItem(Gen g)
    {
        var n = new
        {
            RequestItems = g.Map(() => g.List(() => WriteRequestCase.Draw(g), max: 3), max: 3),
            ReturnConsumedCapacity = g.Maybe(() => g.Enum(ConsumedCapacities)),
            ReturnItemCollectionMetrics = g.Maybe(() => g.Enum(CollectionMetrics)),
        };

        var sdk = new SdkModel.BatchWriteItemRequest
        {
            RequestItems = To.Map(n.RequestItems, list => list.Select(w => w.ToSdk()).ToList()),
            ReturnConsumedCapacity = n.ReturnConsumedCapacity is { } a ? new Sdk.ReturnConsumedCapacity(a) : null,
            ReturnItemCollectionMetrics = n.ReturnItemCollectionMetrics is { } b ? new Sdk.ReturnItemCollectionMetrics(b) : null,
        };
        var requestItems = To.Map(n.RequestItems, list => (IReadOnlyList<WriteRequest>)list.Select(w => w.ToOurs()).ToList())!;
        var ours = new BatchWriteItem(requestItems)
            .WithReturnConsumedCapacity(n.ReturnConsumedCapacity is { } c ? new ReturnConsumedCapacity(c) : null)
            .WithReturnItemCollectionMetrics(n.ReturnItemCollectionMetrics is { } d ? new ReturnItemCollectionMetrics(d) : null);
        return RequestComparison.Compare(SdkWireForms.BatchWriteItemRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> UpdateItem(Gen g)
    {
        var n = new
        {
            TableName = g.String(),
            Key = Attr.DrawItem(g, max: 2),
            AttributeUpdates = g.Maybe(() => g.Map(() => (Value: g.Maybe(() => Attr.Draw(g)), Action: g.Maybe(() => g.Enum(AttributeActions))), max: 3), absent: 0.5),
            Expected = g.Maybe(() => g.Map(() => Expected.Draw(g), max: 3), absent: 0.7),
            ConditionalOperator = g.Maybe(() => g.Enum(ConditionalOperators), absent: 0.7),
            ReturnValues = g.Maybe(() => g.Enum(ReturnValues)),
            ReturnConsumedCapacity = g.Maybe(() => g.Enum(ConsumedCapacities)),
            ReturnItemCollectionMetrics = g.Maybe(() => g.Enum(CollectionMetrics)),
            UpdateExpression = g.Maybe(g.String),
            Expression = Expression.Draw(g),
            ReturnValuesOnConditionCheckFailure = g.Maybe(() => g.Enum(OnConditionCheckFailure)),
        };

        var sdk = new SdkModel.UpdateItemRequest
        {
            TableName = n.TableName,
            Key = Attr.ToSdk(n.Key),
            AttributeUpdates = To.Map(n.AttributeUpdates, u => new SdkModel.AttributeValueUpdate
            {
                Value = u.Value?.ToSdk(),
                Action = u.Action is { } x ? new Sdk.AttributeAction(x) : null,
            }),
            Expected = To.Map(n.Expected, e => e.ToSdk()),
            ConditionalOperator = n.ConditionalOperator is { } a ? new Sdk.ConditionalOperator(a) : null,
            ReturnValues = n.ReturnValues is { } b ? new Sdk.ReturnValue(b) : null,
            ReturnConsumedCapacity = n.ReturnConsumedCapacity is { } c ? new Sdk.ReturnConsumedCapacity(c) : null,
            ReturnItemCollectionMetrics = n.ReturnItemCollectionMetrics is { } d ? new Sdk.ReturnItemCollectionMetrics(d) : null,
            UpdateExpression = n.UpdateExpression,
            ConditionExpression = n.Expression.Condition,
            ExpressionAttributeNames = To.Map(n.Expression.Names),
            ExpressionAttributeValues = Attr.ToSdk(n.Expression.Values),
            ReturnValuesOnConditionCheckFailure = n.ReturnValuesOnConditionCheckFailure is { } e ? new Sdk.ReturnValuesOnConditionCheckFailure(e) : null,
        };
        var ours = new UpdateItem(n.TableName, Attr.ToOurs(n.Key)!)
            .WithAttributeUpdates(To.Map(n.AttributeUpdates, u => new AttributeValueUpdate()
                .WithValue(u.Value?.ToOurs())
                .WithAction(u.Action is { } x ? new AttributeAction(x) : null)))
            .WithExpected(To.Map(n.Expected, x => x.ToOurs()))
            .WithConditionalOperator(n.ConditionalOperator is { } f ? new ConditionalOperator(f) : null)
            .WithReturnValues(n.ReturnValues is { } h ? new ReturnValue(h) : null)
            .WithReturnConsumedCapacity(n.ReturnConsumedCapacity is { } i ? new ReturnConsumedCapacity(i) : null)
            .WithReturnItemCollectionMetrics(n.ReturnItemCollectionMetrics is { } j ? new ReturnItemCollectionMetrics(j) : null)
            .WithUpdateExpression(n.UpdateExpression)
            .WithConditionExpression(n.Expression.Condition)
            .WithExpressionAttributeNames(To.Map(n.Expression.Names))
            .WithExpressionAttributeValues(Attr.ToOurs(n.Expression.Values))
            .WithReturnValuesOnConditionCheckFailure(n.ReturnValuesOnConditionCheckFailure is { } k ? new ReturnValuesOnConditionCheckFailure(k) : null);
        return RequestComparison.Compare(SdkWireForms.UpdateItemRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> TransactWriteItems(Gen g)
    {
        var n = new
        {
            TransactItems = g.List(() => TransactItem.Draw(g), max: 4),
            ReturnConsumedCapacity = g.Maybe(() => g.Enum(ConsumedCapacities)),
            ReturnItemCollectionMetrics = g.Maybe(() => g.Enum(CollectionMetrics)),
            ClientRequestToken = g.Maybe(g.String, absent: 0.5),
        };

        var sdk = new SdkModel.TransactWriteItemsRequest
        {
            TransactItems = n.TransactItems.Select(t => t.ToSdk()).ToList(),
            ReturnConsumedCapacity = n.ReturnConsumedCapacity is { } a ? new Sdk.ReturnConsumedCapacity(a) : null,
            ReturnItemCollectionMetrics = n.ReturnItemCollectionMetrics is { } b ? new Sdk.ReturnItemCollectionMetrics(b) : null,
            ClientRequestToken = n.ClientRequestToken,
        };
        var ours = new TransactWriteItems(n.TransactItems.Select(t => t.ToOurs()).ToList())
            .WithReturnConsumedCapacity(n.ReturnConsumedCapacity is { } c ? new ReturnConsumedCapacity(c) : null)
            .WithReturnItemCollectionMetrics(n.ReturnItemCollectionMetrics is { } d ? new ReturnItemCollectionMetrics(d) : null)
            .WithClientRequestToken(n.ClientRequestToken);
        return RequestComparison.Compare(
            SdkWireForms.TransactWriteItemsRequestMarshaller.Instance,
            sdk,
            ours,
            RequestComparison.GeneratedIdempotencyToken("ClientRequestToken", requestHasToken: n.ClientRequestToken is not null));
    }

    /// <summary>A DynamoDB input with timestamps (epoch seconds on the wire).</summary>
    private static IReadOnlyList<string> ListBackups(Gen g)
    {
        var n = new
        {
            TableName = g.Maybe(g.String),
            Limit = g.MaybeValue(g.Int),
            TimeRangeLowerBound = g.MaybeValue(g.PreciseTimestamp, absent: 0.2),
            TimeRangeUpperBound = g.MaybeValue(g.PreciseTimestamp, absent: 0.2),
            ExclusiveStartBackupArn = g.Maybe(g.String),
            BackupType = g.Maybe(() => g.Enum(BackupTypes)),
        };

        var sdk = new SdkModel.ListBackupsRequest
        {
            TableName = n.TableName,
            Limit = n.Limit,
            TimeRangeLowerBound = To.Utc(n.TimeRangeLowerBound),
            TimeRangeUpperBound = To.Utc(n.TimeRangeUpperBound),
            ExclusiveStartBackupArn = n.ExclusiveStartBackupArn,
            BackupType = n.BackupType is { } a ? new Sdk.BackupTypeFilter(a) : null,
        };
        var ours = new ListBackups()
            .WithTableName(n.TableName)
            .WithLimit(n.Limit)
            .WithTimeRangeLowerBound(n.TimeRangeLowerBound)
            .WithTimeRangeUpperBound(n.TimeRangeUpperBound)
            .WithExclusiveStartBackupArn(n.ExclusiveStartBackupArn)
            .WithBackupType(n.BackupType is { } b ? new BackupTypeFilter(b) : null);
        return RequestComparison.Compare(
            SdkWireForms.ListBackupsRequestMarshaller.Instance,
            sdk,
            ours,
            RequestComparison.SubMillisecondTimestamps(("TimeRangeLowerBound", n.TimeRangeLowerBound), ("TimeRangeUpperBound", n.TimeRangeUpperBound)));
    }

    /// <summary>Condition expression, names and values, each present or not.</summary>
    private sealed record Expression(string? Condition, Dictionary<string, string>? Names, Dictionary<string, Attr>? Values)
    {
        public static Expression Draw(Gen g) => new(
            g.Maybe(g.String),
            g.Maybe(() => g.Map(g.String, key: () => "#" + g.Key())),
            g.Maybe(() => g.Map(() => Attr.Draw(g), key: () => ":" + g.Key())));
    }

    private sealed record Expected(Attr? Value, bool? Exists, string? Operator, List<Attr>? Values)
    {
        public static Expected Draw(Gen g) => new(
            g.Maybe(() => Attr.Draw(g)),
            g.MaybeValue(g.Bool),
            g.Maybe(() => g.Enum(ComparisonOperators)),
            g.Maybe(() => g.List(() => Attr.Draw(g), max: 3)));

        public SdkModel.ExpectedAttributeValue ToSdk() => new()
        {
            Value = Value?.ToSdk(),
            Exists = Exists,
            ComparisonOperator = Operator is { } o ? new Sdk.ComparisonOperator(o) : null,
            AttributeValueList = Attr.ToSdk(Values),
        };

        public ExpectedAttributeValue ToOurs() => new ExpectedAttributeValue()
            .WithValue(Value?.ToOurs())
            .WithExists(Exists)
            .WithComparisonOperator(Operator is { } o ? new ComparisonOperator(o) : null)
            .WithAttributeValueList(Attr.ToOurs(Values));
    }

    private sealed record Condition(string Operator, List<Attr>? Values)
    {
        public static Condition Draw(Gen g) => new(g.Enum(ComparisonOperators), g.Maybe(() => g.List(() => Attr.Draw(g), max: 3)));

        public SdkModel.Condition ToSdk() => new() { ComparisonOperator = new Sdk.ComparisonOperator(Operator), AttributeValueList = Attr.ToSdk(Values) };

        public Generated.DynamoDb.Condition ToOurs() => new Generated.DynamoDb.Condition(new ComparisonOperator(Operator)).WithAttributeValueList(Attr.ToOurs(Values));
    }

    /// <summary>A write request: a put (an item) or a delete (a key).</summary>
    private sealed record WriteRequestCase(Dictionary<string, Attr>? Put, Dictionary<string, Attr>? Delete)
    {
        public static WriteRequestCase Draw(Gen g) => g.Bool()
            ? new WriteRequestCase(Attr.DrawItem(g, max: 3), null)
            : new WriteRequestCase(null, Attr.DrawItem(g, max: 2));

        public SdkModel.WriteRequest ToSdk() => new()
        {
            PutRequest = Put is null ? null : new SdkModel.PutRequest { Item = Attr.ToSdk(Put) },
            DeleteRequest = Delete is null ? null : new SdkModel.DeleteRequest { Key = Attr.ToSdk(Delete) },
        };

        public WriteRequest ToOurs() => new WriteRequest()
            .WithPutRequest(Put is null ? null : new PutRequest(Attr.ToOurs(Put)!))
            .WithDeleteRequest(Delete is null ? null : new DeleteRequest(Attr.ToOurs(Delete)!));
    }

    /// <summary>One of the four transactional writes, on a table with a key or item and an optional condition.</summary>
    private sealed record TransactItem(string Kind, string TableName, Dictionary<string, Attr> Key, string Text, Expression Expression, string? OnFailure)
    {
        public static TransactItem Draw(Gen g) => new(
            g.Pick("ConditionCheck", "Put", "Delete", "Update"),
            g.String(),
            Attr.DrawItem(g, max: 3),
            g.String(),
            Expression.Draw(g),
            g.Maybe(() => g.Enum(OnConditionCheckFailure)));

        private Sdk.ReturnValuesOnConditionCheckFailure? SdkOnFailure => OnFailure is { } o ? new Sdk.ReturnValuesOnConditionCheckFailure(o) : null;

        private ReturnValuesOnConditionCheckFailure? OurOnFailure => OnFailure is { } o ? new ReturnValuesOnConditionCheckFailure(o) : null;

        public SdkModel.TransactWriteItem ToSdk() => Kind switch
        {
            "ConditionCheck" => new SdkModel.TransactWriteItem
            {
                ConditionCheck = new SdkModel.ConditionCheck
                {
                    TableName = TableName, Key = Attr.ToSdk(Key), ConditionExpression = Text,
                    ExpressionAttributeNames = To.Map(Expression.Names), ExpressionAttributeValues = Attr.ToSdk(Expression.Values),
                    ReturnValuesOnConditionCheckFailure = SdkOnFailure,
                },
            },
            "Put" => new SdkModel.TransactWriteItem
            {
                Put = new SdkModel.Put
                {
                    TableName = TableName, Item = Attr.ToSdk(Key), ConditionExpression = Expression.Condition,
                    ExpressionAttributeNames = To.Map(Expression.Names), ExpressionAttributeValues = Attr.ToSdk(Expression.Values),
                    ReturnValuesOnConditionCheckFailure = SdkOnFailure,
                },
            },
            "Delete" => new SdkModel.TransactWriteItem
            {
                Delete = new SdkModel.Delete
                {
                    TableName = TableName, Key = Attr.ToSdk(Key), ConditionExpression = Expression.Condition,
                    ExpressionAttributeNames = To.Map(Expression.Names), ExpressionAttributeValues = Attr.ToSdk(Expression.Values),
                    ReturnValuesOnConditionCheckFailure = SdkOnFailure,
                },
            },
            _ => new SdkModel.TransactWriteItem
            {
                Update = new SdkModel.Update
                {
                    TableName = TableName, Key = Attr.ToSdk(Key), UpdateExpression = Text, ConditionExpression = Expression.Condition,
                    ExpressionAttributeNames = To.Map(Expression.Names), ExpressionAttributeValues = Attr.ToSdk(Expression.Values),
                    ReturnValuesOnConditionCheckFailure = SdkOnFailure,
                },
            },
        };

        public TransactWriteItem ToOurs() => Kind switch
        {
            "ConditionCheck" => new TransactWriteItem().WithConditionCheck(new ConditionCheck(Attr.ToOurs(Key)!, TableName, Text)
                .WithExpressionAttributeNames(To.Map(Expression.Names))
                .WithExpressionAttributeValues(Attr.ToOurs(Expression.Values))
                .WithReturnValuesOnConditionCheckFailure(OurOnFailure)),
            "Put" => new TransactWriteItem().WithPut(new Put(Attr.ToOurs(Key)!, TableName)
                .WithConditionExpression(Expression.Condition)
                .WithExpressionAttributeNames(To.Map(Expression.Names))
                .WithExpressionAttributeValues(Attr.ToOurs(Expression.Values))
                .WithReturnValuesOnConditionCheckFailure(OurOnFailure)),
            "Delete" => new TransactWriteItem().WithDelete(new Delete(Attr.ToOurs(Key)!, TableName)
                .WithConditionExpression(Expression.Condition)
                .WithExpressionAttributeNames(To.Map(Expression.Names))
                .WithExpressionAttributeValues(Attr.ToOurs(Expression.Values))
                .WithReturnValuesOnConditionCheckFailure(OurOnFailure)),
            _ => new TransactWriteItem().WithUpdate(new Update(Attr.ToOurs(Key)!, Text, TableName)
                .WithConditionExpression(Expression.Condition)
                .WithExpressionAttributeNames(To.Map(Expression.Names))
                .WithExpressionAttributeValues(Attr.ToOurs(Expression.Values))
                .WithReturnValuesOnConditionCheckFailure(OurOnFailure)),
        };
    }
}
#endif
