using System.Globalization;

namespace Pacer.Bench;

internal readonly record struct LoadResult(string Mode, long Requests, long Failures, TimeSpan Elapsed, TimeSpan Cpu, string Extra = "")
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>
    /// Client CPU per request during the load window (process start-up excluded): steadier than
    /// req/s when other processes share the machine.
    /// </summary>
    public double CpuMicrosecondsPerRequest => Cpu.TotalMicroseconds / Math.Max(1, Requests);

    public static TimeSpan ProcessCpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>One parseable line; compare.sh reads the rps= field.</summary>
    public string ToString(IFormatProvider provider) => string.Create(provider,
        $"mode={Mode} requests={Requests} failures={Failures} seconds={Elapsed.TotalSeconds:F2} rps={RequestsPerSecond:F0} cpu_us_per_request={CpuMicrosecondsPerRequest:F2} {Extra}").TrimEnd();

    public override string ToString() => ToString(CultureInfo.InvariantCulture);
}
