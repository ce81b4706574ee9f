using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

/// <summary>Reads Smithy 2.0 JSON AST models. (Being written; until then such files are reported, not read.)</summary>
internal static class SmithyReader
{
    public static bool Recognizes(JsonObject root) => root["smithy"] is JsonString;

    public static ReadResult Read(string path, JsonObject root, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag(path);
        diagnostics.Add(DiagnosticDescriptors.Unsupported, root, "Smithy JSON AST models are not read yet");
        return new ReadResult(null, diagnostics.Items.ToEquatableArray());
    }
}
