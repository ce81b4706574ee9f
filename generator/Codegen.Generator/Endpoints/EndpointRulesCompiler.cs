using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emit;
using Codegen.Generator.Naming;
using Codegen.Generator.Readers;

namespace Codegen.Generator.Endpoints;

/// <summary>
/// Compiles the rules of a rule set into the body of a C# method: one <c>if</c> per rule whose conditions are
/// joined with <c>&amp;&amp;</c>, assignments as pattern variables (<c>is { } partitionResult</c>), tree rules as
/// nested blocks, endpoint rules as <c>return</c> and error rules as <c>throw</c>. No rule is interpreted at run time.
/// <para>
/// Values are typed while compiling, as the rules language does: a parameter without a default may be unset until
/// an <c>isSet</c> condition on it holds, an assigned value is always set, and an endpoint URL, header or error
/// message must be set. Conditions that are constant (<c>isSet</c> of a parameter with a default) are folded, so that
/// the C# has no unreachable code. A problem is a CG0021 diagnostic at the expression.
/// </para>
/// </summary>
internal sealed class EndpointRulesCompiler
{
    private const string Functions = "global::Codegen.Runtime.Endpoints.EndpointFunctions";
    private const string Exception = "global::Codegen.Runtime.Endpoints.EndpointResolutionException";
    private const string Endpoint = "global::Codegen.Runtime.Endpoints.ResolvedEndpoint";
    private const string Dictionary = "global::System.Collections.Generic.Dictionary";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _locals = new(StringComparer.Ordinal) { "parameters" };
    private readonly Dictionary<string, EndpointParameterBinding> _parameters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedParameters = new(StringComparer.Ordinal);

    private EndpointRulesCompiler(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    private enum ValueType
    {
        String,
        Boolean,
        StringArray,
        Integer,
        Partition,
        Url,
        Arn,
    }

    /// <summary>
    /// Writes the statements of the resolver method into <paramref name="writer"/>, which is positioned inside the
    /// method body; the parameters object is named <c>parameters</c>.
    /// </summary>
    public static void CompileBody(EndpointRuleSet ruleSet, IReadOnlyList<EndpointParameterBinding> parameters, SourceWriter writer, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var compiler = new EndpointRulesCompiler(diagnostics, cancellationToken);
        var scope = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            compiler._parameters[parameter.Parameter.Name] = parameter;
            var local = Identifiers.Unique(Identifiers.ToParameterName(parameter.PropertyName), compiler._locals);
            scope[parameter.Parameter.Name] = new Value(local, TypeOf(parameter.Parameter.Type), parameter.IsNullable) { Parameter = parameter.Parameter.Name };
        }

        // The rules go to a writer of their own first: only the parameters they use become locals.
        var body = new SourceWriter();
        var reachable = compiler.CompileRules(ruleSet.Rules, scope, body);
        foreach (var parameter in parameters)
        {
            if (compiler._usedParameters.Contains(parameter.Parameter.Name))
            {
                writer.Line($"var {scope[parameter.Parameter.Name].Code} = parameters.{parameter.PropertyName};");
            }
        }

        if (compiler._usedParameters.Count > 0)
        {
            writer.Line();
        }

        var statements = body.ToString().TrimEnd('\n');
        if (statements.Length > 0)
        {
            writer.Lines(statements);
        }
        if (reachable)
        {
            if (ruleSet.Rules.Count > 0)
            {
                writer.Line();
            }

            writer.Line($"throw new {Exception}(\"No endpoint rule matched the parameters.\");");
        }
    }

    /// <summary>Writes <paramref name="rules"/> in order; returns whether the code after them can be reached.</summary>
    private bool CompileRules(IEnumerable<EndpointRule> rules, Dictionary<string, Value> scope, SourceWriter w)
    {
        var first = true;
        foreach (var rule in rules)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var ruleScope = new Dictionary<string, Value>(scope, StringComparer.Ordinal);
            var conditions = new List<string>();
            var dead = false;
            foreach (var condition in rule.Conditions)
            {
                var code = CompileCondition(condition, ruleScope, out var constant);
                if (constant == false)
                {
                    dead = true;
                    break;
                }

                if (code is not null)
                {
                    conditions.Add(code);
                }
            }

            if (dead)
            {
                // The rule can never match (e.g. "not isSet" of a parameter with a default): nothing to write.
                continue;
            }

            if (!first)
            {
                w.Line();
            }

            first = false;
            if (!string.IsNullOrWhiteSpace(rule.Documentation))
            {
                w.Line("// " + OneLine(rule.Documentation!));
            }

            if (conditions.Count == 0)
            {
                if (!CompileRuleBody(rule, ruleScope, w))
                {
                    return false;
                }

                continue;
            }

            WriteIf(w, conditions);
            w.OpenBrace();
            CompileRuleBody(rule, ruleScope, w);
            w.CloseBrace();
        }

        return true;
    }

    /// <summary>Writes what a rule does once its conditions hold; returns whether the code after it can be reached.</summary>
    private bool CompileRuleBody(EndpointRule rule, Dictionary<string, Value> scope, SourceWriter w)
    {
        switch (rule.Kind)
        {
            case EndpointRuleKind.Tree:
                return CompileRules(rule.Rules, scope, w);
            case EndpointRuleKind.Error:
                var message = RequireSetString(CompileExpression(rule.Error!, scope), rule.Error!, "the error message");
                w.Line($"throw new {Exception}({message});");
                return false;
            default:
                CompileEndpoint(rule.Endpoint!, scope, w);
                return false;
        }
    }

    private void CompileEndpoint(EndpointDefinition endpoint, Dictionary<string, Value> scope, SourceWriter w)
    {
        var url = RequireSetString(CompileExpression(endpoint.Url, scope), endpoint.Url, "the endpoint URL");
        if (endpoint.Headers.IsEmpty && endpoint.Properties.IsEmpty)
        {
            w.Line($"return new {Endpoint}({url});");
            return;
        }

        w.Line($"return new {Endpoint}(");
        w.Indent();
        w.Line(url + ",");
        if (endpoint.Headers.IsEmpty)
        {
            w.Line("headers: null,");
        }
        else
        {
            w.Line($"headers: new {Dictionary}<string, {ReadOnlyList}<string>>");
            w.OpenBrace();
            foreach (var header in endpoint.Headers)
            {
                var values = header.Values.Select(v => RequireSetString(CompileExpression(v, scope), v, $"header '{header.Name}'"));
                w.Line($"[{CSharp.Literal(header.Name)}] = new string[] {{ {string.Join(", ", values)} }},");
            }

            w.CloseBrace(",");
        }

        if (endpoint.Properties.IsEmpty)
        {
            w.Line("properties: null);");
        }
        else
        {
            w.Line($"properties: new {Dictionary}<string, object>");
            WriteEntries(endpoint.Properties, scope, w, ");");
        }

        w.Outdent();
    }

    private void WriteEntries(IEnumerable<EndpointProperty> entries, Dictionary<string, Value> scope, SourceWriter w, string suffix = "")
    {
        w.OpenBrace();
        foreach (var entry in entries)
        {
            WritePropertyValue($"[{CSharp.Literal(entry.Name)}] = ", entry.Value, scope, w);
        }

        w.CloseBrace(suffix);
    }

    private void WritePropertyValue(string prefix, EndpointPropertyValue value, Dictionary<string, Value> scope, SourceWriter w)
    {
        switch (value.Kind)
        {
            case EndpointPropertyKind.String:
                w.Line(prefix + RequireSetString(CompileExpression(value.Text!, scope), value.Text!, "a property") + ",");
                break;
            case EndpointPropertyKind.Boolean:
                w.Line(prefix + (value.Boolean ? "true" : "false") + ",");
                break;
            case EndpointPropertyKind.Number:
                w.Line(prefix + NumberLiteral(value.Number!) + ",");
                break;
            case EndpointPropertyKind.Array:
                w.Line(prefix + "new object[]");
                w.OpenBrace();
                foreach (var item in value.Items)
                {
                    WritePropertyValue(string.Empty, item, scope, w);
                }

                w.CloseBrace(",");
                break;
            default:
                w.Line(prefix + $"new {Dictionary}<string, object>");
                WriteEntries(value.Entries, scope, w, ",");
                break;
        }
    }

    private static string NumberLiteral(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture) + "L"
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>
    /// The C# condition for a rule condition (null when it always holds, with <paramref name="constant"/> true; a
    /// condition that never holds gives <paramref name="constant"/> false). Binds <c>assign</c> and narrows an
    /// <c>isSet</c> parameter in <paramref name="scope"/>.
    /// </summary>
    private string? CompileCondition(EndpointCondition condition, Dictionary<string, Value> scope, out bool? constant)
    {
        var value = CompileExpression(condition.Function, scope);
        constant = value.Constant;
        if (value.IsError)
        {
            // Already reported; the rules after it are still checked, so one run reports every problem.
            constant = null;
            return value.Code;
        }

        string? code;
        if (value.Type == ValueType.Boolean)
        {
            code = value.Nullable ? value.Code + " == true" : value.Code;
            if (condition.Assign is { } name)
            {
                // Once the condition holds, the assigned value is true.
                Bind(scope, name, new Value("true", ValueType.Boolean, false) { Constant = true }, condition);
            }
        }
        else if (condition.Assign is { } name)
        {
            var local = Identifiers.Unique(Identifiers.ToParameterName(Identifiers.ToPascalCase(name)), _locals);
            code = $"{value.Code} is {{ }} {local}";
            constant = null;
            Bind(scope, name, new Value(local, value.Type, false), condition);
        }
        else
        {
            code = value.Nullable ? value.Code + " is not null" : null;
            constant = value.Nullable ? null : true;
        }

        // isSet(ref) narrows the reference for the rest of the rule (C# flow analysis does the same for the local).
        if (condition.Function.Kind == EndpointExpressionKind.Function && condition.Function.Text == "isSet"
            && condition.Function.Arguments.Count == 1 && condition.Function.Arguments[0] is { Kind: EndpointExpressionKind.Reference } reference
            && scope.TryGetValue(reference.Text, out var target) && target.Type != ValueType.Boolean)
        {
            scope[reference.Text] = target with { Nullable = false };
        }

        return constant is not null ? null : code;
    }

    private void Bind(Dictionary<string, Value> scope, string name, Value value, EndpointCondition condition)
    {
        if (scope.ContainsKey(name))
        {
            Report(condition.Position, $"'{name}' is assigned here but is already a parameter or an assigned value in this rule's scope");
        }

        scope[name] = value;
    }

    private Value CompileExpression(EndpointExpression expression, Dictionary<string, Value> scope)
    {
        switch (expression.Kind)
        {
            case EndpointExpressionKind.Boolean:
                return new Value(expression.Boolean ? "true" : "false", ValueType.Boolean, false) { Constant = expression.Boolean };
            case EndpointExpressionKind.Integer:
                return new Value(expression.Integer.ToString(CultureInfo.InvariantCulture), ValueType.Integer, false) { Integer = expression.Integer };
            case EndpointExpressionKind.String:
                return CompileTemplate(expression, scope);
            case EndpointExpressionKind.Reference:
                return Reference(expression.Text, expression.Position, scope);
            default:
                return CompileCall(expression, scope);
        }
    }

    private Value Reference(string name, SourceSpan position, Dictionary<string, Value> scope)
    {
        if (scope.TryGetValue(name, out var value))
        {
            if (value.Parameter is { } parameter)
            {
                _usedParameters.Add(parameter);
            }

            return value;
        }

        Report(position, $"'{name}' is neither a parameter of the rule set nor assigned by an earlier condition of this rule or an enclosing one");
        return Error;
    }

    private Value CompileTemplate(EndpointExpression expression, Dictionary<string, Value> scope)
    {
        if (expression.Template.All(p => !p.IsReference))
        {
            var text = string.Concat(expression.Template.Select(p => p.Text));
            return new Value(CSharp.Literal(text), ValueType.String, false) { Literal = text };
        }

        if (expression.Template.Count == 1)
        {
            // "{Region}" is the value itself when it is a string that is set.
            var part = expression.Template[0];
            var single = Reference(part.Text, expression.Position, scope);
            single = part.Path is { } singlePath ? GetAttribute(single, singlePath, expression.Position) : single;
            if (single.IsError || (single.Type == ValueType.String && !single.Nullable))
            {
                return single;
            }
        }

        var builder = new StringBuilder("$\"");
        foreach (var part in expression.Template)
        {
            if (!part.IsReference)
            {
                var literal = CSharp.Literal(part.Text);
                builder.Append(literal.Substring(1, literal.Length - 2).Replace("{", "{{").Replace("}", "}}"));
                continue;
            }

            var value = Reference(part.Text, expression.Position, scope);
            if (part.Path is { } path)
            {
                value = GetAttribute(value, path, expression.Position);
            }

            if (value.Type != ValueType.String && !value.IsError)
            {
                Report(expression.Position, $"the template \"{expression.Text}\" inserts '{part.Text}{(part.Path is null ? "" : "#" + part.Path)}', which is {Describe(value.Type)}: only strings can be inserted");
            }

            builder.Append('{').Append(value.Code).Append('}');
        }

        return new Value(builder.Append('"').ToString(), ValueType.String, false);
    }

    private Value CompileCall(EndpointExpression call, Dictionary<string, Value> scope)
    {
        var name = call.Text;
        if (name == "getAttr")
        {
            if (!CheckArity(call, 2))
            {
                return Error;
            }

            var target = CompileExpression(call.Arguments[0], scope);
            var path = call.Arguments[1];
            if (path.Kind != EndpointExpressionKind.String || path.Template.Any(p => p.IsReference))
            {
                Report(path.Position, "the second argument of getAttr must be a constant path such as \"dnsSuffix\" or \"resourceId[1]\"");
                return Error;
            }

            return GetAttribute(target, path.Text, path.Position);
        }

        var arguments = call.Arguments.Select(a => CompileExpression(a, scope)).ToList();
        if (arguments.Any(a => a.IsError))
        {
            return Error;
        }

        switch (name)
        {
            case "isSet":
                if (!CheckArity(call, 1))
                {
                    return Error;
                }

                return arguments[0].Nullable
                    ? new Value(arguments[0].Code + " is not null", ValueType.Boolean, false) { Negated = arguments[0].Code + " is null" }
                    : new Value("true", ValueType.Boolean, false) { Constant = true };
            case "not":
                if (!CheckArguments(call, arguments, ValueType.Boolean))
                {
                    return Error;
                }

                return Not(arguments[0]);
            case "booleanEquals":
                if (!CheckArguments(call, arguments, ValueType.Boolean, ValueType.Boolean))
                {
                    return Error;
                }

                return BooleanEquals(arguments[0], arguments[1]);
            case "stringEquals":
                if (!CheckArguments(call, arguments, ValueType.String, ValueType.String))
                {
                    return Error;
                }

                if (arguments[0].Literal is { } left && arguments[1].Literal is { } right)
                {
                    var equal = string.Equals(left, right, StringComparison.Ordinal);
                    return new Value(equal ? "true" : "false", ValueType.Boolean, false) { Constant = equal };
                }

                // A constant reads best on the right: region == "us-east-1".
                var (first, second) = arguments[0].Literal is not null ? (arguments[1], arguments[0]) : (arguments[0], arguments[1]);
                return new Value($"{first.Code} == {second.Code}", ValueType.Boolean, false) { Negated = $"{first.Code} != {second.Code}" };
            default:
                if (RuntimeFunctions.TryGetValue(name, out var function))
                {
                    return CheckArguments(call, arguments, function.Parameters)
                        ? new Value($"{Functions}.{function.Method}({string.Join(", ", arguments.Select(a => a.Type == ValueType.Boolean && a.Nullable ? a.Code + " == true" : a.Code))})", function.Result, function.MayBeUnset)
                        : Error;
                }

                Report(call.Position, $"unknown endpoint rules function '{name}': expected one of isSet, not, getAttr, booleanEquals, stringEquals, {string.Join(", ", RuntimeFunctions.Keys)}");
                return Error;
        }
    }

    private static Value Not(Value value)
    {
        if (value.Constant is { } constant)
        {
            return new Value(constant ? "false" : "true", ValueType.Boolean, false) { Constant = !constant };
        }

        if (value.Nullable)
        {
            // not(unset) holds, as in every SDK.
            return new Value(value.Code + " != true", ValueType.Boolean, false) { Negated = value.Code + " == true" };
        }

        return new Value(value.Negated ?? "!" + Parenthesize(value.Code), ValueType.Boolean, false) { Negated = value.Code };
    }

    private static Value BooleanEquals(Value left, Value right)
    {
        if (left.Constant is { } a && right.Constant is { } b)
        {
            return new Value(a == b ? "true" : "false", ValueType.Boolean, false) { Constant = a == b };
        }

        if (left.Constant is not null)
        {
            (left, right) = (right, left);
        }

        if (right.Constant is { } expected)
        {
            if (left.Nullable)
            {
                var literal = expected ? "true" : "false";
                return new Value($"{left.Code} == {literal}", ValueType.Boolean, false) { Negated = $"{left.Code} != {literal}" };
            }

            return expected ? left : Not(left);
        }

        return new Value($"{left.Code} == {right.Code}", ValueType.Boolean, false) { Negated = $"{left.Code} != {right.Code}" };
    }

    /// <summary><c>getAttr</c>: <c>name</c>, <c>name.inner</c>, <c>name[index]</c> or <c>[index]</c>, typed by the value's kind.</summary>
    private Value GetAttribute(Value target, string path, SourceSpan position)
    {
        if (target.IsError)
        {
            return target;
        }

        var current = target;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment.Substring(0, bracket);
            if (name.Length > 0)
            {
                current = Member(current, name, path, position);
                if (current.IsError)
                {
                    return current;
                }
            }

            if (bracket < 0)
            {
                continue;
            }

            if (!segment.EndsWith("]", StringComparison.Ordinal)
                || !int.TryParse(segment.Substring(bracket + 1, segment.Length - bracket - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                Report(position, $"getAttr path '{path}' has a malformed index: expected name[0]");
                return Error;
            }

            if (current.Type != ValueType.StringArray)
            {
                Report(position, $"getAttr path '{path}' indexes {Describe(current.Type)}: only arrays can be indexed");
                return Error;
            }

            current = new Value($"{Functions}.ElementAt({current.Code}, {index.ToString(CultureInfo.InvariantCulture)})", ValueType.String, true);
        }

        return current;
    }

    private Value Member(Value target, string name, string path, SourceSpan position)
    {
        (string Property, ValueType Type)? member = (target.Type, name) switch
        {
            (ValueType.Partition, "name") => ("Name", ValueType.String),
            (ValueType.Partition, "dnsSuffix") => ("DnsSuffix", ValueType.String),
            (ValueType.Partition, "dualStackDnsSuffix") => ("DualStackDnsSuffix", ValueType.String),
            (ValueType.Partition, "supportsFIPS") => ("SupportsFIPS", ValueType.Boolean),
            (ValueType.Partition, "supportsDualStack") => ("SupportsDualStack", ValueType.Boolean),
            (ValueType.Partition, "implicitGlobalRegion") => ("ImplicitGlobalRegion", ValueType.String),
            (ValueType.Url, "scheme") => ("Scheme", ValueType.String),
            (ValueType.Url, "authority") => ("Authority", ValueType.String),
            (ValueType.Url, "path") => ("Path", ValueType.String),
            (ValueType.Url, "normalizedPath") => ("NormalizedPath", ValueType.String),
            (ValueType.Url, "isIp") => ("IsIp", ValueType.Boolean),
            (ValueType.Arn, "partition") => ("Partition", ValueType.String),
            (ValueType.Arn, "service") => ("Service", ValueType.String),
            (ValueType.Arn, "region") => ("Region", ValueType.String),
            (ValueType.Arn, "accountId") => ("AccountId", ValueType.String),
            (ValueType.Arn, "resourceId") => ("ResourceId", ValueType.StringArray),
            _ => null,
        };
        if (member is null)
        {
            Report(position, $"getAttr path '{path}': {Describe(target.Type)} has no attribute '{name}'");
            return Error;
        }

        return new Value($"{target.Code}{(target.Nullable ? "?." : ".")}{member.Value.Property}", member.Value.Type, target.Nullable);
    }

    private bool CheckArity(EndpointExpression call, int count)
    {
        if (call.Arguments.Count == count)
        {
            return true;
        }

        Report(call.Position, $"'{call.Text}' takes {count} argument{(count == 1 ? "" : "s")}, given {call.Arguments.Count}");
        return false;
    }

    private bool CheckArguments(EndpointExpression call, List<Value> arguments, params ValueType[] expected)
    {
        if (!CheckArity(call, expected.Length))
        {
            return false;
        }

        var ok = true;
        for (var i = 0; i < expected.Length; i++)
        {
            if (arguments[i].Type != expected[i])
            {
                Report(call.Arguments[i].Position, $"argument {i + 1} of '{call.Text}' must be {Describe(expected[i])}, found {Describe(arguments[i].Type)}");
                ok = false;
            }
            else if (expected[i] == ValueType.Integer && arguments[i].Integer is null)
            {
                Report(call.Arguments[i].Position, $"argument {i + 1} of '{call.Text}' must be an integer constant");
                ok = false;
            }
        }

        return ok;
    }

    private string RequireSetString(Value value, EndpointExpression at, string what)
    {
        if (value.IsError)
        {
            return value.Code;
        }

        if (value.Type != ValueType.String)
        {
            Report(at.Position, $"{what} must be a string, found {Describe(value.Type)}");
        }
        else if (value.Nullable)
        {
            Report(at.Position, $"{what} may be unset here: add an isSet condition for it to this rule or an enclosing one");
        }

        return value.Code;
    }

    private void Report(SourceSpan position, string message) =>
        _diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRule, position, message);

    private static void WriteIf(SourceWriter w, List<string> conditions)
    {
        var single = "if (" + string.Join(" && ", conditions) + ")";
        if (single.Length + (w.Indentation * 4) <= 140 || conditions.Count == 1)
        {
            w.Line(single);
            return;
        }

        w.Line("if (" + conditions[0]);
        w.Indent();
        for (var i = 1; i < conditions.Count; i++)
        {
            w.Line("&& " + conditions[i] + (i == conditions.Count - 1 ? ")" : string.Empty));
        }

        w.Outdent();
    }

    /// <summary>Wraps code in parentheses unless it is a primary expression (a name, member access or call).</summary>
    private static string Parenthesize(string code) =>
        code.Contains(" == ") || code.Contains(" != ") || code.Contains(" is ") || code.Contains(" && ") ? "(" + code + ")" : code;

    private static string OneLine(string text) => string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static ValueType TypeOf(EndpointParameterType type) => type switch
    {
        EndpointParameterType.String => ValueType.String,
        EndpointParameterType.Boolean => ValueType.Boolean,
        _ => ValueType.StringArray,
    };

    private static string Describe(ValueType type) => type switch
    {
        ValueType.String => "a string",
        ValueType.Boolean => "a boolean",
        ValueType.StringArray => "an array of strings",
        ValueType.Integer => "an integer",
        ValueType.Partition => "a partition (aws.partition)",
        ValueType.Url => "a URL (parseURL)",
        _ => "an ARN (aws.parseArn)",
    };

    private static readonly Value Error = new("default!", ValueType.String, false) { IsError = true };

    /// <summary>The functions the runtime's <c>EndpointFunctions</c> implements: method, result, whether the result may be unset, parameters.</summary>
    private static readonly Dictionary<string, RuntimeFunction> RuntimeFunctions = new(StringComparer.Ordinal)
    {
        ["substring"] = new("Substring", ValueType.String, true, ValueType.String, ValueType.Integer, ValueType.Integer, ValueType.Boolean),
        ["uriEncode"] = new("UriEncode", ValueType.String, true, ValueType.String),
        ["parseURL"] = new("ParseUrl", ValueType.Url, true, ValueType.String),
        ["isValidHostLabel"] = new("IsValidHostLabel", ValueType.Boolean, false, ValueType.String, ValueType.Boolean),
        ["aws.partition"] = new("Partition", ValueType.Partition, false, ValueType.String),
        ["aws.parseArn"] = new("ParseArn", ValueType.Arn, true, ValueType.String),
        ["aws.isVirtualHostableS3Bucket"] = new("IsVirtualHostableS3Bucket", ValueType.Boolean, false, ValueType.String, ValueType.Boolean),
    };

    private sealed class RuntimeFunction
    {
        public RuntimeFunction(string method, ValueType result, bool mayBeUnset, params ValueType[] parameters)
        {
            Method = method;
            Result = result;
            MayBeUnset = mayBeUnset;
            Parameters = parameters;
        }

        public string Method { get; }

        public ValueType Result { get; }

        public bool MayBeUnset { get; }

        public ValueType[] Parameters { get; }
    }

    /// <summary>A compiled expression: its C# code, its type, and whether it may be unset.</summary>
    private sealed record Value(string Code, ValueType Type, bool Nullable)
    {
        /// <summary>The value when it is known at compile time (a boolean constant).</summary>
        public bool? Constant { get; init; }

        /// <summary>A string constant's text.</summary>
        public string? Literal { get; init; }

        /// <summary>An integer constant's value.</summary>
        public long? Integer { get; init; }

        /// <summary>The C# of the negated condition, when it reads better than <c>!(...)</c>.</summary>
        public string? Negated { get; init; }

        /// <summary>The rule set parameter this value reads, if any.</summary>
        public string? Parameter { get; init; }

        /// <summary>A value whose compilation failed (already reported).</summary>
        public bool IsError { get; init; }
    }
}

/// <summary>A rule set parameter and the C# property that holds it.</summary>
internal sealed record EndpointParameterBinding(EndpointParameter Parameter, string PropertyName, bool IsNullable);
