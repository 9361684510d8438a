using System.Text;
using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

public sealed class PathRehearsalTests
{
    [Fact]
    public async Task The_rehearsal_runs_both_steps_through_both_models_against_its_own_responder()
    {
        var ran = await PathRehearsal.RunAsync(TestContext.Current.CancellationToken);

        // 20 open-model iterations (some may be dropped on a slow host) and a closed-model loop, two steps each, all judged passing.
        Assert.True(ran.Requests >= 4, $"only {ran.Requests} requests");
        Assert.True(ran.Checks == ran.ChecksPassed, $"{ran.Checks - ran.ChecksPassed} of {ran.Checks} checks failed: {string.Join("; ", ran.Samples.Select(s => s.Kind + ": " + s.Message))}");
        Assert.Equal(ran.Requests, ran.Checks);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\n", 27)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody", 42)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nbo", 0)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n", 0)]
    public void The_responder_finds_where_each_request_ends(string received, int length) =>
        Assert.Equal(length, LoopbackResponder.RequestLength(Encoding.ASCII.GetBytes(received)));
}
