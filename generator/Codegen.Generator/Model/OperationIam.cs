namespace Codegen.Generator.Model;

/// <summary>
/// What an operation needs in an IAM policy beyond <c>{prefix}:{operation}</c>, from Smithy's IAM traits:
/// <c>aws.iam#iamAction</c> (another action name, the resources it requires), <c>aws.iam#requiredActions</c>
/// (actions the service performs on the caller's behalf) and the ARN patterns of the <c>aws.iam#iamResource</c>
/// resources the operation acts on (from <c>aws.api#arn</c>, identifiers as <c>*</c>). Botocore models have none.
/// </summary>
internal sealed record OperationIam(string? ActionName, EquatableArray<string> RequiredActions, EquatableArray<string> ResourceArns);
