using System.Collections.Generic;
using System.Globalization;
using Codegen.Generator.Model;

namespace Codegen.Generator.Jmespath;

/// <summary>
/// Parses a JMESPath expression into its tree: a Pratt parser with the binding powers of the JMESPath grammar
/// (pipe 1, or 2, and 3, comparisons 5, flatten 9, star 20, filter 21, dot 40, not 45, brace 50, bracket 55,
/// paren 60). A projection's right side stops at any token that binds less than 10 (pipe, or, and, comparisons).
/// </summary>
internal sealed class JmesParser
{
    private const int ProjectionStop = 10;

    private readonly List<JmesToken> _tokens;
    private int _index;

    private JmesParser(List<JmesToken> tokens) => _tokens = tokens;

    /// <summary>The tree of <paramref name="expression"/>, or the first syntax error.</summary>
    public static (JmesNode? Tree, JmesError? Error) Parse(string expression)
    {
        try
        {
            var parser = new JmesParser(JmesLexer.Tokenize(expression));
            var tree = parser.Expression(0);
            if (parser.Current.Kind != JmesTokenKind.End)
            {
                throw parser.Unexpected("the end of the expression");
            }

            return (tree, null);
        }
        catch (JmesException e)
        {
            return (null, e.Error);
        }
    }

    private JmesToken Current => _tokens[_index];

    private JmesToken Lookahead(int n) => _tokens[System.Math.Min(_index + n, _tokens.Count - 1)];

    private static int BindingPower(JmesTokenKind kind) => kind switch
    {
        JmesTokenKind.Pipe => 1,
        JmesTokenKind.Or => 2,
        JmesTokenKind.And => 3,
        JmesTokenKind.Equal or JmesTokenKind.NotEqual or JmesTokenKind.Less or JmesTokenKind.LessOrEqual
            or JmesTokenKind.Greater or JmesTokenKind.GreaterOrEqual => 5,
        JmesTokenKind.Flatten => 9,
        JmesTokenKind.Star => 20,
        JmesTokenKind.Filter => 21,
        JmesTokenKind.Dot => 40,
        JmesTokenKind.Not => 45,
        JmesTokenKind.LeftBrace => 50,
        JmesTokenKind.LeftBracket => 55,
        JmesTokenKind.LeftParen => 60,
        _ => 0,
    };

    private JmesToken Advance()
    {
        var token = Current;
        if (token.Kind != JmesTokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private JmesToken Match(JmesTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(what);
        }

        return Advance();
    }

    private JmesException Unexpected(string expected)
    {
        var token = Current;
        var found = token.Kind == JmesTokenKind.End ? "the end of the expression" : "'" + Describe(token) + "'";
        return JmesLexer.Syntax(token.Offset, "expected " + expected + ", found " + found);
    }

    private static string Describe(JmesToken token) => token.Kind switch
    {
        JmesTokenKind.Literal => "literal " + token.Text,
        _ => token.Text,
    };

    private JmesNode Expression(int bindingPower)
    {
        var left = Nud(Advance());
        while (bindingPower < BindingPower(Current.Kind))
        {
            left = Led(Advance(), left);
        }

        return left;
    }

    private JmesNode Nud(JmesToken token)
    {
        switch (token.Kind)
        {
            case JmesTokenKind.Literal:
                return new JmesLiteral(token.Text, token.Offset);
            case JmesTokenKind.Identifier:
                return new JmesField(token.Text, token.Offset);
            case JmesTokenKind.QuotedIdentifier:
                if (Current.Kind == JmesTokenKind.LeftParen)
                {
                    throw JmesLexer.Syntax(token.Offset, "a quoted identifier cannot name a function");
                }

                return new JmesField(token.Text, token.Offset);
            case JmesTokenKind.Star:
                return new JmesProjection(JmesProjectionKind.Values, new JmesCurrent(token.Offset), ProjectionRight(BindingPower(JmesTokenKind.Star)), null, token.Offset);
            case JmesTokenKind.Filter:
                return FilterProjection(new JmesCurrent(token.Offset), token);
            case JmesTokenKind.LeftBrace:
                return MultiSelectHash(token);
            case JmesTokenKind.LeftParen:
                var inner = Expression(0);
                Match(JmesTokenKind.RightParen, "')'");
                return inner;
            case JmesTokenKind.Flatten:
                return new JmesProjection(JmesProjectionKind.List, new JmesFlatten(new JmesCurrent(token.Offset), token.Offset), ProjectionRight(BindingPower(JmesTokenKind.Flatten)), null, token.Offset);
            case JmesTokenKind.Not:
                return new JmesNot(Expression(BindingPower(JmesTokenKind.Not)), token.Offset);
            case JmesTokenKind.LeftBracket:
                if (Current.Kind is JmesTokenKind.Number or JmesTokenKind.Colon)
                {
                    return IndexOrSlice(new JmesCurrent(token.Offset), token);
                }

                if (Current.Kind == JmesTokenKind.Star && Lookahead(1).Kind == JmesTokenKind.RightBracket)
                {
                    Advance();
                    Advance();
                    return new JmesProjection(JmesProjectionKind.List, new JmesCurrent(token.Offset), ProjectionRight(BindingPower(JmesTokenKind.Star)), null, token.Offset);
                }

                return MultiSelectList(token);
            case JmesTokenKind.Current:
                return new JmesCurrent(token.Offset);
            case JmesTokenKind.ExpressionReference:
                return new JmesExpressionReference(Expression(0), token.Offset);
            default:
                _index--;
                throw Unexpected("an expression");
        }
    }

    private JmesNode Led(JmesToken token, JmesNode left)
    {
        switch (token.Kind)
        {
            case JmesTokenKind.Dot:
                if (Current.Kind != JmesTokenKind.Star)
                {
                    return new JmesSubexpression(left, DotRight(BindingPower(JmesTokenKind.Dot)), token.Offset);
                }

                Advance();
                return new JmesProjection(JmesProjectionKind.Values, left, ProjectionRight(BindingPower(JmesTokenKind.Dot)), null, token.Offset);
            case JmesTokenKind.Pipe:
                return new JmesPipe(left, Expression(BindingPower(JmesTokenKind.Pipe)), token.Offset);
            case JmesTokenKind.Or:
                return new JmesOr(left, Expression(BindingPower(JmesTokenKind.Or)), token.Offset);
            case JmesTokenKind.And:
                return new JmesAnd(left, Expression(BindingPower(JmesTokenKind.And)), token.Offset);
            case JmesTokenKind.LeftParen:
                return Function(left, token);
            case JmesTokenKind.Filter:
                return FilterProjection(left, token);
            case JmesTokenKind.Flatten:
                return new JmesProjection(JmesProjectionKind.List, new JmesFlatten(left, token.Offset), ProjectionRight(BindingPower(JmesTokenKind.Flatten)), null, token.Offset);
            case JmesTokenKind.Equal:
            case JmesTokenKind.NotEqual:
            case JmesTokenKind.Less:
            case JmesTokenKind.LessOrEqual:
            case JmesTokenKind.Greater:
            case JmesTokenKind.GreaterOrEqual:
                return new JmesCompare(Comparison(token.Kind), left, Expression(BindingPower(token.Kind)), token.Offset);
            case JmesTokenKind.LeftBracket:
                if (Current.Kind is JmesTokenKind.Number or JmesTokenKind.Colon)
                {
                    return IndexOrSlice(left, token);
                }

                Match(JmesTokenKind.Star, "a number, ':' or '*'");
                Match(JmesTokenKind.RightBracket, "']'");
                return new JmesProjection(JmesProjectionKind.List, left, ProjectionRight(BindingPower(JmesTokenKind.Star)), null, token.Offset);
            default:
                _index--;
                throw Unexpected("an operator");
        }
    }

    private static JmesComparison Comparison(JmesTokenKind kind) => kind switch
    {
        JmesTokenKind.Equal => JmesComparison.Equal,
        JmesTokenKind.NotEqual => JmesComparison.NotEqual,
        JmesTokenKind.Less => JmesComparison.Less,
        JmesTokenKind.LessOrEqual => JmesComparison.LessOrEqual,
        JmesTokenKind.Greater => JmesComparison.Greater,
        _ => JmesComparison.GreaterOrEqual,
    };

    private JmesNode Function(JmesNode name, JmesToken paren)
    {
        if (name is not JmesField field)
        {
            throw JmesLexer.Syntax(paren.Offset, "only a name can be called as a function");
        }

        var arguments = new List<JmesNode>();
        while (Current.Kind != JmesTokenKind.RightParen)
        {
            arguments.Add(Expression(0));
            if (Current.Kind == JmesTokenKind.Comma)
            {
                Advance();
                if (Current.Kind == JmesTokenKind.RightParen)
                {
                    throw Unexpected("an argument");
                }
            }
            else if (Current.Kind != JmesTokenKind.RightParen)
            {
                throw Unexpected("',' or ')'");
            }
        }

        Advance();
        return new JmesFunction(field.Name, arguments.ToEquatableArray(), field.Offset);
    }

    private JmesNode FilterProjection(JmesNode left, JmesToken token)
    {
        var condition = Expression(0);
        Match(JmesTokenKind.RightBracket, "']'");
        var right = Current.Kind == JmesTokenKind.Flatten
            ? new JmesCurrent(Current.Offset)
            : ProjectionRight(BindingPower(JmesTokenKind.Filter));
        return new JmesProjection(JmesProjectionKind.Filter, left, right, condition, token.Offset);
    }

    /// <summary>After <c>[</c> with a number or colon next: <c>[n]</c>, or a slice and the projection over it.</summary>
    private JmesNode IndexOrSlice(JmesNode left, JmesToken bracket)
    {
        if (Current.Kind == JmesTokenKind.Number && Lookahead(1).Kind == JmesTokenKind.RightBracket)
        {
            var index = Number(Advance());
            Advance();
            return new JmesIndex(left, index, bracket.Offset);
        }

        var parts = new int?[3];
        var part = 0;
        while (Current.Kind != JmesTokenKind.RightBracket)
        {
            if (Current.Kind == JmesTokenKind.Colon)
            {
                part++;
                if (part > 2)
                {
                    throw JmesLexer.Syntax(Current.Offset, "a slice has at most three parts");
                }

                Advance();
            }
            else if (Current.Kind == JmesTokenKind.Number)
            {
                if (parts[part] is not null)
                {
                    throw Unexpected("':' or ']'");
                }

                parts[part] = Number(Advance());
            }
            else
            {
                throw Unexpected("a number, ':' or ']'");
            }
        }

        Advance();
        if (part == 0)
        {
            throw JmesLexer.Syntax(bracket.Offset, "expected ':' in the slice");
        }

        if (parts[2] == 0)
        {
            throw new JmesException(new JmesError(JmesErrorKind.InvalidValue, bracket.Offset, "a slice's step cannot be 0"));
        }

        var slice = new JmesSlice(left, parts[0], parts[1], parts[2], bracket.Offset);
        return new JmesProjection(JmesProjectionKind.List, slice, ProjectionRight(BindingPower(JmesTokenKind.Star)), null, bracket.Offset);
    }

    private static int Number(JmesToken token) =>
        int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw JmesLexer.Syntax(token.Offset, "the number " + token.Text + " is out of range");

    private JmesNode MultiSelectList(JmesToken bracket)
    {
        var items = new List<JmesNode>();
        while (true)
        {
            items.Add(Expression(0));
            if (Current.Kind == JmesTokenKind.RightBracket)
            {
                Advance();
                return new JmesMultiSelectList(items.ToEquatableArray(), bracket.Offset);
            }

            Match(JmesTokenKind.Comma, "',' or ']'");
        }
    }

    private JmesNode MultiSelectHash(JmesToken brace)
    {
        var items = new List<JmesKeyValue>();
        while (true)
        {
            if (Current.Kind is not (JmesTokenKind.Identifier or JmesTokenKind.QuotedIdentifier))
            {
                throw Unexpected("a key");
            }

            var key = Advance().Text;
            Match(JmesTokenKind.Colon, "':'");
            items.Add(new JmesKeyValue(key, Expression(0)));
            if (Current.Kind == JmesTokenKind.RightBrace)
            {
                Advance();
                return new JmesMultiSelectHash(items.ToEquatableArray(), brace.Offset);
            }

            Match(JmesTokenKind.Comma, "',' or '}'");
        }
    }

    /// <summary>What may follow a dot: an identifier, <c>*</c>, a multi-select list or hash, or a function call.</summary>
    private JmesNode DotRight(int bindingPower)
    {
        switch (Current.Kind)
        {
            case JmesTokenKind.Identifier:
            case JmesTokenKind.QuotedIdentifier:
            case JmesTokenKind.Star:
                return Expression(bindingPower);
            case JmesTokenKind.LeftBracket:
                return MultiSelectList(Advance());
            case JmesTokenKind.LeftBrace:
                return MultiSelectHash(Advance());
            default:
                throw Unexpected("an identifier, '*', '[' or '{' after '.'");
        }
    }

    /// <summary>The right side of a projection: nothing (the element itself) when a weaker operator follows.</summary>
    private JmesNode ProjectionRight(int bindingPower)
    {
        var token = Current;
        if (BindingPower(token.Kind) < ProjectionStop)
        {
            return new JmesCurrent(token.Offset);
        }

        switch (token.Kind)
        {
            case JmesTokenKind.LeftBracket:
            case JmesTokenKind.Filter:
                return Expression(bindingPower);
            case JmesTokenKind.Dot:
                Advance();
                return DotRight(bindingPower);
            default:
                throw Unexpected("'.', '[' or the end of the projection");
        }
    }
}
