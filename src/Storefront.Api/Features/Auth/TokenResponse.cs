namespace Storefront.Api.Features.Auth;

/// <summary>What login and refresh return. <see cref="ExpiresIn"/> is the access token's lifetime in seconds.</summary>
public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");
