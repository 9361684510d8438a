using Pacer.Core.Judge;
using Pacer.Load.Metrics;

namespace Pacer.Testing.Load;

/// <summary>
/// What one scenario iteration sees: the VU's own <see cref="Http"/> client (its connection and
/// cookies are kept between the VU's iterations), which records every request, and
/// <see cref="Assert"/>, which marks the last response as failed without stopping the load.
/// </summary>
public sealed class ScenarioContext
{
    private readonly RecordingHandler _recorder;

    internal ScenarioContext(int vu, long iteration, HttpClient http, RecordingHandler recorder)
    {
        Vu = vu;
        Iteration = iteration;
        Http = http;
        _recorder = recorder;
    }

    public int Vu { get; }

    public long Iteration { get; }

    public HttpClient Http { get; }

    /// <summary>Counts an <c>assertion-failed</c> on the last request when <paramref name="condition"/> is false (once per request); the iteration goes on.</summary>
    public void Assert(bool condition, string message = "assertion failed")
    {
        if (!condition)
        {
            _recorder.FailLast(FailureKind.AssertionFailed, message);
        }
    }
}
