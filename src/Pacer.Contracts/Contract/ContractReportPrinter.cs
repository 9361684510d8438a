using System.Globalization;

namespace Pacer.Contracts.Contract;

/// <summary>
/// Prints a contract outcome for people: violations grouped by operation — the same violation seen on several answers
/// once, with a count, its check, and (for a generated case) what the case was and a curl line that replays it — then
/// notes, then one summary line with the seed to rerun the same cases.
/// </summary>
public static class ContractReportPrinter
{
    /// <summary>Prints the outcome; <paramref name="failure"/> (a login that failed) fails it whatever the violations.</summary>
    public static void Print(TextWriter output, ContractOutcome outcome, string documentName, string? failure = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var group in outcome.Violations.GroupBy(v => v.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(group.Key);
            foreach (var same in group.GroupBy(v => (v.Check, v.Detail)))
            {
                var first = same.First();
                var times = same.Count() > 1 ? string.Create(CultureInfo.InvariantCulture, $"  (×{same.Count()})") : "";
                output.WriteLine($"  ✗ {same.Key.Detail}{times}  [{same.Key.Check}]");
                if (first.Case is { } description)
                {
                    output.WriteLine($"      case: {description}");
                }

                if (first.Curl is { } curl)
                {
                    output.WriteLine($"      {curl}");
                }
            }

            output.WriteLine();
        }

        foreach (var note in outcome.Notes)
        {
            output.WriteLine("note: " + note);
        }

        var operations = outcome.ResponsesByOperation.Count;
        var checkedText = string.Create(CultureInfo.InvariantCulture, $"{outcome.ResponsesChecked} response(s) of {operations} operation(s) checked against {documentName}");
        var seed = outcome.Seed is { } value ? string.Create(CultureInfo.InvariantCulture, $" (seed {value}; --seed {value} sends the same cases)") : "";
        var failing = outcome.Violations.Select(v => v.Operation).Distinct().Count();
        var violations = outcome.Passed ? "" : string.Create(CultureInfo.InvariantCulture, $"{outcome.Violations.Count} violation(s) in {failing} operation(s); ");
        output.WriteLine(outcome.Passed && failure is null
            ? $"Contract passed: {checkedText}{seed}."
            : $"Contract failed: {(failure is null ? "" : failure + "; ")}{violations}{checkedText}{seed}.");
    }
}
