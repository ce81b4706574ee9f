using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Codegen.Package.Tests.Infrastructure;

/// <summary>Model files for the consumers: the repository's seed spec, edits of it, and small specs written here.</summary>
internal static class Specs
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>specs/cognito-idp/VerifySoftwareToken.json.</summary>
    public static string SeedPath(PackageFixture package) => Path.Combine(package.RepositoryRoot, "specs", "cognito-idp", "VerifySoftwareToken.json");

    public static JsonObject Seed(PackageFixture package) => JsonNode.Parse(File.ReadAllText(SeedPath(package)))!.AsObject();

    public static string Text(JsonObject model) => model.ToJsonString(Indented) + "\n";

    /// <summary>Adds a member to a structure shape.</summary>
    public static void AddMember(JsonObject model, string shape, string member, string target) =>
        model["shapes"]![shape]!["members"]!.AsObject()[member] = new JsonObject { ["shape"] = target };

    /// <summary>Removes an error shape and every operation's reference to it.</summary>
    public static void RemoveError(JsonObject model, string shape)
    {
        model["shapes"]!.AsObject().Remove(shape);
        foreach (var (_, operation) in model["operations"]!.AsObject())
        {
            if (operation?["errors"] is JsonArray errors)
            {
                foreach (var error in errors.Where(e => (string?)e?["shape"] == shape).ToList())
                {
                    errors.Remove(error);
                }
            }
        }
    }

    /// <summary>A tiny awsJson 1.0 service with one operation, PutNote(Title, Body?) → NoteId.</summary>
    public static string TinyJsonService(string serviceId) => $$"""
        {
          "version": "2.0",
          "metadata": {
            "apiVersion": "2024-01-01",
            "endpointPrefix": "notes",
            "jsonVersion": "1.0",
            "protocol": "json",
            "serviceFullName": "{{serviceId}} Service",
            "serviceId": "{{serviceId}}",
            "signatureVersion": "v4",
            "targetPrefix": "Notes_20240101",
            "uid": "notes-2024-01-01"
          },
          "operations": {
            "PutNote": {
              "name": "PutNote",
              "http": { "method": "POST", "requestUri": "/" },
              "input": { "shape": "PutNoteInput" },
              "output": { "shape": "PutNoteOutput" }
            }
          },
          "shapes": {
            "PutNoteInput": {
              "type": "structure",
              "required": [ "Title" ],
              "members": {
                "Title": { "shape": "Text" },
                "Body": { "shape": "Text" }
              }
            },
            "PutNoteOutput": {
              "type": "structure",
              "members": { "NoteId": { "shape": "Text" } }
            },
            "Text": { "type": "string" }
          }
        }

        """;
}
