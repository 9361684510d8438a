using System.Text.RegularExpressions;
using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Features.Users;

/// <summary>What a valid email, username, full name and password look like.</summary>
public static partial class UserRules
{
    public const int MaxEmailLength = 254;
    public const int MaxUsernameLength = 32;
    public const int MinUsernameLength = 3;
    public const int MaxFullNameLength = 200;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    /// <summary>
    /// An address with a local part, one @ and a domain with at least one dot, no spaces, quotes or brackets: what
    /// the document states and the API checks, one pattern (a stricter parser here would refuse what the document allows).
    /// </summary>
    public const string EmailPattern = "^[^@\\s\\u0000\"(),:;<>\\[\\]\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";
    public const string UsernamePattern = "^[A-Za-z0-9_.-]{3,32}$";

    public static ValidationErrors Email(this ValidationErrors errors, string field, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return errors.Add(field, "is required.");
        }

        if (email.Length > MaxEmailLength || !EmailRegex().IsMatch(email))
        {
            errors.Add(field, "must be a valid email address.");
        }

        return errors;
    }

    public static ValidationErrors Username(this ValidationErrors errors, string field, string? username)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return errors.Add(field, "is required.");
        }

        if (username.Length is < MinUsernameLength or > MaxUsernameLength
            || !username.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            errors.Add(field, $"must be {MinUsernameLength}-{MaxUsernameLength} letters, digits, '_', '-' or '.'.");
        }

        return errors;
    }

    public static ValidationErrors FullName(this ValidationErrors errors, string field, string? fullName)
    {
        if (fullName is { Length: > MaxFullNameLength })
        {
            errors.Add(field, $"must be at most {MaxFullNameLength} characters.");
        }

        return errors;
    }

    public static ValidationErrors Password(this ValidationErrors errors, string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return errors.Add(field, "is required.");
        }

        if (password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors.Add(field, $"must be {MinPasswordLength}-{MaxPasswordLength} characters.");
        }

        return errors;
    }

    [GeneratedRegex(EmailPattern)]
    private static partial Regex EmailRegex();
}
