using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class MetadataParserTests
{
    [Fact]
    public void Reads_every_flow_directive()
    {
        var metadata = Parse("""
            ```flow
            @flow id=checkout name="Checkout flow"
            @version 2
            @tags smoke, orders
            @env staging
            @threshold p95<150ms
            @threshold errors<1%
            @load vus=10 duration=30s
            @var user=alice
            @default password = "s3cret"
            ```
            """).Metadata;

        Assert.Equal(("checkout", "Checkout flow", "2", "staging"), (metadata.Id, metadata.Name, metadata.Version, metadata.Env));
        Assert.Equal(["smoke", "orders"], metadata.Tags);
        Assert.Equal(["p95<150ms", "errors<1%"], metadata.Thresholds.Select(t => t.Threshold.Text));
        Assert.Equal(new SourceSpan(FileName, 6, 12, 9), metadata.Thresholds[0].Span);
        Assert.Equal(["vus=10", "duration=30s"], metadata.Load.Values.Select(v => $"{v.Key}={v.Value.Value}"));
        Assert.Equal(new SourceSpan(FileName, 8, 11, 2), metadata.Load.Get("vus")!.Origin.Span);
        Assert.Equal("alice", metadata.Defaults["user"]);
        Assert.Equal("s3cret", metadata.Defaults["password"]);
    }

    [Fact]
    public void Id_and_name_directives_work_without_flow()
    {
        var metadata = Parse("```flow\n@id orders\n@name Orders\n```\n").Metadata;

        Assert.Equal(("orders", "Orders"), (metadata.Id, metadata.Name));
    }

    [Fact]
    public void A_file_without_flow_block_has_empty_metadata()
    {
        var metadata = Parse("```kest\nGET /x\n```\n").Metadata;

        Assert.Null(metadata.Id);
        Assert.Empty(metadata.Tags);
        Assert.Empty(metadata.Defaults);
    }

    [Fact]
    public void Unknown_flow_directive_is_a_warning_with_a_suggestion()
    {
        var result = FlowParser.Parse(FileName, "```flow\n@tag smoke\n```\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        AssertAt(diagnostic, DiagnosticCodes.UnknownDirective, 2, 1);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("@tags", diagnostic.Suggestion);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Malformed_var_is_an_error_at_its_value()
    {
        var diagnostic = SingleDiagnostic("```flow\n@var just-a-name\n```\n");

        AssertAt(diagnostic, DiagnosticCodes.MalformedMetadata, 2, 6);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Text_that_is_not_a_directive_is_a_warning()
    {
        var diagnostic = SingleDiagnostic("```flow\nname: Orders\n```\n");

        AssertAt(diagnostic, DiagnosticCodes.MalformedMetadata, 2, 1);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }
}
