namespace Pacer.Core.Http.Engine;

/// <summary>
/// The Stopwatch timestamps of one HTTP/1.1 exchange's phases (0 for a phase that did not happen),
/// a reference type so async code can fill it in as the exchange goes; one per connection, reused.
/// </summary>
internal sealed class PhaseClock
{
    public long Started;
    public long Connected;
    public long Handshaken;
    public long SendStarted;
    public long Sent;
    public long FirstByte;

    public PhaseClock Reset(long started)
    {
        Started = started;
        Connected = Handshaken = SendStarted = Sent = FirstByte = 0;
        return this;
    }

    public HttpPhaseTimings Timings(long ended)
    {
        var firstByte = FirstByte == 0 ? ended : FirstByte;
        return new HttpPhaseTimings(
            0,
            HttpPhaseTimings.Between(Started, Connected),
            HttpPhaseTimings.Between(Connected, Handshaken),
            HttpPhaseTimings.Between(SendStarted, Sent),
            HttpPhaseTimings.Between(Sent, firstByte),
            HttpPhaseTimings.Between(firstByte, ended));
    }
}
