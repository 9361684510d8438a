namespace Pacer.Contracts.Probing.Tokens;

/// <summary>
/// Secrets HMAC-signed JWTs are commonly issued with: framework and tutorial defaults (jwt.io's
/// <c>your-256-bit-secret</c>, express-jwt's <c>shhhhh</c>, express-session's <c>keyboard cat</c>), placeholder
/// values left in configuration, and short common passwords. Words from the API's own title are added at run time.
/// </summary>
public static class CommonJwtSecrets
{
    public static IReadOnlyList<string> All { get; } =
    [
        "", "secret", "Secret", "SECRET", "secret1", "secret123", "secret-key", "secret_key", "secretkey", "SecretKey", "SECRET_KEY",
        "mysecret", "my-secret", "my_secret", "mysecretkey", "my-secret-key", "my_secret_key", "MySecretKey", "topsecret", "supersecret",
        "super-secret", "super_secret", "supersecretkey", "super-secret-key", "verysecret", "s3cr3t", "s3cret", "secr3t", "shhhhh",
        "shhhhhhared-secret", "keyboard cat", "your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "your-secret-key",
        "your_secret_key", "your-jwt-secret", "your_jwt_secret", "jwt", "JWT", "jwtsecret", "jwt-secret", "jwt_secret", "JWT_SECRET",
        "jwtSecret", "jwtkey", "jwt-key", "jwt_key", "JWT_KEY", "jwt-secret-key", "jwt_secret_key", "jwtsecretkey", "token", "tokensecret",
        "token-secret", "token_secret", "access-secret", "access_secret", "accesstokensecret", "refresh-secret", "refresh_secret",
        "signingkey", "signing-key", "signing_key", "SigningKey", "private", "privatekey", "private-key", "private_key", "key", "Key",
        "apikey", "api-key", "api_key", "api-secret", "api_secret", "appsecret", "app-secret", "app_secret", "authsecret", "auth-secret",
        "auth_secret", "changeme", "change-me", "change_me", "changeit", "change-this", "changethis", "CHANGE_ME", "replace-me",
        "default", "defaultsecret", "dev", "development", "devsecret", "dev-secret", "test", "testing", "testsecret", "test-secret",
        "prod", "production", "local", "localhost", "example", "sample", "demo", "demo-secret", "password", "Password", "password1",
        "password123", "passw0rd", "P@ssw0rd", "admin", "admin123", "administrator", "root", "toor", "123456", "1234567890",
        "12345678", "qwerty", "abc123", "letmein", "welcome", "hello", "helloworld", "hello-world", "random", "randomsecret",
        "notsecret", "nosecret", "insecure", "unsafe", "HS256", "hs256", "jsonwebtoken", "node", "express", "flask", "django",
        "spring", "laravel", "rails", "dotnet", "aspnet", "gin", "fastapi", "api", "app", "application", "server", "backend",
        "service", "user", "users", "login", "auth", "authentication", "session", "cookie", "secretsecret", "secretpassword",
    ];
}
