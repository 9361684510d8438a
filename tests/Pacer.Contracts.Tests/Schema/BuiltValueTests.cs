using System.Text.Json.Nodes;
using Pacer.Contracts.Schema;
using Xunit;

namespace Pacer.Contracts.Tests.Schema;

/// <summary>Values built in code (as generators build them) validate exactly like the same values parsed from text.</summary>
public sealed class BuiltValueTests
{
    [Theory]
    [InlineData(5L, true)]
    [InlineData(6L, false)]
    [InlineData(0L, false)]
    public void A_number_created_from_a_long_is_an_integer_within_its_bounds(long number, bool valid)
    {
        var schema = JsonNode.Parse("""{"type":"integer","minimum":1,"maximum":5}""")!;
        var validator = new JsonSchemaValidator(schema);

        Assert.Equal(valid, validator.Validate(JsonValue.Create(number)).Count == 0);
        Assert.Equal(valid, validator.Validate(JsonNode.Parse(number.ToString(System.Globalization.CultureInfo.InvariantCulture))).Count == 0);
    }

    [Fact]
    public void A_decimal_created_in_code_is_checked_against_multipleOf() =>
        Assert.NotEmpty(new JsonSchemaValidator(JsonNode.Parse("""{"type":"number","multipleOf":0.5}""")!).Validate(JsonValue.Create(0.3m)));
}
