namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Every probe check, in the order a run takes them: first the few logins a run needs beyond its own (a fresh session
/// to log out, real and unknown users compared) before other traffic trips a login limit; then tokens, authorisation
/// while every object is still there, exposure, injection, robustness, resource consumption; then what changes state
/// or locks accounts — mass assignment, bursts — and finally changes to the first user's account. Passive checks
/// (observers) watch every answer throughout.
/// </summary>
public static class ProbeCheckCatalog
{
    public static IReadOnlyList<IProbeCheck> Create() =>
    [
        new ServerErrorCheck(),
        new SecurityHeadersCheck(),
        new CorsCheck(),
        new StackTraceCheck(),
        new VerboseErrorsCheck(),
        new SensitiveDataExposureCheck(),
        new UndocumentedPropertiesCheck(),
        new LoggedOutTokenCheck(),
        new UserEnumerationCheck(),
        new MissingTokenCheck(),
        new ForeignKeyTokenCheck(),
        new AlgNoneTokenCheck(),
        new WeakJwtSecretCheck(),
        new ExpiredTokenCheck(),
        new ObjectLevelAuthorizationCheck(),
        new AdminOperationsCheck(),
        new OtherUsersDataCheck(),
        new SqlErrorInjectionCheck(),
        new SqlBooleanInjectionCheck(),
        new SqlTimeInjectionCheck(),
        new NoSqlInjectionCheck(),
        new CommandInjectionCheck(),
        new MarkupInjectionCheck(),
        new HeaderInjectionCheck(),
        new MalformedInputCheck(),
        new BoundaryValuesCheck(),
        new ReDoSCheck(),
        new UnboundedPageSizeCheck(),
        new OversizedBodyCheck(),
        new MassAssignmentCheck(),
        new RateLimitCheck(),
        new LoginBruteForceCheck(),
        new OtherUserAccountCheck(),
    ];

    /// <summary>The checks a run selects: all, or those named (<c>--check</c>), less those skipped (<c>--skip-check</c>).</summary>
    public static IReadOnlyList<IProbeCheck> Select(IReadOnlyList<string> only, IReadOnlyList<string> skip)
    {
        ArgumentNullException.ThrowIfNull(only);
        ArgumentNullException.ThrowIfNull(skip);
        var all = Create();
        var unknown = only.Concat(skip).Where(n => !all.Any(c => c.Name == n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ProbeInputException($"unknown check(s): {string.Join(", ", unknown)} (pacer probe --list-checks names them all)");
        }

        return all.Where(c => (only.Count == 0 || only.Contains(c.Name)) && !skip.Contains(c.Name)).ToList();
    }
}
