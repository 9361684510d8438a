using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>
/// The result of one assertion. <see cref="Expected"/> and <see cref="Actual"/> are rendered for
/// people with their JSON types, e.g. <c>0 (number)</c> vs <c>"0" (string)</c>.
/// </summary>
public sealed record AssertionOutcome(AssertionNode Assertion, bool Passed, string Expected, string Actual, string? Message = null);

/// <summary>
/// Evaluates one assertion against a response. Numbers compare as numbers, strings ordinally, objects and
/// arrays deeply; values of different JSON types are never equal (<c>0</c> is not <c>"0"</c>). Soft
/// assertions evaluate the same way; the runner reports their failures as warnings. Never throws:
/// every problem (an undefined variable, a bad regex, a type mismatch) is a failed outcome with a message.
/// </summary>
public static class AssertionEvaluator
{
    public const string Missing = "(missing)";
    public const string NotEvaluated = "(not evaluated)";

    public static AssertionOutcome Evaluate(AssertionNode assertion, ResponseSnapshot response, VariableScope variables, BuiltInVariables builtIns)
    {
        try
        {
            return EvaluateCore(assertion, response, variables, builtIns);
        }
#pragma warning disable CA1031 // A broken assertion must be reported as a failure, never crash the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new AssertionOutcome(assertion, false, NotEvaluated, NotEvaluated, $"{assertion?.Subject?.Text ?? "assertion"}: could not be evaluated: {ex.Message}");
        }
    }

    private static AssertionOutcome EvaluateCore(AssertionNode assertion, ResponseSnapshot response, VariableScope variables, BuiltInVariables builtIns)
    {
        var path = assertion.Subject.Text;
        var isDuration = assertion.Subject.Root == PathRoot.Duration && assertion.Subject.Segments.Count == 0;
        var subject = PathEvaluator.Evaluate(assertion.Subject, response);
        var actual = subject.Found ? Show(subject.Value, isDuration) : Missing;

        switch (assertion.Operator)
        {
            case AssertOperator.Exists:
                return new AssertionOutcome(assertion, subject.Found, "exists", actual,
                    subject.Found ? null : $"{path} does not exist: {subject.MissingReason}");
            case AssertOperator.NotExists:
                return new AssertionOutcome(assertion, !subject.Found, "not exists", actual,
                    subject.Found ? $"{path} exists ({actual}), expected it not to" : null);
        }

        if (assertion.Expected is null)
        {
            return new AssertionOutcome(assertion, false, NotEvaluated, actual, $"{path}: {assertion.Operator} needs a value on the right");
        }

        var expected = OperandEvaluator.Evaluate(assertion.Expected, variables, builtIns);
        if (!expected.Succeeded)
        {
            return new AssertionOutcome(assertion, false, NotEvaluated, actual, $"{path}: {expected.Error}");
        }

        var expectedText = Describe(assertion.Operator, expected.Value, isDuration);
        if (!subject.Found)
        {
            return new AssertionOutcome(assertion, false, expectedText, actual, $"{path} not found: {subject.MissingReason}");
        }

        var compared = HeaderAsNumber(assertion, subject.Value, expected.Value);
        var check = AssertionChecks.Check(assertion.Operator, compared, expected.Value);
        if (check.Passed)
        {
            return new AssertionOutcome(assertion, true, expectedText, actual);
        }

        var message = check.Problem is not null
            ? $"{path}: {check.Problem}"
            : $"{path}: expected {expectedText}, got {actual}{TypeHint(assertion.Operator, compared, expected.Value)}";
        return new AssertionOutcome(assertion, false, expectedText, actual, message);
    }

    /// <summary>What the assertion asked for, in words: <c>0 (number)</c>, <c>&lt; 500 ms</c>, <c>one of [200,201]</c>.</summary>
    private static string Describe(AssertOperator op, JsonNode? expected, bool isDuration) => op switch
    {
        AssertOperator.Equal => Show(expected, isDuration),
        AssertOperator.NotEqual => "not " + Show(expected, isDuration),
        AssertOperator.Less or AssertOperator.LessOrEqual or AssertOperator.Greater or AssertOperator.GreaterOrEqual
            => $"{AssertionChecks.Symbol(op)} {Show(expected, isDuration)}",
        AssertOperator.Contains => "contains " + ValueFormatter.Format(expected),
        AssertOperator.NotContains => "not contains " + ValueFormatter.Format(expected),
        AssertOperator.Matches => "matches " + ValueFormatter.FormatBare(expected),
        AssertOperator.StartsWith => "starts with " + ValueFormatter.Format(expected),
        AssertOperator.EndsWith => "ends with " + ValueFormatter.Format(expected),
        AssertOperator.In => "one of " + ValueFormatter.FormatBare(expected),
        AssertOperator.IsType => "type " + (expected is JsonValue value && value.TryGetValue<string>(out var name) ? name : ValueFormatter.FormatBare(expected)),
        _ => ValueFormatter.Format(expected),
    };

    /// <summary>Durations read as milliseconds; everything else shows its JSON type.</summary>
    private static string Show(JsonNode? value, bool isDuration) =>
        isDuration && JsonNumber.TryRead(value, out var number)
            ? $"{number.Approximate.ToString("0.###", CultureInfo.InvariantCulture)} ms"
            : ValueFormatter.Format(value);

    /// <summary>
    /// Headers are text on the wire and have no JSON type, so a header that is exactly a number, compared
    /// with a number (<c>header.X-Total-Count == 3</c>, <c>header.Content-Length &gt; 0</c>), is read as one.
    /// Body values keep their JSON types; this is the one place text becomes a number.
    /// </summary>
    private static JsonNode? HeaderAsNumber(AssertionNode assertion, JsonNode? actual, JsonNode? expected)
    {
        if (assertion.Subject.Root != PathRoot.Header || assertion.Subject.Segments.Count != 0
            || actual is not JsonValue header || !header.TryGetValue<string>(out var text)
            || !JsonText.TryReadScalarLiteral(text.Trim(), out var number) || JsonText.KindOf(number) != JsonValueKind.Number)
        {
            return actual;
        }

        var wantsNumber = assertion.Operator switch
        {
            AssertOperator.Less or AssertOperator.LessOrEqual or AssertOperator.Greater or AssertOperator.GreaterOrEqual => true,
            AssertOperator.Equal or AssertOperator.NotEqual => JsonText.KindOf(expected) == JsonValueKind.Number,
            AssertOperator.In => expected is JsonArray items && items.Any(i => JsonText.KindOf(i) == JsonValueKind.Number),
            _ => false,
        };
        return wantsNumber ? number : actual;
    }

    /// <summary>Says why <c>0</c> and <c>"0"</c> differ, since kest users expect them equal.</summary>
    private static string TypeHint(AssertOperator op, JsonNode? actual, JsonNode? expected) =>
        op == AssertOperator.Equal && JsonText.KindOf(actual) != JsonText.KindOf(expected)
            ? $" (the JSON types differ: {ValueFormatter.TypeName(expected)} vs {ValueFormatter.TypeName(actual)}; Pacer does not convert between them)"
            : "";
}
