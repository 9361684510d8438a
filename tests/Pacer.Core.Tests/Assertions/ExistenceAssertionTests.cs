using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

public class ExistenceAssertionTests
{
    private const string Body = """{"data": {"id": 1, "deleted": null, "items": [{"id": 5}]}}""";

    [Fact]
    public void Exists_passes_for_a_present_value()
    {
        var outcome = Check(Body, "data.id", AssertOperator.Exists);

        Assert.True(outcome.Passed);
        Assert.Equal("exists", outcome.Expected);
        Assert.Equal("1 (number)", outcome.Actual);
    }

    [Fact]
    public void Json_null_counts_as_existing()
    {
        Assert.True(Check(Body, "data.deleted", AssertOperator.Exists).Passed);
        Assert.False(Check(Body, "data.deleted", AssertOperator.NotExists).Passed);
    }

    [Fact]
    public void Exists_fails_for_a_missing_path_and_says_where_it_stopped()
    {
        var outcome = Check(Body, "data.items[1].id", AssertOperator.Exists);

        Assert.False(outcome.Passed);
        Assert.Equal(AssertionEvaluator.Missing, outcome.Actual);
        Assert.Equal("data.items[1].id does not exist: body.data.items has 1 item(s), so index [1] is out of range", outcome.Message);
    }

    [Fact]
    public void Not_exists_passes_for_a_missing_path_and_fails_for_a_present_one()
    {
        Assert.True(Check(Body, "data.password", AssertOperator.NotExists).Passed);
        var outcome = Check(Body, "data.id", AssertOperator.NotExists);
        Assert.False(outcome.Passed);
        Assert.Equal("data.id exists (1 (number)), expected it not to", outcome.Message);
    }

    [Fact]
    public void Header_existence_is_checked_case_insensitively()
    {
        var response = Support.Responses.Json("{}", headers: ("X-Trace", "t1"));

        Assert.True(Evaluate(Node("header.x-trace", AssertOperator.Exists), response).Passed);
        Assert.True(Evaluate(Node("header.X-Other", AssertOperator.NotExists), response).Passed);
    }
}
