using System.Net.Http.Headers;
using Pacer.Hub.Client;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Runs;

/// <summary>A run in progress streams each second to the Hub, and followers see it over SSE until the result arrives.</summary>
public sealed class LiveProgressTests
{
    [Fact]
    public async Task Progress_posted_by_a_running_load_reaches_an_sse_follower_then_the_run_completes()
    {
        await using var hub = await HubServer.StartAsync();
        using var api = await HubApi.SignUpAsync(hub);
        var project = await api.CreateProjectAsync();
        using var client = new HubClient(new Uri(hub.BaseUrl), api.Token);
        var live = await client.StartLiveRunAsync(project, "load", ["hub-api.flow.md"], null, TestContext.Current.CancellationToken);

        using var follower = hub.CreateClient();
        follower.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Token);
        using var response = await follower.GetAsync(new Uri($"api/v1/projects/{project}/runs/{live.Id}/events", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal("following", (await NextEventAsync(reader)).Type);

        await client.SendProgressAsync(project, live.Id, new HubProgress(0, 190, 1, 2.1, 9.5, 30.2, 12), TestContext.Current.CancellationToken);
        var progress = await NextEventAsync(reader);
        await client.FinishLiveRunAsync(project, live.Id, RunUploadTests.LoadFixture, TestContext.Current.CancellationToken);
        var completed = await NextEventAsync(reader);

        Assert.Equal("progress", progress.Type);
        Assert.Contains("\"p95_ms\":9.5", progress.Data, StringComparison.Ordinal);
        Assert.Equal("completed", completed.Type);
        var run = await api.GetAsync($"api/v1/projects/{project}/runs/{live.Id}");
        Assert.Equal("completed", run.Data!["run"]!["status"]!.GetValue<string>());
    }

    private static async Task<(string Type, string Data)> NextEventAsync(StreamReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        string type = "message", data = "";
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
            else if (line.Length == 0 && data.Length > 0)
            {
                return (type, data);
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }
}
