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

    /// <summary>The item's companion file of <paramref name="kind"/>, if it brings one.</summary>
    public static CompanionFile? Companion(SpecInput input, CompanionKind kind) => input.Companions.FirstOrDefault(c => c.Kind == kind);
}
