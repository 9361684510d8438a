using Pacer.Load.Results;

namespace Pacer.Reports.Load;

/// <summary>A report format for load runs (<c>pacer load --report FORMAT=PATH</c>, <c>pacer report</c>). Reads a finished <see cref="LoadResult"/> only.</summary>
public interface ILoadReportWriter
{
    /// <summary>The name used in <c>--report FORMAT=PATH</c>.</summary>
    string Format { get; }

    void Write(LoadResult result, Stream destination);
}
