using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Codegen.Generator.Model;

namespace Codegen.Generator.Analyzers;

/// <summary>
/// The least-privilege IAM policy of a set of operation calls: one <c>Allow</c> statement per set of resources
/// (<c>"*"</c> when the model names none), listing <c>{prefix}:{action}</c> for each operation (the prefix is the
/// model's ARN namespace, else its signing name; the action is the operation's name unless <c>aws.iam#iamAction</c>
/// renames it) and the actions the model says each needs as well (<c>aws.iam#requiredActions</c>, on any resource).
/// </summary>
internal static class IamPolicy
{
    public static string Action(CodeModel model, CodeOperation operation) =>
        (model.Metadata.ArnNamespace ?? model.Metadata.SigningName) + ":" + (operation.Operation.Iam?.ActionName ?? operation.Operation.Name);

    /// <summary>The actions, sorted, and the policy document (indented JSON, the same text for the same calls).</summary>
    public static (IReadOnlyList<string> Actions, string Document) Build(IEnumerable<OperationCall> calls)
    {
        var byResources = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string resources, string action)
        {
            if (!byResources.TryGetValue(resources, out var actions))
            {
                byResources[resources] = actions = new SortedSet<string>(StringComparer.Ordinal);
            }

            actions.Add(action);
        }

        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var action = Action(call.Model, call.Operation);
            var iam = call.Operation.Operation.Iam;
            Add(iam is { ResourceArns.IsEmpty: false } ? string.Join("\n", iam.ResourceArns.OrderBy(a => a, StringComparer.Ordinal)) : "*", action);
            all.Add(action);
            foreach (var required in iam?.RequiredActions ?? EquatableArray<string>.Empty)
            {
                Add("*", required);
                all.Add(required);
            }
        }

        var json = new StringBuilder();
        json.Append("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [");
        var first = true;
        foreach (var statement in byResources)
        {
            json.Append(first ? "\n" : ",\n");
            first = false;
            json.Append("    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\n");
            json.Append(string.Join(",\n", statement.Value.Select(a => "        " + Emit.CSharp.Literal(a))));
            json.Append("\n      ],\n      \"Resource\": ");
            var resources = statement.Key.Split('\n');
            json.Append(statement.Key == "*" ? "\"*\"" : "[\n" + string.Join(",\n", resources.Select(r => "        " + Emit.CSharp.Literal(r))) + "\n      ]");
            json.Append("\n    }");
        }

        json.Append(first ? "]\n}\n" : "\n  ]\n}\n");
        return (all.ToList(), json.ToString());
    }
}
