using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Validation;

/// <summary>
/// A request breaks constraints of its model; <see cref="Problems"/> lists every one, each with its member path
/// (e.g. <c>UserCode: length 5, minimum 6</c>). Values are never quoted, so sensitive members cannot leak.
/// </summary>
public sealed class RequestValidationException : ArgumentException
{
    /// <summary>Creates the exception for the problems found in a request of <paramref name="typeName"/>.</summary>
    public RequestValidationException(string typeName, IReadOnlyList<string> problems)
        : base($"{typeName} is not valid: " + string.Join("; ", problems))
    {
        TypeName = typeName;
        Problems = problems;
    }

    /// <summary>The request type.</summary>
    public string TypeName { get; }

    /// <summary>Every problem, as <c>path: what is wrong</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
