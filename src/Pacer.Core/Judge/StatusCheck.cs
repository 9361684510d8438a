using System.Text.Json.Nodes;
using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Judge;

/// <summary>
/// A <c>status</c> assertion against number literals (<c>status == 200</c>, <c>status in [200, 201]</c>,
/// <c>status &lt; 400</c>), checked on the bare status code so the common load step needs no
/// response object; anything else goes through the shared AssertionEvaluator.
/// </summary>
public sealed class StatusCheck
{
    private readonly AssertOperator _operator;
    private readonly int[] _values;

    private StatusCheck(AssertionNode assertion, AssertOperator op, int[] values)
    {
        Assertion = assertion;
        _operator = op;
        _values = values;
    }

    public AssertionNode Assertion { get; }

    public static StatusCheck? TryCreate(AssertionNode assertion)
    {
        if (assertion.Subject.Root != PathRoot.Status || assertion.Subject.Segments.Count != 0)
        {
            return null;
        }

        int[]? values = assertion.Expected switch
        {
            LiteralOperand literal when Number(literal.Value) is { } n => [n],
            ListOperand list when assertion.Operator == AssertOperator.In && list.Items.All(i => i is LiteralOperand l && Number(l.Value) is not null) =>
                [.. list.Items.Select(i => Number(((LiteralOperand)i).Value)!.Value)],
            _ => null,
        };
        var supported = assertion.Operator is AssertOperator.Equal or AssertOperator.NotEqual or AssertOperator.Less
            or AssertOperator.LessOrEqual or AssertOperator.Greater or AssertOperator.GreaterOrEqual or AssertOperator.In;
        return values is null || !supported ? null : new StatusCheck(assertion, assertion.Operator, values);
    }

    public bool Passes(int status) => _operator switch
    {
        AssertOperator.Equal => status == _values[0],
        AssertOperator.NotEqual => status != _values[0],
        AssertOperator.Less => status < _values[0],
        AssertOperator.LessOrEqual => status <= _values[0],
        AssertOperator.Greater => status > _values[0],
        AssertOperator.GreaterOrEqual => status >= _values[0],
        AssertOperator.In => Array.IndexOf(_values, status) >= 0,
        _ => false,
    };

    // The parser stores `200` as a long and `2e2` as a double, so read it as any JSON number.
    private static int? Number(JsonNode? value) =>
        JsonNumber.TryRead(value, out var number) && number.Approximate is var d && d == Math.Floor(d) && d is >= 0 and <= 999 ? (int)d : null;
}
