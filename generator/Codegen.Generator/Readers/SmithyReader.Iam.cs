using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

// IAM traits, read for the least-privilege policy the analyzers write (nothing here changes generated code).
internal sealed partial class SmithyReader
{
    private string? _arnNamespace;
    private Dictionary<string, List<string>>? _arnsByOperation;
    private Dictionary<string, string>? _arnsByResourceName;

    /// <summary>The operation's IAM details, or null when its model has no IAM traits for it.</summary>
    private OperationIam? ReadIam(SmithyShape operation)
    {
        var owner = $"operation '{operation.Id}'";
        var action = TraitObject(operation.Traits, SmithyTraits.IamAction, owner);
        var required = new List<string>();
        if (operation.Traits.TryGetValue(SmithyTraits.IamRequiredActions, out var list))
        {
            if (list is JsonArray items)
            {
                required.AddRange(items.Items.OfType<JsonString>().Select(i => i.Value).Where(v => v.Length > 0));
            }
            else
            {
                Report(Diagnostics.DiagnosticDescriptors.Unsupported, list, $"trait {SmithyTraits.IamRequiredActions} of {owner} must be an array of action names; it is ignored");
            }
        }

        IndexIamResources();
        var arns = new List<string>();
        if (_arnsByOperation!.TryGetValue(operation.Id, out var bound))
        {
            arns.AddRange(bound);
        }

        foreach (var name in action?.GetObject("resources")?.GetObject("required")?.Properties.Select(p => p.Name) ?? Enumerable.Empty<string>())
        {
            if (_arnsByResourceName!.TryGetValue(name, out var arn) && !arns.Contains(arn))
            {
                arns.Add(arn);
            }
        }

        var actionName = action?.GetString("name");
        return actionName is null && required.Count == 0 && arns.Count == 0
            ? null
            : new OperationIam(actionName, required.Distinct(StringComparer.Ordinal).ToEquatableArray(), arns.ToEquatableArray());
    }

    /// <summary>
    /// The ARN pattern of every resource with <c>aws.iam#iamResource</c> and a relative <c>aws.api#arn</c> template, by
    /// the operations it binds as instance operations (read, put, update, delete, operations) and by its IAM name.
    /// </summary>
    private void IndexIamResources()
    {
        if (_arnsByOperation is not null)
        {
            return;
        }

        _arnsByOperation = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        _arnsByResourceName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in _shapes.Values.Where(s => s.Type == "resource").OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var traits = resource.Json.GetObject("traits");
            if (traits?.GetObject(SmithyTraits.IamResource) is not { } iamResource || _arnNamespace is null
                || traits.GetObject(SmithyTraits.Arn) is not { } arnTrait || arnTrait.GetString("template") is not { } template
                || arnTrait.GetBoolean("absolute"))
            {
                continue;
            }

            var region = arnTrait.GetBoolean("noRegion") ? "" : "*";
            var account = arnTrait.GetBoolean("noAccount") ? "" : "*";
            var arn = $"arn:aws:{_arnNamespace}:{region}:{account}:{WildcardLabels(template)}";
            _arnsByResourceName[iamResource.GetString("name") ?? resource.ShortName] = arn;
            var instanceOperations = new[] { "read", "put", "update", "delete" }
                .Select(key => resource.Json.GetObject(key)?.GetString("target"))
                .Concat(resource.Json.GetArray("operations")?.Items.OfType<JsonObject>().Select(o => o.GetString("target")) ?? Enumerable.Empty<string?>());
            foreach (var id in instanceOperations)
            {
                if (id is null)
                {
                    continue;
                }

                if (!_arnsByOperation.TryGetValue(id, out var arns))
                {
                    _arnsByOperation[id] = arns = new List<string>();
                }

                if (!arns.Contains(arn))
                {
                    arns.Add(arn);
                }
            }
        }
    }

    /// <summary><c>userpool/{UserPoolId}</c> → <c>userpool/*</c>: any value of an identifier.</summary>
    private static string WildcardLabels(string template)
    {
        var result = new System.Text.StringBuilder(template.Length);
        var inLabel = false;
        foreach (var c in template)
        {
            if (c == '{')
            {
                inLabel = true;
                result.Append('*');
            }
            else if (c == '}')
            {
                inLabel = false;
            }
            else if (!inLabel)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
