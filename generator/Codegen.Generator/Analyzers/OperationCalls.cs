using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Codegen.Generator.Analyzers;

/// <summary>An operation of a model that a call sends.</summary>
internal sealed record OperationCall(CodeModel Model, CodeOperation Operation);

/// <summary>
/// Which operation a call sends: a generated client's method (<c>VerifySoftwareTokenAsync(request)</c>), or the
/// runtime client's <c>SendAsync</c> with a generated request (or a request typed by its generated response); the
/// same methods called through the client's interface (<c>ICognitoIdentityProviderClient</c>) count too.
/// </summary>
internal static class OperationCalls
{
    public enum Kind
    {
        /// <summary>The call sends nothing.</summary>
        None,

        /// <summary>The call sends <see cref="OperationCall"/>.</summary>
        Operation,

        /// <summary>The call sends a request whose operation cannot be told from the code (a request typed as the interface).</summary>
        Unknown,
    }

    public static (Kind Kind, OperationCall? Call) Resolve(IInvocationOperation invocation, ModelIndex index)
    {
        var method = invocation.TargetMethod;
        if (!IsClient(method.ContainingType) && index.Find(method.ContainingType) is not { IsClient: true })
        {
            return (Kind.None, null); // neither a client nor a generated client interface (I{Service}Client)
        }

        if (index.Find(method.ContainingType) is { IsClient: true } && method.Parameters.Length > 0
            && index.Find(method.Parameters[0].Type) is { Type: { Role: TypeRole.Request } request } requestOwner)
        {
            return Found(requestOwner.Model, o => o.RequestTypeName == request.TypeName);
        }

        if (method.Name != "SendAsync" || invocation.Arguments.Length == 0)
        {
            return (Kind.None, null);
        }

        var argument = invocation.Arguments[0].Value;
        while (argument is IConversionOperation { IsImplicit: true } conversion)
        {
            argument = conversion.Operand;
        }

        if (index.Find(argument.Type) is { Type: { Role: TypeRole.Request } sent } sentOwner)
        {
            return Found(sentOwner.Model, o => o.RequestTypeName == sent.TypeName);
        }

        if (method.TypeArguments.Length == 1 && index.Find(method.TypeArguments[0]) is { Type: { Role: TypeRole.Response } response } responseOwner)
        {
            return Found(responseOwner.Model, o => o.ResponseTypeName == response.TypeName);
        }

        return (Kind.Unknown, null);
    }

    /// <summary>The runtime's <c>AwsClient</c> or a type derived from it.</summary>
    public static bool IsClient(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "AwsClient" && current.ContainingNamespace?.ToDisplayString() == "Codegen.Runtime.Client")
            {
                return true;
            }
        }

        return false;
    }

    private static (Kind, OperationCall?) Found(CodeModel model, System.Func<CodeOperation, bool> match)
    {
        foreach (var operation in model.Operations)
        {
            if (match(operation))
            {
                return (Kind.Operation, new OperationCall(model, operation));
            }
        }

        return (Kind.Unknown, null);
    }
}
