using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Pacer.Contracts.Schema;

/// <summary>
/// The formats a contract check asserts: date-time and date (RFC 3339, real calendar days, leap seconds
/// only at 23:59:60 UTC), uuid, email (RFC 5321 mailbox, practical: dot-atom or quoted local part, host name
/// or address literal) and uri (absolute RFC 3986 URI, ASCII only). Any other format (int32, double,
/// hostname…) is an annotation and always passes.
/// </summary>
public static partial class FormatChecker
{
    public static IReadOnlyCollection<string> Asserted { get; } = ["date-time", "date", "uuid", "email", "uri"];

    public static bool IsValid(string format, string text) => format switch
    {
        "date-time" => IsDateTime(text),
        "date" => IsDate(text),
        "uuid" => UuidPattern().IsMatch(text),
        "email" => IsEmail(text),
        "uri" => IsUri(text),
        _ => true,
    };

    private static bool IsDate(string text)
    {
        var match = DatePattern().Match(text);
        return match.Success && IsCalendarDay(Number(match, "y"), Number(match, "m"), Number(match, "d"));
    }

    private static bool IsDateTime(string text)
    {
        var match = DateTimePattern().Match(text);
        if (!match.Success || !IsCalendarDay(Number(match, "y"), Number(match, "m"), Number(match, "d")))
        {
            return false;
        }

        int hour = Number(match, "H"), minute = Number(match, "M"), second = Number(match, "S");
        int offsetHours = match.Groups["oh"].Success ? Number(match, "oh") : 0, offsetMinutes = match.Groups["om"].Success ? Number(match, "om") : 0;
        if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59)
        {
            return false;
        }

        if (second < 60)
        {
            return true;
        }

        // A leap second is inserted at 23:59:60 UTC only; shift by the offset to see whether it is that minute.
        var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
        var utcMinutes = (((hour * 60) + minute - (sign * ((offsetHours * 60) + offsetMinutes))) % 1440 + 1440) % 1440;
        return utcMinutes == (23 * 60) + 59;
    }

    private static bool IsCalendarDay(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month);

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool IsEmail(string text)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return false;
        }

        var local = text[..at];
        var domain = text[(at + 1)..];
        if (!DotAtomPattern().IsMatch(local) && !QuotedLocalPattern().IsMatch(local))
        {
            return false;
        }

        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal)
                ? IPAddress.TryParse(literal[5..], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                : Ipv4Pattern().IsMatch(literal) && literal.Split('.').All(part => int.Parse(part, CultureInfo.InvariantCulture) <= 255);
        }

        return domain.Split('.').All(label => HostLabelPattern().IsMatch(label));
    }

    private static bool IsUri(string text)
    {
        var match = UriPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // With an authority, '[' and ']' may only wrap an IP literal host, never appear in the user info.
        var authority = match.Groups["authority"];
        if (authority.Success)
        {
            var value = authority.Value;
            var at = value.LastIndexOf('@');
            if (at >= 0 && value[..at].IndexOfAny(['[', ']']) >= 0)
            {
                return false;
            }

            var host = at >= 0 ? value[(at + 1)..] : value;
            if (host.Contains('[', StringComparison.Ordinal) && !IpLiteralHostPattern().IsMatch(host))
            {
                return false;
            }
        }

        var rest = match.Groups["rest"].Value;
        return rest.IndexOfAny(['[', ']']) < 0 || !authority.Success;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})[Tt](?<H>[0-9]{2}):(?<M>[0-9]{2}):(?<S>[0-9]{2})(\.[0-9]+)?([Zz]|(?<sign>[+-])(?<oh>[0-9]{2}):(?<om>[0-9]{2}))$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")]
    private static partial Regex DotAtomPattern();

    [GeneratedRegex(@"^""([\x20\x21\x23-\x5B\x5D-\x7E]|\\[\x20-\x7E])*""$")]
    private static partial Regex QuotedLocalPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex HostLabelPattern();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3}){3}$")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"^\[[0-9A-Fa-f:.]+\](:[0-9]*)?$|^\[v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+\](:[0-9]*)?$")]
    private static partial Regex IpLiteralHostPattern();

    // scheme ":" then only RFC 3986 characters, every % starting a two-digit escape.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:(//(?<authority>([A-Za-z0-9\-._~:\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*))?(?<rest>([A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*)$")]
    private static partial Regex UriPattern();
}
