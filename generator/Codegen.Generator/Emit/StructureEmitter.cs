using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes a structure as an immutable class: a constructor taking exactly the required members, init-only
/// properties (lists and maps held as immutable copies), a <c>With{Member}</c> copy for every member, nested <c>Lenses</c>,
/// <c>Optionals</c> and <c>Traversals</c> classes, value equality (lists and maps by content) and a <c>ToString</c> that redacts sensitive members. Requests also implement
/// <c>IAwsRequest&lt;TResponse&gt;</c>; responses carry <c>HttpStatus</c>, and a response whose payload is a stream
/// is <c>IDisposable</c> and <c>IAsyncDisposable</c> (disposing the stream releases the HTTP response).
/// </summary>
internal static class StructureEmitter
{
    private const string Runtime = TypeExpressions.Runtime;

    public static string Emit(CodeModel model, CodeType type)
    {
        var name = type.TypeName;
        var self = "global::" + model.Namespace + "." + name;
        var isResponse = type.Role == TypeRole.Response;
        var isRequest = type.Role == TypeRole.Request;
        var members = type.Members;
        var required = members.Where(m => !m.Nullable).ToList();

        var w = SourceWriter.StartFile(model.Namespace);
        DocComments.Summary(w, type.Shape.Documentation, Fallback(type));
        if (type.Shape.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"The service model marks this type as deprecated.\")]");
        }

        w.Line(CSharp.GeneratedCodeAttribute);
        var interfaces = $"global::System.IEquatable<{self}>";
        if (isRequest)
        {
            interfaces += $", {Runtime}.Operations.IAwsRequest<global::{model.Namespace}.{type.ResponseTypeName}>";
        }
        else if (isResponse)
        {
            interfaces += $", {Runtime}.Operations.IAwsResponse";
        }

        var disposablePayload = isResponse ? TypeExpressions.StreamingPayload(type) : null;
        if (disposablePayload is not null)
        {
            interfaces += ", global::System.IDisposable, global::System.IAsyncDisposable";
        }

        w.Line($"{model.Accessibility} sealed partial class {name} : {interfaces}");
        w.OpenBrace();

        // Comparer fields for members compared by content.
        foreach (var member in members.Where(m => TypeExpressions.NeedsComparer(m.Type)))
        {
            w.Line($"private static readonly {TypeExpressions.ComparerType(member.Type, member.Nullable)} __{member.PropertyName}Comparer = {TypeExpressions.Comparer(member.Type, member.Nullable)};");
            w.Line();
        }

        // Smart constructor: exactly the required members (and the status code for responses), in model order.
        var parameters = required.Select(m => $"{m.Type.CSharpType} {m.ParameterName}").ToList();
        if (isResponse)
        {
            parameters.Insert(0, "int httpStatus");
        }

        w.Line($"/// <summary>Creates a <see cref=\"{name}\"/> from its required members; every optional member is unset.</summary>");
        if (isResponse)
        {
            w.Line("/// <param name=\"httpStatus\">The HTTP status code of the response.</param>");
        }

        foreach (var member in required)
        {
            w.Line($"/// <param name=\"{member.ParameterName.TrimStart('@')}\">{ParamDoc(member)}</param>");
        }

        w.Line($"public {name}({string.Join(", ", parameters)})");
        w.OpenBrace();
        if (isResponse)
        {
            w.Line("HttpStatus = httpStatus;");
        }

        foreach (var member in required)
        {
            if (TypeExpressions.IsCollection(member.Type))
            {
                // The field, not the property, so the compiler sees it assigned; the copy is the init accessor's.
                w.Line($"{Field(member)} = {TypeExpressions.CopyCollection(member.Type, $"{member.ParameterName} ?? throw new global::System.ArgumentNullException(nameof({member.ParameterName}))")};");
                continue;
            }

            w.Line(member.Type.IsValueType
                ? $"{member.PropertyName} = {member.ParameterName};"
                : $"{member.PropertyName} = {member.ParameterName} ?? throw new global::System.ArgumentNullException(nameof({member.ParameterName}));");
        }

        w.CloseBrace();
        w.Line();

        // Copy constructor for the With* methods.
        w.Line($"private {name}({self} source)");
        w.OpenBrace();
        if (isResponse)
        {
            w.Line("HttpStatus = source.HttpStatus;");
            w.Line("ResponseMetadata = source.ResponseMetadata;");
        }

        foreach (var member in members)
        {
            // A collection is already an immutable copy: the field is shared, not copied again.
            w.Line(TypeExpressions.IsCollection(member.Type)
                ? $"{Field(member)} = source.{Field(member)};"
                : $"{member.PropertyName} = source.{member.PropertyName};");
        }

        w.CloseBrace();

        if (isResponse)
        {
            w.Line();
            w.Line("/// <summary>The HTTP status code of the response.</summary>");
            w.Line("public int HttpStatus { get; init; }");
            w.Line();
            w.Line("/// <summary>");
            w.Line($"/// What the client saw of the call: request id, extended request id, status code, headers and attempts (<see cref=\"{Runtime}.Client.ResponseMetadata.None\"/> for a response made in code).");
            w.Line("/// Not a member of the model: <c>Equals</c>, <c>GetHashCode</c> and <c>ToString</c> leave it out.");
            w.Line("/// </summary>");
            w.Line($"public {Runtime}.Client.ResponseMetadata ResponseMetadata {{ get; init; }} = {Runtime}.Client.ResponseMetadata.None;");
        }

        foreach (var member in members)
        {
            w.Line();
            if (TypeExpressions.IsCollection(member.Type))
            {
                w.Line($"private readonly {TypeExpressions.PropertyType(member)} {Field(member)};");
                w.Line();
                MemberDoc(w, member, immutableCopy: true);
                var copy = TypeExpressions.CopyCollection(member.Type, member.Nullable ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))");
                w.Line($"public {TypeExpressions.PropertyType(member)} {member.PropertyName} {{ get => {Field(member)}; init => {Field(member)} = {copy}; }}");
                continue;
            }

            MemberDoc(w, member);
            w.Line($"public {TypeExpressions.PropertyType(member)} {member.PropertyName} {{ get; init; }}");
        }

        // With* builders.
        if (isResponse)
        {
            w.Line();
            w.Line("/// <summary>Returns a copy with <see cref=\"HttpStatus\"/> set to <paramref name=\"httpStatus\"/>.</summary>");
            w.Line($"public {self} WithHttpStatus(int httpStatus) => new {self}(this) {{ HttpStatus = httpStatus }};");
            w.Line();
            w.Line("/// <summary>Returns a copy with <see cref=\"ResponseMetadata\"/> set to <paramref name=\"responseMetadata\"/> (the client does this after a call; a fake can too).</summary>");
            w.Line($"public {self} WithResponseMetadata({Runtime}.Client.ResponseMetadata responseMetadata) => new {self}(this) {{ ResponseMetadata = responseMetadata ?? throw new global::System.ArgumentNullException(nameof(responseMetadata)) }};");
        }

        foreach (var member in members)
        {
            w.Line();
            w.Line($"/// <summary>Returns a copy with <see cref=\"{member.PropertyName}\"/> set to <paramref name=\"{member.ParameterName.TrimStart('@')}\"/>{(member.Nullable ? " (null unsets it)" : "")}.</summary>");
            var value = member.Nullable || member.Type.IsValueType
                ? member.ParameterName
                : $"{member.ParameterName} ?? throw new global::System.ArgumentNullException(nameof({member.ParameterName}))";
            w.Line($"public {self} With{member.PropertyName}({TypeExpressions.PropertyType(member)} {member.ParameterName}) => new {self}(this) {{ {member.PropertyName} = {value} }};");
        }

        // Lenses.
        w.Line();
        w.Line($"/// <summary>Lenses onto the members of <see cref=\"{name}\"/>: first-class getters and setters that compose.</summary>");
        w.Line("public static class Lenses");
        w.OpenBrace();
        var first = true;
        if (isResponse)
        {
            w.Line("/// <summary>A lens onto <see cref=\"HttpStatus\"/>.</summary>");
            w.Line($"public static {Runtime}.Lenses.Lens<{self}, int> HttpStatus {{ get; }} = new {Runtime}.Lenses.Lens<{self}, int>(static source => source.HttpStatus, static (source, value) => source.WithHttpStatus(value));");
            first = false;
        }

        foreach (var member in members)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var lensType = $"{Runtime}.Lenses.Lens<{self}, {TypeExpressions.PropertyType(member)}>";
            w.Line($"/// <summary>A lens onto <see cref=\"{self}.{member.PropertyName}\"/>.</summary>");
            w.Line($"public static {lensType} {member.PropertyName} {{ get; }} = new {lensType}(static source => source.{member.PropertyName}, static (source, value) => source.With{member.PropertyName}(value));");
        }

        w.CloseBrace();

        WriteOptionals(w, self, name, members);
        WriteTraversals(w, self, name, members);
        WriteEquality(w, self, name, members, isResponse);
        WriteToString(w, name, members, isResponse, type.Shape.Sensitive);
        if (disposablePayload is not null)
        {
            WriteDispose(w, disposablePayload);
        }

        if (isResponse)
        {
            w.Line();
            w.Line($"{Runtime}.Operations.IAwsResponse {Runtime}.Operations.IAwsResponse.WithResponseMetadata({Runtime}.Client.ResponseMetadata metadata) => WithResponseMetadata(metadata);");
        }

        if (isRequest)
        {
            var response = $"global::{model.Namespace}.{type.ResponseTypeName}";
            var operation = $"global::{model.Namespace}.Serialization.{Naming.Identifiers.ToPascalCase(type.OperationName!)}Operation.Instance";
            w.Line();
            w.Line($"{Runtime}.Operations.OperationInfo {Runtime}.Operations.IAwsRequest.OperationInfo => {operation}.Info;");
            w.Line();
            w.Line($"{Runtime}.Operations.IOperation<{response}> {Runtime}.Operations.IAwsRequest<{response}>.Operation => {operation};");
        }

        w.CloseBrace();
        return w.EndFile();
    }

    /// <summary>The field behind a list or map member, which its init accessor fills with an immutable copy.</summary>
    private static string Field(CodeMember member) => "__" + member.PropertyName + "Value";

    /// <summary>
    /// The <c>Optionals</c> class: an <c>Optional</c> onto the value of every optional member (Amazonka's <c>_Just</c> after
    /// the lens), for reference and value types alike, to compose through optional intermediates lawfully.
    /// </summary>
    private static void WriteOptionals(SourceWriter w, string self, string name, EquatableArray<CodeMember> members)
    {
        var optional = members.Where(m => m.Nullable).ToList();
        if (optional.Count == 0)
        {
            return;
        }

        w.Line();
        w.Line($"/// <summary>");
        w.Line($"/// Optionals onto the optional members of <see cref=\"{name}\"/>: <c>TryGet</c> reads the value when it is set, and <c>Set</c> and");
        w.Line("/// <c>Modify</c> change it only when it is set (otherwise they return the source unchanged). Compose them with lenses,");
        w.Line("/// optionals and traversals to reach through optional members.");
        w.Line("/// </summary>");
        w.Line("public static class Optionals");
        w.OpenBrace();
        var first = true;
        foreach (var member in optional)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var optionalType = $"{Runtime}.Lenses.Optional<{self}, {member.Type.CSharpType}>";
            var from = member.Type.IsValueType ? "WhenHasValue" : "WhenPresent";
            w.Line($"/// <summary>The value of <see cref=\"{self}.{member.PropertyName}\"/> when it is set.</summary>");
            w.Line($"public static {optionalType} {member.PropertyName} {{ get; }} = {Runtime}.Lenses.LensExtensions.{from}({self}.Lenses.{member.PropertyName});");
        }

        w.CloseBrace();
    }

    /// <summary>The <c>Traversals</c> class: a traversal over the elements of every list member and the values of every map member (none when it is unset).</summary>
    private static void WriteTraversals(SourceWriter w, string self, string name, EquatableArray<CodeMember> members)
    {
        var collections = members.Where(m => TypeExpressions.IsCollection(m.Type)).ToList();
        if (collections.Count == 0)
        {
            return;
        }

        w.Line();
        w.Line($"/// <summary>Traversals over the elements of the lists and the values of the maps of <see cref=\"{name}\"/> (Amazonka's <c>each</c>): <c>GetAll</c> and <c>Modify</c> of every one.</summary>");
        w.Line("public static class Traversals");
        w.OpenBrace();
        var first = true;
        foreach (var member in collections)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var traversalType = $"{Runtime}.Lenses.Traversal<{self}, {TypeExpressions.ElementType(member.Type)}>";
            var focus = member.Nullable ? $"{self}.Optionals.{member.PropertyName}" : $"{self}.Lenses.{member.PropertyName}";
            var what = member.Type.Kind == ShapeKind.List ? "element" : "value";
            w.Line($"/// <summary>Every {what} of <see cref=\"{self}.{member.PropertyName}\"/>{(member.Nullable ? " (none when it is unset)" : "")}.</summary>");
            w.Line($"public static {traversalType} {member.PropertyName} {{ get; }} = {focus}.Compose({TypeExpressions.EachTraversal(member.Type)});");
        }

        w.CloseBrace();
    }

    private static void WriteEquality(SourceWriter w, string self, string name, EquatableArray<CodeMember> members, bool isResponse)
    {
        w.Line();
        w.Line("/// <summary>Whether <paramref name=\"other\"/> has the same members (lists and maps compared by content).</summary>");
        w.Line($"public bool Equals({self}? other)");
        w.OpenBrace();
        w.Line("if (other is null)");
        w.OpenBrace();
        w.Line("return false;");
        w.CloseBrace();
        w.Line();
        w.Line("if (global::System.Object.ReferenceEquals(this, other))");
        w.OpenBrace();
        w.Line("return true;");
        w.CloseBrace();
        w.Line();
        var terms = members.Select(m => TypeExpressions.NeedsComparer(m.Type)
            ? $"__{m.PropertyName}Comparer.Equals({m.PropertyName}, other.{m.PropertyName})"
            : $"global::System.Collections.Generic.EqualityComparer<{TypeExpressions.PropertyType(m)}>.Default.Equals({m.PropertyName}, other.{m.PropertyName})").ToList();
        if (isResponse)
        {
            terms.Insert(0, "HttpStatus == other.HttpStatus");
        }

        if (terms.Count == 0)
        {
            w.Line("return true;");
        }
        else
        {
            w.Line("return " + terms[0] + (terms.Count == 1 ? ";" : ""));
            w.Indent();
            for (var i = 1; i < terms.Count; i++)
            {
                w.Line("&& " + terms[i] + (i == terms.Count - 1 ? ";" : ""));
            }

            w.Outdent();
        }

        w.CloseBrace();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode()");
        w.OpenBrace();
        w.Line("var hash = new global::System.HashCode();");
        if (isResponse)
        {
            w.Line("hash.Add(HttpStatus);");
        }

        foreach (var member in members)
        {
            w.Line(TypeExpressions.NeedsComparer(member.Type)
                ? $"hash.Add({member.PropertyName}, __{member.PropertyName}Comparer);"
                : $"hash.Add({member.PropertyName});");
        }

        w.Line("return hash.ToHashCode();");
        w.CloseBrace();
        w.Line();
        w.Line("/// <summary>Whether two values have the same members.</summary>");
        w.Line($"public static bool operator ==({self}? left, {self}? right) => left is null ? right is null : left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Whether two values differ in any member.</summary>");
        w.Line($"public static bool operator !=({self}? left, {self}? right) => !(left == right);");
    }

    /// <summary>Dispose of a response whose payload is a stream: the stream holds the HTTP response open until then.</summary>
    private static void WriteDispose(SourceWriter w, CodeMember payload)
    {
        w.Line();
        w.Line($"/// <summary>Disposes <see cref=\"{payload.PropertyName}\"/>, releasing the HTTP response (and its connection) it streams from.</summary>");
        w.Line($"public void Dispose() => {payload.PropertyName}?.Dispose();");
        w.Line();
        w.Line($"/// <summary>Disposes <see cref=\"{payload.PropertyName}\"/>, releasing the HTTP response (and its connection) it streams from.</summary>");
        w.Line($"public global::System.Threading.Tasks.ValueTask DisposeAsync() => {payload.PropertyName}?.DisposeAsync() ?? default;");
    }

    private static void WriteToString(SourceWriter w, string name, EquatableArray<CodeMember> members, bool isResponse, bool sensitive)
    {
        w.Line();
        if (sensitive)
        {
            // The model marks the whole shape sensitive: none of its members print, nor which of them are set.
            w.Line("/// <summary>The type name only: the model marks the whole shape sensitive, so no member prints.</summary>");
            w.Line($"public override string ToString() => {Runtime}.Model.ShapeText.Redact({CSharp.Literal(name)});");
            return;
        }

        w.Line("/// <summary>The members that are set; sensitive members print as <c>***</c>, never their values.</summary>");
        w.Line("public override string ToString()");
        w.OpenBrace();
        w.Line($"return {Runtime}.Model.ShapeText.Begin({CSharp.Literal(name)})");
        w.Indent();
        if (isResponse)
        {
            w.Line(".Add(\"HttpStatus\", HttpStatus)");
        }

        foreach (var member in members)
        {
            w.Line($".{(member.Sensitive ? "AddSensitive" : "Add")}({CSharp.Literal(member.PropertyName)}, {member.PropertyName})");
        }

        w.Line(".ToString();");
        w.Outdent();
        w.CloseBrace();
    }

    internal static void MemberDoc(SourceWriter w, CodeMember member, bool immutableCopy = false)
    {
        DocComments.Summary(w, member.Member.Documentation, $"The {DocComments.Escape(member.Member.Name)} member.");
        var remarks = Constraints(member);
        if (immutableCopy)
        {
            remarks = (remarks.Length > 0 ? remarks + " " : "") + "Holds an immutable copy of the collection it is given: changing that collection afterwards changes nothing here.";
        }

        if (remarks.Length > 0)
        {
            w.Line($"/// <remarks>{remarks}</remarks>");
        }

        if (member.Member.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"The service model marks this member as deprecated.\")]");
        }
    }

    private static string ParamDoc(CodeMember member)
    {
        var paragraphs = DocComments.ToParagraphs(member.Member.Documentation);
        return paragraphs.Count > 0 ? paragraphs[0] : $"The {DocComments.Escape(member.Member.Name)} member.";
    }

    private static string Constraints(CodeMember member)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (!member.Nullable)
        {
            parts.Add("Required.");
        }

        var type = member.Type;
        if (type.Min is { } min && type.Max is { } max)
        {
            parts.Add(min == max ? $"Length {min}." : $"Length {min} to {max}.");
        }
        else if (type.Min is { } onlyMin)
        {
            parts.Add($"Minimum {onlyMin}.");
        }
        else if (type.Max is { } onlyMax)
        {
            parts.Add($"Maximum {onlyMax}.");
        }

        if (type.Pattern is { } pattern)
        {
            parts.Add($"Pattern <c>{DocComments.Escape(pattern)}</c>.");
        }

        if (member.Sensitive)
        {
            parts.Add("Sensitive: never printed.");
        }

        return string.Join(" ", parts);
    }

    private static string Fallback(CodeType type) => type.Role switch
    {
        TypeRole.Request => $"The input of the {DocComments.Escape(type.OperationName ?? "")} operation.",
        TypeRole.Response => $"The output of the {DocComments.Escape(type.OperationName ?? "")} operation.",
        _ => $"The {DocComments.Escape(type.Shape.Name)} shape.",
    };
}
