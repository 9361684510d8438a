using System.ComponentModel.DataAnnotations;
using Storefront.Api.Features.Users;

namespace Storefront.Api.Features.Auth;

// Fields are nullable so a missing one becomes a per-field validation error instead of a JSON binding failure.
// The attributes are the rules: RequestRules enforces them and the OpenAPI document states them.

public sealed record RegisterRequest(
    [property: Required(ErrorMessage = "is required."), StringLength(UserRules.MaxEmailLength, ErrorMessage = "must be at most {1} characters."),
        RegularExpression(UserRules.EmailPattern, ErrorMessage = "must be a valid email address.")]
    string? Email,
    [property: Required(ErrorMessage = "is required."),
        RegularExpression(UserRules.UsernamePattern, ErrorMessage = "must be 3-32 letters, digits, '_', '-' or '.'.")]
    string? Username,
    [property: Required(ErrorMessage = "is required."),
        StringLength(UserRules.MaxPasswordLength, MinimumLength = UserRules.MinPasswordLength, ErrorMessage = "must be {2}-{1} characters.")]
    string? Password,
    [property: StringLength(UserRules.MaxFullNameLength, ErrorMessage = "must be at most {1} characters.")]
    string? FullName = null);

/// <summary><see cref="Login"/> is an email or a username.</summary>
public sealed record LoginRequest(
    [property: Required(ErrorMessage = "is required."), StringLength(UserRules.MaxEmailLength, ErrorMessage = "must be at most {1} characters.")]
    string? Login,
    [property: Required(ErrorMessage = "is required."), StringLength(UserRules.MaxPasswordLength, ErrorMessage = "must be at most {1} characters.")]
    string? Password);

public sealed record RefreshRequest(
    [property: Required(ErrorMessage = "is required."), StringLength(SecretTokens.MaxLength, ErrorMessage = "must be at most {1} characters.")]
    string? RefreshToken);

public sealed record ForgotPasswordRequest(
    [property: Required(ErrorMessage = "is required."), StringLength(UserRules.MaxEmailLength, ErrorMessage = "must be at most {1} characters."),
        RegularExpression(UserRules.EmailPattern, ErrorMessage = "must be a valid email address.")]
    string? Email);

public sealed record ResetPasswordRequest(
    [property: Required(ErrorMessage = "is required."), StringLength(SecretTokens.MaxLength, ErrorMessage = "must be at most {1} characters.")]
    string? Token,
    [property: Required(ErrorMessage = "is required."),
        StringLength(UserRules.MaxPasswordLength, MinimumLength = UserRules.MinPasswordLength, ErrorMessage = "must be {2}-{1} characters.")]
    string? NewPassword);
