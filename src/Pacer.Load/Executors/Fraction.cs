using System.Globalization;
using System.Numerics;

namespace Pacer.Load.Executors;

/// <summary>
/// An exact fraction between 0 and 1 for segment boundaries: <c>1/3</c> must stay a third, or three
/// thirds would not add up to the whole test. Reads <c>1/3</c>, <c>0.25</c>, <c>25%</c>, <c>0</c>, <c>1</c>.
/// </summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    // Decimals and percentages up to this many digits; their denominators stay small enough to stripe.
    private const int MaxDecimals = 6;

    public Fraction(long numerator, long denominator)
    {
        if (denominator <= 0 || numerator < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "A boundary is a fraction n/d with n ≥ 0 and d > 0.");
        }

        var gcd = (long)BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / gcd;
        Denominator = denominator / gcd;
    }

    public static Fraction Zero { get; } = new(0, 1);

    public static Fraction One { get; } = new(1, 1);

    public long Numerator { get; }

    public long Denominator { get; }

    public static Fraction Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        try
        {
            if (value.EndsWith('%'))
            {
                var percent = ParseDecimal(value[..^1], text);
                return new Fraction(percent.Numerator, checked(percent.Denominator * 100));
            }

            var slash = value.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!long.TryParse(value[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator) ||
                    !long.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator) || denominator == 0)
                {
                    throw new FormatException($"'{text}' is not a fraction (1/3, 0.25 or 25%)");
                }

                return new Fraction(numerator, denominator);
            }

            return ParseDecimal(value, text);
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{text}' is too large a fraction");
        }
    }

    public int CompareTo(Fraction other) =>
        ((BigInteger)Numerator * other.Denominator).CompareTo((BigInteger)other.Numerator * Denominator);

    public static bool operator <(Fraction left, Fraction right) => left.CompareTo(right) < 0;

    public static bool operator >(Fraction left, Fraction right) => left.CompareTo(right) > 0;

    public static bool operator <=(Fraction left, Fraction right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Fraction left, Fraction right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        Denominator == 1
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    private static Fraction ParseDecimal(string value, string text)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? value : value[..dot];
        var digits = dot < 0 ? "" : value[(dot + 1)..];
        if ((whole.Length == 0 && digits.Length == 0) || digits.Length > MaxDecimals ||
            !long.TryParse(whole.Length == 0 ? "0" : whole, NumberStyles.None, CultureInfo.InvariantCulture, out var integer) ||
            (digits.Length > 0 && !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"'{text}' is not a fraction (1/3, 0.25 or 25%; at most {MaxDecimals} decimals)");
        }

        var scale = (long)Math.Pow(10, digits.Length);
        var fraction = digits.Length == 0 ? 0 : long.Parse(digits, CultureInfo.InvariantCulture);
        return new Fraction(checked((integer * scale) + fraction), scale);
    }
}
