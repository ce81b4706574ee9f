using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Codegen.CodeFixes;

/// <summary>
/// Replaces a string turned into a generated enum (<c>new Color("RED")</c>, <c>(Color)"RED"</c>) with the enum's
/// property (<c>Color.Red</c>): for a value the model lists (CG1005), and for a typo with a suggestion (CG1004).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnumLiteralCodeFix)), Shared]
public sealed class EnumLiteralCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AnalyzerDescriptors.EnumValueAsString.Id, AnalyzerDescriptors.UnknownEnumValue.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(AnalyzerDescriptors.EnumMemberProperty, out var member) || member is null
                || EnumExpression(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } expression)
            {
                continue;
            }

            var title = "Use the enum property " + member;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, expression, member, ct), equivalenceKey: nameof(EnumLiteralCodeFix)),
                diagnostic);
        }
    }

    /// <summary>The creation or cast that turns the literal into the enum.</summary>
    private static ExpressionSyntax? EnumExpression(SyntaxNode literal)
    {
        for (var node = literal; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseObjectCreationExpressionSyntax creation:
                    return creation;
                case CastExpressionSyntax cast:
                    return cast;
                case ArgumentSyntax or ArgumentListSyntax or ParenthesizedExpressionSyntax or LiteralExpressionSyntax or PostfixUnaryExpressionSyntax:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, string member, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetTypeInfo(expression, cancellationToken).Type is not { } type || root is null)
        {
            return document;
        }

        var typeName = SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);
        var replacement = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, typeName, SyntaxFactory.IdentifierName(member))
            .WithTriviaFrom(expression)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, replacement));
    }
}
