using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;

namespace Codegen.Generator.Protocols.Http;

/// <summary>
/// The parts of a request and response that the REST protocols (restJson1, restXml) bind outside the body: URI
/// labels, query parameters, headers, prefix headers and the status code. The body itself is the protocol's.
/// </summary>
/// <remarks>
/// Timestamps outside the body default to <c>date-time</c> in the URI and query string and to <c>http-date</c> in
/// headers, unless the member or its shape names a format. Values are formatted and parsed by the runtime's
/// <c>HttpValues</c>; requests are assembled by its <c>HttpRequestBinder</c>.
/// </remarks>
internal static class HttpBindingEmitter
{
    private const string Runtime = TypeExpressions.Runtime;
    private const string Values = Runtime + ".Serialization.HttpValues";

    /// <summary>Whether the member travels in the body (as a body member, not as the payload).</summary>
    public static bool InBody(CodeMember member) => member.Member.Location == HttpLocation.Body;

    /// <summary>The member that is the whole body, if any.</summary>
    public static CodeMember? Payload(CodeType type) => type.Members.FirstOrDefault(m => m.Member.Location == HttpLocation.Payload);

    /// <summary>
    /// Statements creating <c>http</c> (an <c>HttpRequestBinder</c>) with the URI (labels, template query literals,
    /// query members) and the header members of the request <c>typed</c> of type <paramref name="request"/>.
    /// </summary>
    public static void WriteRequestBindings(SourceWriter w, CodeOperation operation, CodeType request, string staticHeaders)
    {
        var template = UriTemplate.Parse(operation.Operation.RequestUri);
        var parts = template.PathParts;
        var first = parts.Count > 0 && parts[0].Label is null ? parts[0].Text : "";
        var labels = 0;
        w.Line($"var http = new {Runtime}.Serialization.HttpRequestBinder({CSharp.Literal(first)}, {staticHeaders});");
        foreach (var part in parts.Skip(first.Length > 0 ? 1 : 0))
        {
            if (part.Label is null)
            {
                w.Line($"http.AppendPath({CSharp.Literal(part.Text)});");
                continue;
            }

            var member = request.Members.FirstOrDefault(m => m.Member.Location == HttpLocation.Label && m.WireName == part.Label)
                ?? request.Members.FirstOrDefault(m => m.Member.Location == HttpLocation.Label && m.Member.Name == part.Label);
            if (member is null)
            {
                // The model binds no member to this label: botocore sends the template text as it is.
                w.Line($"http.AppendPath({CSharp.Literal("{" + part.Label + (part.Greedy ? "+" : "") + "}")});");
                continue;
            }

            var value = LabelText(member, "label" + labels++);
            w.Line($"http.{(part.Greedy ? "AppendGreedyLabel" : "AppendLabel")}({value}, {CSharp.Literal(member.Member.Name)});");
        }

        foreach (var literal in template.QueryLiterals)
        {
            w.Line($"http.AppendQueryLiteral({CSharp.Literal(literal)});");
        }

        var explicitQueryNames = request.Members.Where(m => m.Member.Location == HttpLocation.Query).Select(m => m.WireName).ToList();
        var index = 0;
        foreach (var member in request.Members)
        {
            switch (member.Member.Location)
            {
                case HttpLocation.Query:
                    WriteQuery(w, member, index++);
                    break;
                case HttpLocation.QueryParams:
                    WriteQueryParams(w, member, index++, explicitQueryNames);
                    break;
                case HttpLocation.Header:
                    WriteHeader(w, member, index++);
                    break;
                case HttpLocation.PrefixHeaders:
                    WritePrefixHeaders(w, member, index++);
                    break;
            }
        }
    }

    private static void WriteQuery(SourceWriter w, CodeMember member, int index)
    {
        var name = CSharp.Literal(member.WireName);
        var local = "q" + index;
        if (member.Member.IdempotencyToken && member.Type.Kind == ShapeKind.String)
        {
            w.Line($"http.AddQuery({name}, typed.{member.PropertyName} ?? options.IdempotencyTokenFactory());");
            return;
        }

        if (member.Type.Kind == ShapeKind.List)
        {
            var element = member.Type.Element!;
            w.Line($"if (typed.{member.PropertyName} is {{ }} {local})");
            w.OpenBrace();
            w.Line($"for (var i = 0; i < {local}.Count; i++)");
            w.OpenBrace();
            WriteForElement(w, member.Type, $"{local}[i]", "e", e => $"http.AddQuery({name}, {Text(element, e, HttpLocation.Query)});");
            w.CloseBrace();
            w.CloseBrace();
            return;
        }

        WriteIfSet(w, member, local, v => $"http.AddQuery({name}, {Text(member.Type, v, HttpLocation.Query)});");
    }

    private static void WriteQueryParams(SourceWriter w, CodeMember member, int index, List<string> explicitNames)
    {
        var local = "q" + index;
        var value = member.Type.Element!;
        w.Line($"if (typed.{member.PropertyName} is {{ }} {local})");
        w.OpenBrace();
        w.Line($"foreach (var pair in {local})");
        w.OpenBrace();
        if (explicitNames.Count > 0)
        {
            // A parameter a member names explicitly wins over the same name in the map.
            w.Line($"if ({string.Join(" || ", explicitNames.Select(n => "pair.Key == " + CSharp.Literal(n)))})");
            w.OpenBrace();
            w.Line("continue;");
            w.CloseBrace();
            w.Line();
        }

        if (value.Kind == ShapeKind.List)
        {
            w.Line("if (pair.Value is { } values)");
            w.OpenBrace();
            w.Line("foreach (var item in values)");
            w.OpenBrace();
            WriteForElement(w, value, "item", "e", e => $"http.AddQuery(pair.Key, {Text(value.Element!, e, HttpLocation.Query)});");
            w.CloseBrace();
            w.CloseBrace();
        }
        else
        {
            WriteForElement(w, member.Type, "pair.Value", "e", e => $"http.AddQuery(pair.Key, {Text(value, e, HttpLocation.Query)});");
        }

        w.CloseBrace();
        w.CloseBrace();
    }

    private static void WriteHeader(SourceWriter w, CodeMember member, int index)
    {
        var name = CSharp.Literal(member.WireName);
        var local = "h" + index;
        if (member.Member.IdempotencyToken && member.Type.Kind == ShapeKind.String)
        {
            w.Line($"http.AddHeader({name}, typed.{member.PropertyName} ?? options.IdempotencyTokenFactory());");
            return;
        }

        if (member.Type.Kind == ShapeKind.List)
        {
            var element = member.Type.Element!;
            // Strings are quoted where they hold a comma or a quote; HTTP dates hold a comma of their own and never are.
            var quote = element.Kind is ShapeKind.String or ShapeKind.Enum ? "true" : "false";
            w.Line($"if (typed.{member.PropertyName} is {{ }} {local})");
            w.OpenBrace();
            if (element.Kind == ShapeKind.String && !member.Type.ElementNullable)
            {
                w.Line($"http.AddHeaderList({name}, {local}, quoteItems: {quote});");
                w.CloseBrace();
                return;
            }

            w.Line($"var items = new global::System.Collections.Generic.List<string>({local}.Count);");
            w.Line($"for (var i = 0; i < {local}.Count; i++)");
            w.OpenBrace();
            WriteForElement(w, member.Type, $"{local}[i]", "e", e => $"items.Add({Text(element, e, HttpLocation.Header)});");
            w.CloseBrace();
            w.Line();
            w.Line($"http.AddHeaderList({name}, items, quoteItems: {quote});");
            w.CloseBrace();
            return;
        }

        WriteIfSet(w, member, local, v => $"http.AddHeader({name}, {Text(member.Type, v, HttpLocation.Header, member.Member.JsonValue)});");
    }

    private static void WritePrefixHeaders(SourceWriter w, CodeMember member, int index)
    {
        var local = "h" + index;
        w.Line($"if (typed.{member.PropertyName} is {{ }} {local})");
        w.OpenBrace();
        w.Line($"foreach (var pair in {local})");
        w.OpenBrace();
        WriteForElement(w, member.Type, "pair.Value", "e", e => $"http.AddHeader({CSharp.Literal(member.WireName)} + pair.Key, {Text(member.Type.Element!, e, HttpLocation.Header)});");
        w.CloseBrace();
        w.CloseBrace();
    }

    /// <summary><c>if (typed.M is { } local) { statement }</c>, or the statement alone for a required value-type member.</summary>
    private static void WriteIfSet(SourceWriter w, CodeMember member, string local, System.Func<string, string> statement)
    {
        if (member.Type.IsValueType && !member.Nullable)
        {
            w.Line(statement($"typed.{member.PropertyName}"));
            return;
        }

        w.Line($"if (typed.{member.PropertyName} is {{ }} {local})");
        w.OpenBrace();
        w.Line(statement(local));
        w.CloseBrace();
    }

    /// <summary>The statement for one element of a collection, skipping a null element of a sparse one.</summary>
    private static void WriteForElement(SourceWriter w, TypeRef collection, string expression, string local, System.Func<string, string> statement)
    {
        if (!collection.ElementNullable)
        {
            w.Line(statement(expression));
            return;
        }

        w.Line($"if ({expression} is {{ }} {local})");
        w.OpenBrace();
        w.Line(statement(local));
        w.CloseBrace();
    }

    /// <summary>The member's value as the text of a label, or <see langword="null"/> when unset (an expression).</summary>
    private static string LabelText(CodeMember member, string local)
    {
        var value = $"typed.{member.PropertyName}";
        if (member.Type.Kind == ShapeKind.String && !member.Member.JsonValue)
        {
            return value;
        }

        if (member.Type.IsValueType && !member.Nullable)
        {
            return Text(member.Type, value, HttpLocation.Label);
        }

        return $"{value} is {{ }} {local} ? {Text(member.Type, local, HttpLocation.Label)} : null";
    }

    /// <summary>The text of a (non-null) value outside the body.</summary>
    public static string Text(TypeRef type, string value, HttpLocation location, bool jsonValue = false)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
                return jsonValue || type.JsonValue ? $"{Values}.FormatJsonValue({value})" : value;
            case ShapeKind.Enum:
                return $"{value}.WireValue";
            case ShapeKind.IntEnum:
                return $"{Values}.Format((long){value}.WireValue)";
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
            case ShapeKind.Long:
                return $"{Values}.Format((long){value})";
            case ShapeKind.Timestamp:
                return $"{Values}.Format({value}, {TimestampFormat(type, location)})";
            default:
                // bool, float, double, decimal, BigInteger, blob: an overload of their own.
                return $"{Values}.Format({value})";
        }
    }

    /// <summary>The format of a timestamp at <paramref name="location"/>: the model's, else the location's default.</summary>
    public static string TimestampFormat(TypeRef type, HttpLocation location)
    {
        var format = type.TimestampFormat;
        if (format == Model.TimestampFormat.Default)
        {
            format = location == HttpLocation.Header ? Model.TimestampFormat.HttpDate : Model.TimestampFormat.Iso8601;
        }

        return Json.JsonCodecEmitter.TimestampFormat(format);
    }

    /// <summary>
    /// Statements reading the status-code, header and prefix-header members of <paramref name="members"/> from
    /// <c>response</c> into <paramref name="locals"/> (declared nullable); the others are left alone.
    /// </summary>
    public static void WriteResponseBindings(SourceWriter w, IReadOnlyList<CodeMember> members, IReadOnlyList<string> locals)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var target = locals[i];
            var path = CSharp.Literal(member.Member.Name);
            switch (member.Member.Location)
            {
                case HttpLocation.StatusCode:
                    w.Line($"{target} = response.StatusCode;");
                    break;
                case HttpLocation.PrefixHeaders:
                    w.Line($"{target} = {Runtime}.Serialization.HttpResponseBindings.PrefixHeaders(response, {CSharp.Literal(member.WireName)});");
                    break;
                case HttpLocation.Header:
                    var header = "header" + i;
                    w.Line($"if (response.GetHeader({CSharp.Literal(member.WireName)}) is {{ }} {header})");
                    w.OpenBrace();
                    if (member.Type.Kind == ShapeKind.List)
                    {
                        var element = member.Type.Element!;
                        var split = element.Kind == ShapeKind.Timestamp
                            ? $"{Values}.SplitTimestampList({header}, {TimestampFormat(element, HttpLocation.Header)}, {path})"
                            : $"{Values}.SplitList({header}, {path})";
                        w.Line($"var items{i} = new global::System.Collections.Generic.List<{TypeExpressions.ElementType(member.Type)}>();");
                        w.Line($"foreach (var item in {split})");
                        w.OpenBrace();
                        w.Line($"items{i}.Add({Parse(element, "item", path, jsonValue: false)});");
                        w.CloseBrace();
                        w.Line();
                        w.Line($"{target} = items{i};");
                    }
                    else
                    {
                        w.Line($"{target} = {Parse(member.Type, header, path, member.Member.JsonValue)};");
                    }

                    w.CloseBrace();
                    w.Line();
                    break;
            }
        }
    }

    /// <summary>The value of a header's text, parsed as <paramref name="type"/> (errors name <paramref name="path"/>).</summary>
    private static string Parse(TypeRef type, string text, string path, bool jsonValue)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
                return jsonValue || type.JsonValue ? $"{Values}.ParseJsonValue({text}, {path})" : text;
            case ShapeKind.Enum:
                return $"new {type.CSharpType}({text})";
            case ShapeKind.IntEnum:
                return $"new {type.CSharpType}((int){Values}.ParseInteger({text}, int.MinValue, int.MaxValue, {path}))";
            case ShapeKind.Byte:
                return $"(sbyte){Values}.ParseInteger({text}, sbyte.MinValue, sbyte.MaxValue, {path})";
            case ShapeKind.Short:
                return $"(short){Values}.ParseInteger({text}, short.MinValue, short.MaxValue, {path})";
            case ShapeKind.Integer:
                return $"(int){Values}.ParseInteger({text}, int.MinValue, int.MaxValue, {path})";
            case ShapeKind.Long:
                return $"{Values}.ParseInteger({text}, long.MinValue, long.MaxValue, {path})";
            case ShapeKind.Float:
                return $"(float){Values}.ParseDouble({text}, {path})";
            case ShapeKind.Double:
                return $"{Values}.ParseDouble({text}, {path})";
            case ShapeKind.BigDecimal:
                return $"{Values}.ParseDecimal({text}, {path})";
            case ShapeKind.BigInteger:
                return $"{Values}.ParseBigInteger({text}, {path})";
            case ShapeKind.Boolean:
                return $"{Values}.ParseBoolean({text}, {path})";
            case ShapeKind.Timestamp:
                return $"{Values}.ParseTimestamp({text}, {TimestampFormat(type, HttpLocation.Header)}, {path})";
            case ShapeKind.Blob:
                return $"{Values}.ParseBlob({text}, {path})";
            default:
                return $"throw new {Runtime}.Serialization.AwsDeserializationException(\"$.\" + {path}, \"a header cannot hold this member\")";
        }
    }
}
