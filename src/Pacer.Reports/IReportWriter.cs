using Pacer.Core.Execution;

namespace Pacer.Reports;

/// <summary>A report format. Writers only read a finished <see cref="RunResult"/>; they never run anything.</summary>
public interface IReportWriter
{
    /// <summary>The name used in <c>--report FORMAT=PATH</c>.</summary>
    string Format { get; }

    void Write(RunResult run, Stream destination);
}
