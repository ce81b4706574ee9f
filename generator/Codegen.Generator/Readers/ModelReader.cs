using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

/// <summary>Parses a spec file and hands it to the reader of its format (botocore JSON or Smithy JSON AST).</summary>
internal static class ModelReader
{
    public static ReadResult Read(string path, string text, CancellationToken cancellationToken)
    {
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
            return SmithyReader.Read(path, rootObject, cancellationToken);
        }

        if (BotocoreReader.Recognizes(rootObject))
        {
            return BotocoreReader.Read(path, rootObject, cancellationToken);
        }

        diagnostics.Add(DiagnosticDescriptors.UnknownFormat, root,
            "expected botocore service JSON (with 'metadata' and 'shapes') or Smithy JSON AST (with 'smithy' and 'shapes')");
        return new ReadResult(null, diagnostics.Items.ToEquatableArray());
    }
}
