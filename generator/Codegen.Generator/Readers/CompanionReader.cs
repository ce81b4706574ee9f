using System.Linq;
using System.Threading;
using Codegen.Generator.Endpoints;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

/// <summary>
/// Adds to a model what travels beside it: botocore's companion files (<see cref="CompanionKind"/>) or the same
/// facts as traits of a Smithy model. A kind the item turns off (<c>EndpointRules="false"</c>) is not read, from
/// either source. Problems in a companion file are diagnostics on that file; they never hide the model's own code,
/// because the files are read into their own parts of the model.
/// </summary>
internal static class CompanionReader
{
    public static ReadResult Attach(ReadResult read, SpecInput input, JsonObject? smithyRoot, CancellationToken cancellationToken)
    {
        if (read.Model is not { } model)
        {
            return read;
        }

        var diagnostics = read.Diagnostics.ToList();
        if (input.Options.Uses(CompanionKind.EndpointRules))
        {
            model = AttachEndpointRules(model, input, smithyRoot, diagnostics, cancellationToken);
        }

        model = AttachPaginators(model, input, diagnostics, cancellationToken);
        model = AttachWaiters(model, input, diagnostics, cancellationToken);

        return new ReadResult(model, diagnostics.ToEquatableArray());
    }

    private static ServiceModel AttachEndpointRules(ServiceModel model, SpecInput input, JsonObject? smithyRoot, System.Collections.Generic.List<Diagnostics.DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        EndpointRuleSet? rules = null;
        string? path = null;
        if (Companion(input, CompanionKind.EndpointRules) is { } file)
        {
            var bag = new DiagnosticBag(file.Path);
            rules = EndpointRuleSetReader.ReadText(file.Text, bag, cancellationToken);
            diagnostics.AddRange(bag.Items);
            path = file.Path;
            if (bag.HasErrors)
            {
                rules = null;
            }
        }
        else if (smithyRoot is not null && EndpointRuleSetReader.FindSmithyTrait(smithyRoot) is { } trait)
        {
            var bag = new DiagnosticBag(input.Path);
            rules = EndpointRuleSetReader.Read(trait, bag, cancellationToken);
            diagnostics.AddRange(bag.Items);
            path = input.Path;
            if (bag.HasErrors)
            {
                rules = null;
            }
        }

        return rules is null ? model : model with { EndpointRules = rules, EndpointRulesPath = path };
    }

    /// <summary>
    /// The paginators file, when the item brings one, replaces what a Smithy model's traits said (the Smithy reader
    /// has read those already); switched off, the model has none from either source.
    /// </summary>
    private static ServiceModel AttachPaginators(ServiceModel model, SpecInput input, System.Collections.Generic.List<Diagnostics.DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (!input.Options.Uses(CompanionKind.Paginators))
        {
            return model with { Paginators = EquatableArray<PaginatorModel>.Empty, PaginatorsPath = null };
        }

        if (Companion(input, CompanionKind.Paginators) is not { } file)
        {
            return model;
        }

        var bag = new DiagnosticBag(file.Path);
        var paginators = PaginatorReader.ReadBotocore(file.Text, bag, cancellationToken);
        diagnostics.AddRange(bag.Items);
        if (paginators is not { } read)
        {
            return model with { Paginators = EquatableArray<PaginatorModel>.Empty, PaginatorsPath = null };
        }

        // The file names operations by their key in the model's operations map; the model knows them by name.
        var byKey = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var operation in model.Operations)
        {
            if (operation.ModelKey is { } key)
            {
                byKey[key] = operation.Name;
            }
        }

        var named = read.Select(p => byKey.TryGetValue(p.Operation, out var name) ? p with { Operation = name } : p).ToEquatableArray();
        return model with { Paginators = named, PaginatorsPath = file.Path };
    }

    /// <summary>
    /// The waiters file, when the item brings one, replaces what a Smithy model's traits said; switched off, the
    /// model has none from either source.
    /// </summary>
    private static ServiceModel AttachWaiters(ServiceModel model, SpecInput input, System.Collections.Generic.List<Diagnostics.DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (!input.Options.Uses(CompanionKind.Waiters))
        {
            return model with { Waiters = EquatableArray<WaiterModel>.Empty, WaitersPath = null };
        }

        if (Companion(input, CompanionKind.Waiters) is not { } file)
        {
            return model;
        }

        var bag = new DiagnosticBag(file.Path);
        var waiters = WaiterReader.ReadBotocore(file.Text, bag, cancellationToken);
        diagnostics.AddRange(bag.Items);
        if (waiters is not { } read)
        {
            return model with { Waiters = EquatableArray<WaiterModel>.Empty, WaitersPath = null };
        }

        var byKey = OperationNamesByKey(model);
        var named = read.Select(w => byKey.TryGetValue(w.Operation, out var name) ? w with { Operation = name } : w).ToEquatableArray();
        return model with { Waiters = named, WaitersPath = file.Path };
    }

    /// <summary>Operation names by their key in the model's operations map (a companion file names them by key).</summary>
    private static System.Collections.Generic.Dictionary<string, string> OperationNamesByKey(ServiceModel model)
    {
        var byKey = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var operation in model.Operations)
        {
            if (operation.ModelKey is { } key)
            {
                byKey[key] = operation.Name;
            }
        }

        return byKey;
    }

    /// <summary>The item's companion file of <paramref name="kind"/>, if it brings one.</summary>
    public static CompanionFile? Companion(SpecInput input, CompanionKind kind) => input.Companions.FirstOrDefault(c => c.Kind == kind);
}
