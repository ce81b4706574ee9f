using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;

namespace Codegen.Generator.Readers;

/// <summary>Parses a spec file and hands it to the reader of its format (botocore JSON or Smithy JSON AST).</summary>
internal static class ModelReader
{
    /// <summary>The model of a spec file alone, with no companion files and every Smithy trait used.</summary>
    public static ReadResult Read(string path, string text, CancellationToken cancellationToken) =>
        Read(new SpecInput(path, text, SpecOptions.Default), cancellationToken);

    /// <summary>
    /// The model of a spec file with what its companion files (or, for Smithy, its traits) add, as far as the item's
    /// options use them (<see cref="CompanionReader"/>).
    /// </summary>
    public static ReadResult Read(SpecInput input, CancellationToken cancellationToken)
    {
        var path = input.Path;
        var text = input.Text;
        var diagnostics = new DiagnosticBag(path);
        JsonValue root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonParseException e)
        {
            diagnostics.Add(DiagnosticDescriptors.MalformedJson, SourceSpan.At(e.Position), e.Reason);
            return new ReadResult(null, diagnostics.Items.ToEquatableArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (root is not JsonObject rootObject)
        {
            diagnostics.Add(DiagnosticDescriptors.UnknownFormat, root, "it must be a JSON object (botocore service JSON or Smithy JSON AST), found " + JsonValue.Describe(root.Kind));
            return new ReadResult(null, diagnostics.Items.ToEquatableArray());
        }

        if (SmithyReader.Recognizes(rootObject))
        {
            return CompanionReader.Attach(SmithyReader.Read(path, rootObject, input.Options.Protocol, cancellationToken), input, rootObject, cancellationToken);
        }

        if (BotocoreReader.Recognizes(rootObject))
        {
            return CompanionReader.Attach(BotocoreReader.Read(path, rootObject, input.Options.Protocol, cancellationToken), input, smithyRoot: null, cancellationToken);
        }

        diagnostics.Add(DiagnosticDescriptors.UnknownFormat, root,
            "expected botocore service JSON (with 'metadata' and 'shapes') or Smithy JSON AST (with 'smithy' and 'shapes')");
        return new ReadResult(null, diagnostics.Items.ToEquatableArray());
    }
}
