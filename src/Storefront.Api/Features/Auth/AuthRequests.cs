namespace Storefront.Api.Features.Auth;

// Fields are nullable so a missing one becomes a per-field validation error instead of a JSON binding failure.

public sealed record RegisterRequest(string? Email, string? Username, string? Password, string? FullName);

/// <summary><see cref="Login"/> is an email or a username.</summary>
public sealed record LoginRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);
