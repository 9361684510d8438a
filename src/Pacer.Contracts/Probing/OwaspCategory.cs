namespace Pacer.Contracts.Probing;

/// <summary>
/// Where a finding belongs: the OWASP API Security Top 10 (2023) risks the probe looks for, plus injection
/// (OWASP Top 10 A03:2021, which the API list folds into others) and robustness (a server error on input the
/// API should have refused, which is a defect rather than an OWASP risk).
/// </summary>
public enum OwaspCategory
{
    /// <summary>API1:2023 Broken Object Level Authorization.</summary>
    ObjectLevelAuthorization,

    /// <summary>API2:2023 Broken Authentication.</summary>
    Authentication,

    /// <summary>API3:2023 Broken Object Property Level Authorization (data exposure, mass assignment).</summary>
    PropertyLevelAuthorization,

    /// <summary>API4:2023 Unrestricted Resource Consumption.</summary>
    ResourceConsumption,

    /// <summary>API5:2023 Broken Function Level Authorization.</summary>
    FunctionLevelAuthorization,

    /// <summary>API8:2023 Security Misconfiguration.</summary>
    SecurityMisconfiguration,

    /// <summary>Injection: SQL, NoSQL, OS command, markup and header injection.</summary>
    Injection,

    /// <summary>Not an OWASP risk: an undocumented 5xx on valid, malformed or boundary input.</summary>
    Robustness,
}

public static class OwaspCategories
{
    /// <summary>The short code reports print: <c>API1:2023</c>, <c>INJECTION</c>, <c>ROBUSTNESS</c>.</summary>
    public static string Code(this OwaspCategory category) => category switch
    {
        OwaspCategory.ObjectLevelAuthorization => "API1:2023",
        OwaspCategory.Authentication => "API2:2023",
        OwaspCategory.PropertyLevelAuthorization => "API3:2023",
        OwaspCategory.ResourceConsumption => "API4:2023",
        OwaspCategory.FunctionLevelAuthorization => "API5:2023",
        OwaspCategory.SecurityMisconfiguration => "API8:2023",
        OwaspCategory.Injection => "INJECTION",
        _ => "ROBUSTNESS",
    };

    public static string Title(this OwaspCategory category) => category switch
    {
        OwaspCategory.ObjectLevelAuthorization => "Broken Object Level Authorization",
        OwaspCategory.Authentication => "Broken Authentication",
        OwaspCategory.PropertyLevelAuthorization => "Broken Object Property Level Authorization",
        OwaspCategory.ResourceConsumption => "Unrestricted Resource Consumption",
        OwaspCategory.FunctionLevelAuthorization => "Broken Function Level Authorization",
        OwaspCategory.SecurityMisconfiguration => "Security Misconfiguration",
        OwaspCategory.Injection => "Injection (OWASP Top 10 A03:2021)",
        _ => "Robustness (not an OWASP risk)",
    };
}
