using System.Globalization;

namespace Pacer.Cli.Monitor;

/// <summary>
/// Turns rule outcomes, check after check, into alerts: exactly one <c>firing</c> when a rule
/// starts failing, exactly one <c>resolved</c> when it passes again, and — only when a reminder
/// interval is set — one more <c>firing</c> per interval while it keeps failing. Nothing else, so
/// a rule failing on every check of a day is one alert (plus reminders), never a storm.
/// </summary>
public sealed class AlertTracker(TimeProvider time, TimeSpan? reminder)
{
    private readonly Dictionary<string, RuleState> states = new(StringComparer.Ordinal);

    /// <summary>Rules failing right now.</summary>
    public IEnumerable<RuleOutcome> Firing => states.Values.Where(s => s.Firing).Select(s => s.Last);

    /// <summary>Every rule seen so far with its current state (for the metrics endpoint).</summary>
    public IEnumerable<(RuleOutcome Outcome, bool Firing)> Rules => states.Values.Select(s => (s.Last, s.Firing));

    /// <summary>Feeds one check's outcomes; returns the alerts to send, in order.</summary>
    public IReadOnlyList<Alert> Observe(IEnumerable<RuleOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var now = time.GetUtcNow();
        var alerts = new List<Alert>();
        foreach (var outcome in outcomes)
        {
            if (!states.TryGetValue(outcome.Key, out var state))
            {
                state = new RuleState { Last = outcome };
                states[outcome.Key] = state;
            }

            state.Last = outcome;
            if (outcome.Failing && !state.Firing)
            {
                state.Firing = true;
                state.Since = now;
                state.LastSent = now;
                state.FailingChecks = 1;
                alerts.Add(Build(Alert.Firing, outcome, now, outcome.Detail));
            }
            else if (outcome.Failing)
            {
                state.FailingChecks++;
                if (reminder is { } interval && now - state.LastSent >= interval)
                {
                    state.LastSent = now;
                    alerts.Add(Build(Alert.Firing, outcome, state.Since, $"still failing after {state.FailingChecks} checks ({Describe(now - state.Since)}): {outcome.Detail}"));
                }
            }
            else if (state.Firing)
            {
                state.Firing = false;
                alerts.Add(Build(Alert.Resolved, outcome, state.Since, $"passing again after {state.FailingChecks} failing checks ({Describe(now - state.Since)})"));
            }
        }

        return alerts;
    }

    private static Alert Build(string status, RuleOutcome outcome, DateTimeOffset since, string detail) =>
        new(status, outcome.Rule, outcome.Flow, outcome.Step, outcome.Value, outcome.Threshold, since, detail);

    private static string Describe(TimeSpan span)
    {
        var (value, unit) = span.TotalSeconds < 60 ? (span.TotalSeconds, "s") : span.TotalMinutes < 60 ? (span.TotalMinutes, "m") : (span.TotalHours, "h");
        return value.ToString("0.#", CultureInfo.InvariantCulture) + unit;
    }

    private sealed class RuleState
    {
        public required RuleOutcome Last { get; set; }

        public bool Firing { get; set; }

        public DateTimeOffset Since { get; set; }

        public DateTimeOffset LastSent { get; set; }

        public int FailingChecks { get; set; }
    }
}
