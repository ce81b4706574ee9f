using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.Generation;

/// <summary>
/// Redaction by shape: a structure or union the model marks sensitive as a whole prints none of its members (nor, for
/// a union, its case), a member of such a type prints as <c>***</c> in its parent, and the readers of a sensitive map
/// (sensitive itself, or of sensitive keys or values) put no key in a failure's path, while other maps' keys are escaped.
/// </summary>
public class RedactionSnapshotTests
{
    private const string Model = """
        {
          "metadata": { "apiVersion": "2026-01-01", "endpointPrefix": "vault", "jsonVersion": "1.1", "protocol": "json", "serviceId": "Vault", "targetPrefix": "Vault" },
          "operations": {
            "Open": { "name": "Open", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "OpenInput" }, "output": { "shape": "OpenOutput" } }
          },
          "shapes": {
            "OpenInput": { "type": "structure", "members": {
              "UserContextData": { "shape": "UserContextDataType" }, "Hint": { "shape": "Hint" }, "Name": { "shape": "Text" } } },
            "OpenOutput": { "type": "structure", "members": {
              "Secrets": { "shape": "SecretMap" }, "Passwords": { "shape": "PasswordMap" }, "ByPassword": { "shape": "PasswordKeyMap" },
              "Tags": { "shape": "TagMap" }, "Contexts": { "shape": "ContextList" } } },
            "UserContextDataType": { "type": "structure", "members": { "IpAddress": { "shape": "Text" }, "EncodedData": { "shape": "Text" } }, "sensitive": true },
            "Hint": { "type": "structure", "union": true, "members": { "Word": { "shape": "Text" }, "Number": { "shape": "Count" } }, "sensitive": true },
            "ContextList": { "type": "list", "member": { "shape": "UserContextDataType" } },
            "SecretMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "Text" }, "sensitive": true },
            "PasswordMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "Password" } },
            "PasswordKeyMap": { "type": "map", "key": { "shape": "Password" }, "value": { "shape": "Text" } },
            "TagMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "Text" } },
            "Password": { "type": "string", "sensitive": true },
            "Count": { "type": "integer" },
            "Text": { "type": "string" }
          }
        }
        """;

    [Fact]
    public void SensitiveShapesAndSensitiveMaps()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { new Spec("/project/specs/vault.json", Model) });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        var wanted = new[] { "Aws.Vault/UserContextDataType.g.cs", "Aws.Vault/Hint.g.cs", "Aws.Vault/Open.g.cs", "Aws.Vault/OpenResponse.g.cs", "Aws.Vault/Serialization/OpenResponseJsonCodec.g.cs" };
        var files = run.Results.Single().GeneratedSources
            .Where(s => wanted.Contains(s.HintName))
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToList();
        Assert.Equal(wanted.Length, files.Count);
        Snapshot.Verify(nameof(RedactionSnapshotTests), files, diagnostics.Select(d => d.ToString()));
    }
}
