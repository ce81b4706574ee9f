using Codegen.Generator.Json;
using Xunit;

namespace Codegen.Generator.Tests.Units;

public class JsonParserTests
{
    [Fact]
    public void KeepsLineAndColumnOfEveryValue()
    {
        var root = (JsonObject)JsonParser.Parse("{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": true}\n}");

        var array = (JsonArray)root["a"]!;
        Assert.Equal(new TextPosition(2, 8, 9), array.Position);
        Assert.Equal(2, array.Items[1].Position.Line);
        Assert.Equal(12, array.Items[1].Position.Column);
        Assert.Equal(3, root.GetProperty("b")!.NamePosition.Line);
        Assert.Equal(3, root.GetProperty("b")!.NamePosition.Column);
    }

    [Theory]
    [InlineData("{\"a\": }", 1, 7, "a value was expected")]
    [InlineData("{\"a\": 1,\n \"b\" 2}", 2, 6, "':' was expected")]
    [InlineData("[1, 2", 1, 6, "unexpected end of file inside an array")]
    [InlineData("\"abc", 1, 5, "unexpected end of file inside a string")]
    [InlineData("{} x", 1, 4, "unexpected content")]
    [InlineData("[01]", 1, 3, "',' or ']' was expected")]
    public void ReportsWhereParsingStopped(string text, int line, int column, string reason)
    {
        var exception = Assert.Throws<JsonParseException>(() => JsonParser.Parse(text));

        Assert.Equal(line, exception.Position.Line);
        Assert.Equal(column, exception.Position.Column);
        Assert.Contains(reason, exception.Reason);
    }

    [Fact]
    public void DecodesEscapesAndRejectsDeepNesting()
    {
        Assert.Equal("a\"b\\c\u00e9\n", ((JsonString)JsonParser.Parse("\"a\\\"b\\\\c\\u00e9\\n\"")).Value);
        var deep = new string('[', JsonParser.MaxDepth + 1) + new string(']', JsonParser.MaxDepth + 1);
        Assert.Contains("nesting deeper", Assert.Throws<JsonParseException>(() => JsonParser.Parse(deep)).Reason);
    }
}
