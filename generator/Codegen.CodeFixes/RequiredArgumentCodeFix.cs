using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
/// Adds the required members a generated type's constructor is missing (the compiler's CS7036, e.g.
/// <c>new VerifySoftwareToken()</c>) as named arguments. A value the object initializer already sets moves into the
/// constructor; any other gets a placeholder of its type that the model checks flag until it is filled in
/// (<c>""</c>, <c>0</c>, the enum's first value, <c>default!</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequiredArgumentCodeFix)), Shared]
public sealed class RequiredArgumentCodeFix : CodeFixProvider
{
    private const string MissingArgument = "CS7036";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MissingArgument);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var creation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
            if (creation is null || Constructor(model, creation, context.CancellationToken) is not { } constructor || Missing(model, creation, constructor).Count == 0)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Add the required members", ct => AddAsync(context.Document, creation, ct), equivalenceKey: nameof(RequiredArgumentCodeFix)),
                diagnostic);
        }
    }

    /// <summary>The public constructor of a type Codegen generated, which takes exactly the required members.</summary>
    private static IMethodSymbol? Constructor(SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol type || !ModelIndex.IsGenerated(type))
        {
            return null;
        }

        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        return constructors.Count == 1 ? constructors[0] : null;
    }

    private static List<IParameterSymbol> Missing(SemanticModel model, BaseObjectCreationExpressionSyntax creation, IMethodSymbol constructor)
    {
        var arguments = creation.ArgumentList?.Arguments ?? default;
        var named = new HashSet<string>(arguments.Where(a => a.NameColon is not null).Select(a => a.NameColon!.Name.Identifier.ValueText), StringComparer.Ordinal);
        var positional = arguments.Count(a => a.NameColon is null);
        return constructor.Parameters.Skip(positional).Where(p => !named.Contains(p.Name)).ToList();
    }

    private static async Task<Document> AddAsync(Document document, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Constructor(model, creation, cancellationToken) is not { } constructor)
        {
            return document;
        }

        var initializer = creation.Initializer;
        var arguments = creation.ArgumentList ?? SyntaxFactory.ArgumentList();
        foreach (var parameter in Missing(model, creation, constructor))
        {
            ExpressionSyntax value;
            if (initializer is not null && Assignment(initializer, parameter) is { } assignment)
            {
                // The initializer sets this member: its value moves into the constructor.
                value = assignment.Right.WithoutTrivia();
                initializer = initializer.WithExpressions(initializer.Expressions.Remove(assignment));
            }
            else
            {
                value = Placeholder(parameter.Type);
            }

            arguments = arguments.AddArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon(parameter.Name), default, value));
        }

        BaseObjectCreationExpressionSyntax updated = creation.WithArgumentList(arguments);
        if (initializer is not null)
        {
            updated = initializer.Expressions.Count == 0
                ? updated.WithInitializer(null).WithTrailingTrivia(creation.GetTrailingTrivia())
                : updated.WithInitializer(initializer);
        }

        if (updated is ObjectCreationExpressionSyntax { Type: var type } explicitCreation && creation.ArgumentList is null)
        {
            // `new T { ... }` has no argument list: the type's trailing space belongs after the arguments now.
            updated = explicitCreation.WithType(type.WithoutTrailingTrivia());
        }

        return document.WithSyntaxRoot(root.ReplaceNode(creation, updated.WithAdditionalAnnotations(Simplifier.Annotation)));
    }

    private static AssignmentExpressionSyntax? Assignment(InitializerExpressionSyntax initializer, IParameterSymbol parameter)
    {
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                && string.Equals(name.Identifier.ValueText, parameter.Name, StringComparison.OrdinalIgnoreCase))
            {
                return assignment;
            }
        }

        return null;
    }

    private static ExpressionSyntax Placeholder(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Empty));
            case SpecialType.System_Boolean:
                return SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression);
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32
                or SpecialType.System_Int64 or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0));
        }

        if (type is INamedTypeSymbol { IsValueType: true } named && ModelIndex.IsGenerated(named)
            && named.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => p.IsStatic && SymbolEqualityComparer.Default.Equals(p.Type, named)) is { } firstValue)
        {
            // A generated enum: its first listed value.
            var typeName = SyntaxFactory.ParseTypeName(named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);
            return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, typeName, SyntaxFactory.IdentifierName(firstValue.Name));
        }

        return SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression));
    }
}
