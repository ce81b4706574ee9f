using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

/// <summary>
/// Reads waiters: botocore's <c>waiters-2.json</c> (<c>{"version": 2, "waiters": {"TableExists": {"operation": ...}}}</c>)
/// and Smithy's <c>smithy.waiters#waitable</c> trait (on an operation, one member per waiter). Only the shape of the
/// definitions is checked here (CG0022); whether their expressions fit the operation's output is checked when they
/// are compiled (<see cref="Waiting.WaiterEmitter"/>). A malformed waiter is left out; the others are read.
/// </summary>
internal static class WaiterReader
{
    public const string SmithyTrait = "smithy.waiters#waitable";

    /// <summary>Parses a botocore waiters file; null (with diagnostics) when it is not one.</summary>
    public static EquatableArray<WaiterModel>? ReadBotocore(string text, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        JsonValue root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonParseException e)
        {
            diagnostics.Add(DiagnosticDescriptors.MalformedJson, SourceSpan.At(e.Position), e.Reason);
            return null;
        }

        if (root is not JsonObject file || file["waiters"] is not JsonObject waiters)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, root, "a waiters file must be a JSON object with a 'waiters' object, one member per waiter");
            return null;
        }

        if (file["version"] is JsonNumber version && version.Text != "2")
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, version, $"this waiters file is version {version.Text}; only version 2 is read");
            return null;
        }

        var result = new List<WaiterModel>();
        foreach (var property in waiters.Properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var owner = $"the waiter '{property.Name}'";
            if (property.Value is not JsonObject definition)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, property.Value, $"{owner} must be an object, found {JsonValue.Describe(property.Value.Kind)}");
                continue;
            }

            if (definition["operation"] is not JsonString operation)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, definition["operation"] ?? definition, $"{owner} needs an 'operation' string");
                continue;
            }

            var delay = Seconds(definition, "delay", owner, diagnostics, required: true, minimum: 1);
            var attempts = Seconds(definition, "maxAttempts", owner, diagnostics, required: true, minimum: 1);
            if (delay is null || attempts is null || definition["acceptors"] is not { } list)
            {
                if (definition["acceptors"] is null)
                {
                    diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, definition, $"{owner} has no 'acceptors'");
                }

                continue;
            }

            var acceptors = Acceptors(list, owner, diagnostics, BotocoreAcceptor);
            if (acceptors is null)
            {
                continue;
            }

            result.Add(new WaiterModel(property.Name, operation.Value, DiagnosticBag.NameSpan(property))
            {
                Acceptors = acceptors.ToEquatableArray(),
                MinDelay = delay.Value,
                MaxDelay = delay.Value,
                MaxAttempts = attempts.Value,
                Documentation = definition.GetString("description"),
            });
        }

        return result.ToEquatableArray();
    }

    /// <summary>
    /// The waiters of a Smithy operation <paramref name="operation"/> with the <c>waitable</c> trait
    /// (<paramref name="trait"/>); none without the trait.
    /// </summary>
    public static List<WaiterModel> ReadSmithy(string operation, JsonValue? trait, DiagnosticBag diagnostics)
    {
        var result = new List<WaiterModel>();
        if (trait is null)
        {
            return result;
        }

        if (trait is not JsonObject waiters)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, trait, $"the waitable trait of '{operation}' must be an object, one member per waiter");
            return result;
        }

        foreach (var property in waiters.Properties)
        {
            var owner = $"the waiter '{property.Name}'";
            if (property.Value is not JsonObject definition)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, property.Value, $"{owner} must be an object, found {JsonValue.Describe(property.Value.Kind)}");
                continue;
            }

            var min = Seconds(definition, "minDelay", owner, diagnostics, required: false, minimum: 1) ?? 2;
            var max = Seconds(definition, "maxDelay", owner, diagnostics, required: false, minimum: 1) ?? 120;
            if (max < min)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, definition["maxDelay"] ?? definition, $"{owner} has a maxDelay ({max}) below its minDelay ({min})");
                continue;
            }

            if (definition["acceptors"] is not { } list)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, definition, $"{owner} has no 'acceptors'");
                continue;
            }

            var acceptors = Acceptors(list, owner, diagnostics, SmithyAcceptor);
            if (acceptors is null)
            {
                continue;
            }

            result.Add(new WaiterModel(property.Name, operation, DiagnosticBag.NameSpan(property))
            {
                Acceptors = acceptors.ToEquatableArray(),
                MinDelay = min,
                MaxDelay = max,
                Documentation = definition.GetString("documentation"),
                Deprecated = definition.GetBoolean("deprecated"),
            });
        }

        return result;
    }

    private delegate WaiterAcceptor? AcceptorReader(JsonObject acceptor, WaiterState state, string owner, DiagnosticBag diagnostics);

    private static List<WaiterAcceptor>? Acceptors(JsonValue list, string owner, DiagnosticBag diagnostics, AcceptorReader read)
    {
        if (list is not JsonArray { Items.Count: > 0 } array)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, list, $"the 'acceptors' of {owner} must be a non-empty list");
            return null;
        }

        var result = new List<WaiterAcceptor>();
        var ok = true;
        for (var i = 0; i < array.Items.Count; i++)
        {
            var what = $"acceptor {i + 1} of {owner}";
            if (array.Items[i] is not JsonObject acceptor)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, array.Items[i], $"{what} must be an object");
                ok = false;
                continue;
            }

            WaiterState? state = acceptor.GetString("state") switch
            {
                "success" => WaiterState.Success,
                "failure" => WaiterState.Failure,
                "retry" => WaiterState.Retry,
                _ => null,
            };
            if (state is null)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, acceptor["state"] ?? acceptor, $"{what} needs a 'state' of 'success', 'failure' or 'retry'");
                ok = false;
                continue;
            }

            if (read(acceptor, state.Value, what, diagnostics) is { } made)
            {
                result.Add(made);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private static WaiterAcceptor? BotocoreAcceptor(JsonObject acceptor, WaiterState state, string what, DiagnosticBag diagnostics)
    {
        var at = DiagnosticBag.Span(acceptor);
        var expected = acceptor["expected"];
        if (expected is null)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, acceptor, $"{what} has no 'expected' value");
            return null;
        }

        switch (acceptor.GetString("matcher"))
        {
            case "path":
            case "pathAll":
            case "pathAny":
                var kind = acceptor.GetString("matcher") switch { "path" => WaiterMatcher.Path, "pathAll" => WaiterMatcher.PathAll, _ => WaiterMatcher.PathAny };
                if (acceptor["argument"] is not JsonString argument)
                {
                    diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, acceptor["argument"] ?? acceptor, $"{what} needs an 'argument' string (a JMESPath expression)");
                    return null;
                }

                return Value(expected, what, diagnostics) is { } value
                    ? new WaiterAcceptor(state, kind, value, at) { Argument = PaginatorReader.Expression(argument) }
                    : null;
            case "status":
                if (expected is JsonNumber number && number.TryGetInt64(out var status) && status is >= 100 and <= 999)
                {
                    return new WaiterAcceptor(state, WaiterMatcher.Status, new WaiterExpected(number.Text, number.Text), at);
                }

                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, expected, $"the 'expected' value of {what} (a status matcher) must be an HTTP status code");
                return null;
            case "error":
                switch (expected)
                {
                    case JsonString code when code.Value.Length > 0:
                        return new WaiterAcceptor(state, WaiterMatcher.Error, new WaiterExpected(Quote(code.Value), code.Value), at);
                    case JsonBoolean { Value: true }:
                        return new WaiterAcceptor(state, WaiterMatcher.AnyError, null, at);
                    case JsonBoolean { Value: false }:
                        return new WaiterAcceptor(state, WaiterMatcher.NoError, null, at);
                    default:
                        diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, expected, $"the 'expected' value of {what} (an error matcher) must be an error code or a boolean");
                        return null;
                }

            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, acceptor["matcher"] ?? acceptor, $"{what} needs a 'matcher' of 'path', 'pathAll', 'pathAny', 'status' or 'error'");
                return null;
        }
    }

    private static WaiterAcceptor? SmithyAcceptor(JsonObject acceptor, WaiterState state, string what, DiagnosticBag diagnostics)
    {
        var at = DiagnosticBag.Span(acceptor);
        if (acceptor["matcher"] is not JsonObject { Properties.Count: 1 } matcher)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, acceptor["matcher"] ?? acceptor, $"{what} needs a 'matcher' object with one member ('output', 'inputOutput', 'success' or 'errorType')");
            return null;
        }

        var member = matcher.Properties[0];
        switch (member.Name, member.Value)
        {
            case ("success", JsonBoolean success):
                return new WaiterAcceptor(state, success.Value ? WaiterMatcher.NoError : WaiterMatcher.AnyError, null, at);
            case ("errorType", JsonString type) when type.Value.Length > 0:
                // An absolute shape id (com.example#NotFound) names the error by its shape name, which is its code.
                var code = type.Value.Substring(type.Value.IndexOf('#') + 1);
                return new WaiterAcceptor(state, WaiterMatcher.Error, new WaiterExpected(Quote(code), code), at);
            case ("output", JsonObject output):
                if (output["path"] is not JsonString path || output["expected"] is not JsonString expected)
                {
                    diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, output, $"the output matcher of {what} needs 'path' and 'expected' strings");
                    return null;
                }

                switch (output.GetString("comparator"))
                {
                    case "stringEquals":
                        return new WaiterAcceptor(state, WaiterMatcher.Path, new WaiterExpected(Quote(expected.Value), expected.Value), at) { Argument = PaginatorReader.Expression(path) };
                    case "booleanEquals" when expected.Value is "true" or "false":
                        return new WaiterAcceptor(state, WaiterMatcher.Path, new WaiterExpected(expected.Value, expected.Value), at) { Argument = PaginatorReader.Expression(path) };
                    case "booleanEquals":
                        diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, expected, $"the booleanEquals matcher of {what} expects 'true' or 'false', not '{expected.Value}'");
                        return null;
                    case "allStringEquals":
                        return new WaiterAcceptor(state, WaiterMatcher.PathAll, new WaiterExpected(Quote(expected.Value), expected.Value), at) { Argument = PaginatorReader.Expression(path) };
                    case "anyStringEquals":
                        return new WaiterAcceptor(state, WaiterMatcher.PathAny, new WaiterExpected(Quote(expected.Value), expected.Value), at) { Argument = PaginatorReader.Expression(path) };
                    default:
                        diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, output["comparator"] ?? output, $"the output matcher of {what} needs a 'comparator' of 'stringEquals', 'booleanEquals', 'allStringEquals' or 'anyStringEquals'");
                        return null;
                }

            case ("inputOutput", _):
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, member.Value, $"{what} uses an inputOutput matcher, which is not supported yet (an expression over the input and the output); the waiter is not generated");
                return null;
            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, member.Value, $"{what} has an unknown matcher '{member.Name}' (or a value of the wrong type for it)");
                return null;
        }
    }

    /// <summary>The expected value of a path matcher: a string, a boolean or a number.</summary>
    private static WaiterExpected? Value(JsonValue expected, string what, DiagnosticBag diagnostics)
    {
        switch (expected)
        {
            case JsonString text:
                return new WaiterExpected(Quote(text.Value), text.Value);
            case JsonBoolean boolean:
                return new WaiterExpected(boolean.Value ? "true" : "false", boolean.Value ? "true" : "false");
            case JsonNumber number:
                return new WaiterExpected(number.Text, number.Text);
            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, expected, $"the 'expected' value of {what} must be a string, a boolean or a number, found {JsonValue.Describe(expected.Kind)}");
                return null;
        }
    }

    private static int? Seconds(JsonObject definition, string name, string owner, DiagnosticBag diagnostics, bool required, int minimum)
    {
        switch (definition[name])
        {
            case null when !required:
                return null;
            case JsonNumber number when number.TryGetInt64(out var value) && value >= minimum && value <= 86_400:
                return (int)value;
            case null:
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, definition, $"{owner} has no '{name}'");
                return null;
            case var other:
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, other, $"'{name}' of {owner} must be a whole number from {minimum.ToString(CultureInfo.InvariantCulture)} to 86400");
                return null;
        }
    }

    /// <summary>A string as JSON text (a JMESPath raw literal's content is compared as this).</summary>
    private static string Quote(string value)
    {
        var b = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case < ' ': b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: b.Append(c); break;
            }
        }

        return b.Append('"').ToString();
    }
}
