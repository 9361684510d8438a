using Pacer.Core.Flow;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class BlockScannerTests
{
    [Theory]
    [InlineData("```kest\nGET /a\n```\n")]
    [InlineData("```http\nGET /a\n```\n")]
    [InlineData("```step\nGET /a\n```\n")]
    [InlineData("~~~kest\nGET /a\n~~~\n")]
    [InlineData("````kest\nGET /a\n\n```\n````\n")]
    [InlineData("```kest title=\"login\" extra\nGET /a\n```\n")]
    [InlineData("```KEST\nGET /a\n```\n")]
    [InlineData("   ```kest\nGET /a\n   ```\n")]
    [InlineData("```json\n\nGET /a\n```\n")]
    public void Finds_executable_blocks_in_every_fence_style(string text)
    {
        var step = Assert.Single(Parse(text).Steps);

        Assert.Equal("/a", step.Url.Raw);
    }

    [Theory]
    [InlineData("```json\n{\"GET\": \"/a\"}\n```\n")]
    [InlineData("```bash\nGET /a\n```\n")]
    [InlineData("```\nGET /a\n```\n")]
    [InlineData("```edge\n@from a\n@to b\n@on success\n```\n")]
    [InlineData("    ```kest\n    GET /a\n    ```\n")]
    [InlineData("`` kest\nGET /a\n``\n")]
    public void Everything_else_is_documentation(string text)
    {
        Assert.Empty(Parse(text).Steps);
    }

    [Fact]
    public void A_shorter_or_different_fence_does_not_close_the_block()
    {
        var document = Parse("````kest\nGET /a\n\n```\n~~~~\n````\n");

        Assert.Single(document.Steps);
    }

    [Fact]
    public void Fenced_content_of_other_languages_is_not_parsed_as_steps_even_with_a_kest_fence_inside()
    {
        var document = Parse("~~~markdown\n```kest\nGET /inner\n```\n~~~\n\n```kest\nGET /outer\n```\n");

        Assert.Equal("/outer", Assert.Single(document.Steps).Url.Raw);
    }

    [Fact]
    public void Step_name_comes_from_the_nearest_heading_outside_fences()
    {
        var document = Parse("# Flow\n\n## Create order ##\n\n```bash\n# not a heading\n```\n\n```kest\nGET /orders\n```\n");

        Assert.Equal("Create order", Assert.Single(document.Steps).Name);
    }

    [Fact]
    public void Name_directive_wins_over_heading_and_method_url_is_the_fallback()
    {
        var document = Parse("```kest\nGET /first\n```\n\n## Second\n\n```step\n@name Named\nGET /second\n```\n");
        var unnamed = Parse("```kest\nGET /first\n```\n");

        Assert.Equal("GET /first", Assert.Single(unnamed.Steps).Name);
        Assert.Equal(["GET /first", "Named"], document.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Hash_without_space_is_not_a_heading()
    {
        var document = Parse("#hashtag\n\n```kest\nGET /a\n```\n");

        Assert.Equal("GET /a", Assert.Single(document.Steps).Name);
    }

    [Fact]
    public void Unclosed_fence_is_reported_at_the_opening_fence()
    {
        var diagnostic = SingleDiagnostic("# Title\n\n  ```kest\nGET /a\n");

        AssertAt(diagnostic, DiagnosticCodes.UnclosedFence, 3, 3);
        Assert.Equal(3, diagnostic.Span.Length);
    }

    [Fact]
    public void Block_without_request_line_is_reported_at_its_fence()
    {
        var diagnostic = SingleDiagnostic("text\n\n```kest\n# only a comment\n```\n");

        AssertAt(diagnostic, DiagnosticCodes.MissingRequestLine, 3, 1);
    }

    [Fact]
    public void Steps_keep_file_order_and_their_fence_position()
    {
        var document = Parse("```kest\nGET /a\n```\n\n```http\nGET /b\n```\n");

        Assert.Equal([1, 5], document.Steps.Select(s => s.Span.Line));
    }
}
