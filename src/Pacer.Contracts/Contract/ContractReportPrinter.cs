using System.Globalization;

namespace Pacer.Contracts.Contract;

/// <summary>
/// Prints a contract outcome for people: violations grouped by operation (the same violation seen on
/// several responses once, with a count), then notes, then one summary line.
/// </summary>
public static class ContractReportPrinter
{
    public static void Print(TextWriter output, ContractOutcome outcome, string documentName)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var group in outcome.Violations.GroupBy(v => v.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(group.Key);
            foreach (var detail in group.GroupBy(v => v.Detail))
            {
                var times = detail.Count() > 1 ? string.Create(CultureInfo.InvariantCulture, $"  (×{detail.Count()})") : "";
                output.WriteLine($"  ✗ {detail.Key}{times}");
            }

            output.WriteLine();
        }

        foreach (var note in outcome.Notes)
        {
            output.WriteLine("note: " + note);
        }

        var operations = outcome.ResponsesByOperation.Count;
        var checkedText = string.Create(CultureInfo.InvariantCulture, $"{outcome.ResponsesChecked} response(s) of {operations} operation(s) checked against {documentName}");
        var failing = outcome.Violations.Select(v => v.Operation).Distinct().Count();
        output.WriteLine(outcome.Passed
            ? $"Contract passed: {checkedText}."
            : string.Create(CultureInfo.InvariantCulture, $"Contract failed: {outcome.Violations.Count} violation(s) in {failing} operation(s); {checkedText}."));
    }
}
