using Codegen.Generator.Diagnostics;

namespace Codegen.Generator.Model;

/// <summary>
/// A JMESPath expression as written in a model or companion file, and where its JSON string starts (the opening
/// quote), so that a problem at offset <c>n</c> of the expression is reported at column <c>Position.Column + 1 + n</c>.
/// </summary>
internal sealed record ModelExpression(string Text, SourceSpan Position);

/// <summary>
/// How an operation pages (botocore <c>paginators-1.json</c>, Smithy <c>smithy.api#paginated</c>): the input members
/// that carry the token, the output expressions that give the next one (paired by position), the page-size member,
/// the expression that says whether there are more pages, and the expressions for the items of a page.
/// </summary>
internal sealed record PaginatorModel(string Operation, SourceSpan Position)
{
    /// <summary>Input members that take the next token (botocore <c>input_token</c>, Smithy <c>inputToken</c>).</summary>
    public EquatableArray<ModelExpression> InputTokens { get; init; } = EquatableArray<ModelExpression>.Empty;

    /// <summary>Where each next token is in the output, paired with <see cref="InputTokens"/> (botocore <c>output_token</c>, Smithy <c>outputToken</c>).</summary>
    public EquatableArray<ModelExpression> OutputTokens { get; init; } = EquatableArray<ModelExpression>.Empty;

    /// <summary>The input member that sets the page size (botocore <c>limit_key</c>, Smithy <c>pageSize</c>).</summary>
    public ModelExpression? LimitKey { get; init; }

    /// <summary>An output expression that is false on the last page (botocore <c>more_results</c>).</summary>
    public ModelExpression? MoreResults { get; init; }

    /// <summary>The items of a page (botocore <c>result_key</c>, Smithy <c>items</c>).</summary>
    public EquatableArray<ModelExpression> ResultKeys { get; init; } = EquatableArray<ModelExpression>.Empty;
}
