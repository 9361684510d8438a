using Pacer.Load.Results;

namespace Pacer.Reports.Load;

/// <summary><c>--report json=PATH</c>: the result file itself (docs/results-json.md), the same bytes as <c>--out</c>.</summary>
public sealed class LoadJsonReportWriter : ILoadReportWriter
{
    public string Format => "json";

    public void Write(LoadResult result, Stream destination) => LoadResultJson.Write(result, destination);
}
