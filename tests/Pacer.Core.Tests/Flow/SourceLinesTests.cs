using Pacer.Core.Flow;
using Xunit;

namespace Pacer.Core.Tests.Flow;

public class SourceLinesTests
{
    [Theory]
    [InlineData("a\nb\r\nc\rd", new[] { "a", "b", "c", "d" })]
    [InlineData("\uFEFFa\n", new[] { "a", "" })]
    [InlineData("", new[] { "" })]
    public void Splits_on_every_line_ending_and_drops_the_byte_order_mark(string text, string[] expected)
    {
        Assert.Equal(expected, SourceLines.Split(text).Select(l => l.Text));
        Assert.Equal(expected, Enumerable.Range(1, expected.Length).Select(n => SourceLines.LineAt(text, n)));
        Assert.Null(SourceLines.LineAt(text, expected.Length + 1));
        Assert.Null(SourceLines.LineAt(text, 0));
    }
}
