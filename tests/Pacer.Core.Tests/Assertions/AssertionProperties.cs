using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

/// <summary>Laws the assertion semantics must obey for every value.</summary>
public class AssertionProperties
{
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>The same number written several ways a server or a flow might write it.</summary>
    private static IEnumerable<string> Spellings(decimal value)
    {
        yield return value.ToString(CultureInfo.InvariantCulture);
        yield return value.ToString("0.0#########", CultureInfo.InvariantCulture);
        yield return value.ToString("0.000000000", CultureInfo.InvariantCulture);
        yield return value.ToString("0.##########E+0", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Number_equality_holds_across_every_spelling_of_the_same_value()
    {
        Prop.ForAll(JsonGenerators.Decimals().ToArbitrary(), value =>
        {
            var spellings = Spellings(value).ToList();
            return spellings.All(body => spellings.All(literal =>
                Check($"{{\"v\": {body}}}", "v", AssertOperator.Equal, Lit(literal)).Passed));
        }).Check(Checks);
    }

    [Fact]
    public void Exactly_one_of_less_equal_greater_holds_for_two_numbers()
    {
        Prop.ForAll(JsonGenerators.Decimals().ToArbitrary(), JsonGenerators.Decimals().ToArbitrary(), (a, b) =>
        {
            var body = $"{{\"v\": {a.ToString(CultureInfo.InvariantCulture)}}}";
            var literal = Lit(b.ToString(CultureInfo.InvariantCulture));
            var holding = new[] { AssertOperator.Less, AssertOperator.Equal, AssertOperator.Greater }
                .Count(op => Check(body, "v", op, literal).Passed);
            return holding == 1;
        }).Check(Checks);
    }

    [Fact]
    public void Json_equality_is_reflexive_and_symmetric_and_ignores_key_order()
    {
        Prop.ForAll(JsonGenerators.Values(3).ToArbitrary(), JsonGenerators.Values(3).ToArbitrary(), (a, b) =>
        {
            var reparsed = a is null ? null : JsonNode.Parse(JsonText.ToJson(a));
            var reversed = a is JsonObject obj ? new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))) : reparsed;
            return JsonEquality.AreEqual(a, a)
                && JsonEquality.AreEqual(a, reparsed)
                && JsonEquality.AreEqual(a, reversed)
                && JsonEquality.AreEqual(a, b) == JsonEquality.AreEqual(b, a);
        }).Check(Checks);
    }

    [Fact]
    public void Evaluation_never_throws_internally_for_any_operator_body_and_operand()
    {
        var operators = Gen.Elements(Enum.GetValues<AssertOperator>());
        var paths = Gen.Elements("body", "v", "v.a", "v[0]", "v.length", "v length", "status", "duration", "header.X");
        var values = JsonGenerators.Values(2);
        Prop.ForAll(Gen.Zip(operators, paths).ToArbitrary(), Gen.Zip(values, values).ToArbitrary(), (assertion, pair) =>
            {
                var (op, path) = assertion;
                var (actual, expected) = pair;
                var body = new JsonObject { ["v"] = actual?.DeepClone() }.ToJsonString();
                var outcome = Check(body, path, op, new LiteralOperand(expected?.DeepClone(), SourceSpan.None));
                return outcome.Message?.Contains("could not be evaluated", StringComparison.Ordinal) != true
                    && outcome.Passed == (outcome.Message is null);
            }).Check(Checks);
    }

    [Fact]
    public void Decimal_sums_equal_their_exact_result()
    {
        Prop.ForAll(JsonGenerators.Decimals().ToArbitrary(), JsonGenerators.Decimals().ToArbitrary(), (a, b) =>
        {
            var sum = (a + b).ToString(CultureInfo.InvariantCulture);
            var expected = Arith(Lit(a.ToString(CultureInfo.InvariantCulture)), '+', Lit(b.ToString(CultureInfo.InvariantCulture)));
            return Check($"{{\"v\": {sum}}}", "v", AssertOperator.Equal, expected).Passed;
        }).Check(Checks);
    }
}
