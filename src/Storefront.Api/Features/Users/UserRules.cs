using System.Net.Mail;
using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Features.Users;

/// <summary>What a valid email, username, full name and password look like.</summary>
public static class UserRules
{
    public const int MaxEmailLength = 254;
    public const int MaxUsernameLength = 32;
    public const int MinUsernameLength = 3;
    public const int MaxFullNameLength = 200;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public static ValidationErrors Email(this ValidationErrors errors, string field, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return errors.Add(field, "is required.");
        }

        if (email.Length > MaxEmailLength || !MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim()
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
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
}
