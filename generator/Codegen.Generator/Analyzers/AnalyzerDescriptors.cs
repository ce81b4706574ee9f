using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Analyzers;

/// <summary>
/// The rules of the analyzers that check user code against the models (CG1xxx; the generator's own model checks are
/// CG0xxx). docs/diagnostics.md lists each with an example; AnalyzerReleases.Unshipped.md tracks them. Each message
/// is the whole text (<c>{0}</c>), composed where the problem is found.
/// </summary>
internal static class AnalyzerDescriptors
{
    public const string Category = "Codegen.Usage";

    /// <summary>The key of the diagnostic property naming the enum member a code fix writes.</summary>
    public const string EnumMemberProperty = "EnumMember";

    public static readonly DiagnosticDescriptor ConstraintViolated = new(
        "CG1001", "A constant breaks a length or range constraint of the model", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The value is a constant, so the request is known to break the model's minimum or maximum before it is sent.");

    public static readonly DiagnosticDescriptor PatternViolated = new(
        "CG1002", "A constant string does not match the model's pattern", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The value is a constant string that the model's pattern rejects (checked as the runtime checks it with CheckPatterns).");

    public static readonly DiagnosticDescriptor RequiredMemberNull = new(
        "CG1003", "Null for a required member", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A null literal is given for a member the model requires: the call throws ArgumentNullException, or validation rejects the request.");

    public static readonly DiagnosticDescriptor UnknownEnumValue = new(
        "CG1004", "A string the model does not list as an enum value", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Enums keep values the model does not list (the service may add them later), but a constant that is not listed is usually a typo.");

    public static readonly DiagnosticDescriptor EnumValueAsString = new(
        "CG1005", "A known enum value written as a string", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true,
        description: "The enum has a property for this value; using it lets the compiler check the name.");

    public static readonly DiagnosticDescriptor IamActions = new(
        "CG1010", "The AWS actions this code calls (IAM policy)", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true,
        description: "Reported once per compilation when the project sets AwsIamPolicyOutput: the IAM actions of every operation the code calls; the build writes them as a policy to that file.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor IamUnknownOperation = new(
        "CG1011", "The IAM policy cannot name the operation of this call", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Reported when the project sets AwsIamPolicyOutput and a request is sent whose operation the code does not show (a request typed as IAwsRequest<T> with T unknown): the written policy does not include it.");

    /// <summary>The key of CG1010's property holding the policy document (JSON) that the build writes.</summary>
    public const string PolicyProperty = "Policy";

    public static readonly DiagnosticDescriptor SensitiveDataFlow = new(
        "CG1020", "A sensitive value reaches a log or a string", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A member the model marks sensitive (or a value read from one) flows into Console output, a logger, string interpolation or ToString of a type that does not redact it.");

    public static readonly DiagnosticDescriptor UnreachableCatch = new(
        "CG1030", "The operations called in the try block cannot throw this error", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true,
        description: "None of the operations called in the try block lists this error in the model, so the catch clause never runs.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
