using System;
using System.IO;
using System.Linq;
using Codegen.Generator.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Codegen.Build;

/// <summary>
/// Writes the IAM policy that analyzer CG1010 reported in the compiler's error log (SARIF 2.1 or 1.0) to
/// <see cref="OutputPath"/>. The file is rewritten only when its text changes, so an unchanged policy keeps its time stamp.
/// </summary>
public sealed class WriteIamPolicy : Task
{
    /// <summary>The rule that carries the policy, and the property holding it (Codegen.Generator's AnalyzerDescriptors).</summary>
    internal const string RuleId = "CG1010";

    internal const string PolicyProperty = "Policy";

    /// <summary>The compiler's error log (the <c>ErrorLog</c> property; a <c>,version=...</c> suffix is ignored).</summary>
    [Required]
    public string ErrorLog { get; set; } = "";

    /// <summary>Where the policy goes (<c>AwsIamPolicyOutput</c>).</summary>
    [Required]
    public string OutputPath { get; set; } = "";

    /// <inheritdoc/>
    public override bool Execute()
    {
        var log = ErrorLog.Split(',')[0].Trim();
        if (!File.Exists(log))
        {
            Log.LogError(null, "CG1012", null, null, 0, 0, 0, 0,
                $"AwsIamPolicyOutput is set, but the compiler wrote no error log at '{log}' to read the policy from");
            return false;
        }

        string? policy;
        try
        {
            policy = FindPolicy(File.ReadAllText(log));
        }
        catch (JsonParseException e)
        {
            Log.LogError(null, "CG1012", null, log, 0, 0, 0, 0, $"the compiler's error log is not valid JSON ({e.Message}); the IAM policy cannot be written");
            return false;
        }

        if (policy is null)
        {
            Log.LogError(null, "CG1012", null, null, 0, 0, 0, 0,
                $"AwsIamPolicyOutput is set, but the compiler reported no {RuleId} (is the rule turned off in .editorconfig, or are analyzers disabled?); the IAM policy was not written");
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(OutputPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (!File.Exists(OutputPath) || File.ReadAllText(OutputPath) != policy)
        {
            File.WriteAllText(OutputPath, policy);
        }

        Log.LogMessage(MessageImportance.Normal, $"Codegen: IAM policy written to {OutputPath}");
        return true;
    }

    /// <summary>The <c>Policy</c> property of the first CG1010 result, wherever the SARIF version puts it under the result.</summary>
    internal static string? FindPolicy(string sarif)
    {
        if (JsonParser.Parse(sarif) is not JsonObject root || root.GetArray("runs") is not { } runs)
        {
            return null;
        }

        foreach (var result in runs.Items.OfType<JsonObject>().SelectMany(r => r.GetArray("results")?.Items.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>()))
        {
            if (result.GetString("ruleId") == RuleId && Find(result, PolicyProperty) is { } policy)
            {
                return policy;
            }
        }

        return null;
    }

    private static string? Find(JsonValue value, string name)
    {
        switch (value)
        {
            case JsonObject obj:
                if (obj.GetString(name) is { } found)
                {
                    return found;
                }

                foreach (var property in obj.Properties)
                {
                    if (Find(property.Value, name) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonArray array:
                return array.Items.Select(item => Find(item, name)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }
}
