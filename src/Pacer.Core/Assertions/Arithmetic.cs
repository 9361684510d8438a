using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>
/// <c>+ - * /</c> on the right-hand side of an assertion (<c>{{before}} + 1</c>). Decimal arithmetic when
/// both sides are decimals (0.1 + 0.2 is exactly 0.3), double otherwise or on decimal overflow.
/// Problems are results, not exceptions.
/// </summary>
internal static class Arithmetic
{
    public static OperandValue Apply(JsonNumber left, char op, JsonNumber right)
    {
        if (op is not ('+' or '-' or '*' or '/'))
        {
            return OperandValue.Fail($"unknown arithmetic operator '{op}' (use + - * /)");
        }

        if (op == '/' && (right.IsDecimal ? right.Exact == 0 : right.Approximate == 0))
        {
            return OperandValue.Fail($"division by zero: {Show(left)} / {Show(right)}");
        }

        if (left.IsDecimal && right.IsDecimal)
        {
            try
            {
                return OperandValue.Of(JsonNumber.Of(Exact(left.Exact, op, right.Exact)).ToNode());
            }
            catch (OverflowException)
            {
                // Fall through to double, which has the range decimal lacks.
            }
        }

        var result = Approximate(left.Approximate, op, right.Approximate);
        return double.IsFinite(result)
            ? OperandValue.Of(JsonNumber.Of(result).ToNode())
            : OperandValue.Fail($"arithmetic overflow: {Show(left)} {op} {Show(right)}");
    }

    private static decimal Exact(decimal a, char op, decimal b) => op switch
    {
        '+' => a + b,
        '-' => a - b,
        '*' => a * b,
        _ => a / b,
    };

    private static double Approximate(double a, char op, double b) => op switch
    {
        '+' => a + b,
        '-' => a - b,
        '*' => a * b,
        _ => a / b,
    };

    private static string Show(JsonNumber number) => JsonText.ToJson(number.ToNode());
}
