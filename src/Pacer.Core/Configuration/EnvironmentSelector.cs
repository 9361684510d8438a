namespace Pacer.Core.Configuration;

/// <summary>
/// Which environment a flow runs in: <c>--env</c> if given, else the flow's own <c>env</c> when the
/// config has it, else the config's <c>active_env</c>, else none.
/// </summary>
public static class EnvironmentSelector
{
    /// <summary>Checks names given explicitly (<c>--env</c>, <c>active_env</c>) exist; returns an error message if not.</summary>
    public static string? Validate(PacerConfig config, string? requested)
    {
        foreach (var (name, source) in new[] { (requested, "--env"), (config.ActiveEnv, "active_env") })
        {
            if (!string.IsNullOrEmpty(name) && config.Find(name) is null)
            {
                var known = config.Environments.Count == 0 ? "none defined" : "known: " + string.Join(", ", config.Environments.Select(e => e.Name));
                var where = config.Path is null ? "no .pacer/config.yaml found" : config.Path;
                return $"unknown environment '{name}' from {source} ({known}; {where})";
            }

            if (!string.IsNullOrEmpty(requested))
            {
                break;
            }
        }

        return null;
    }

    public static PacerEnvironment? Select(PacerConfig config, string? requested, string? flowEnv)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return config.Find(requested);
        }

        if (!string.IsNullOrEmpty(flowEnv) && config.Find(flowEnv) is { } own)
        {
            return own;
        }

        return string.IsNullOrEmpty(config.ActiveEnv) ? null : config.Find(config.ActiveEnv);
    }
}
