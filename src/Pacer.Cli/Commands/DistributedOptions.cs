using System.CommandLine;
using Pacer.Distributed.Coordinator;
using Pacer.Load.Executors;

namespace Pacer.Cli.Commands;

/// <summary>
/// What <c>--segment</c>, <c>--segment-sequence</c>, <c>--agents</c> and <c>--listen</c> ask of <c>pacer load</c>:
/// run one share of the test here, or coordinate N agents. Read once, every mistake named.
/// </summary>
internal sealed record DistributedOptions(ExecutionSegment? Segment, CoordinatorSettings? Coordinator)
{
    public const string DefaultListen = "0.0.0.0:6565";

    /// <summary>The options read, or null after printing why they cannot be.</summary>
    public static DistributedOptions? Read(ParseResult parsed, LoadOptions options, TextWriter error)
    {
        var segmentText = parsed.GetValue(options.Segment);
        var sequence = parsed.GetValue(options.SegmentSequence);
        var agents = parsed.GetValue(options.Agents);
        var listen = parsed.GetValue(options.Listen);
        try
        {
            if (sequence is not null && segmentText is null)
            {
                throw new FormatException("--segment-sequence goes with an a:b --segment");
            }

            var segment = segmentText is null ? null : ExecutionSegment.Parse(segmentText, sequence);
            if (agents is null)
            {
                return listen is null
                    ? new DistributedOptions(segment, null)
                    : throw new FormatException("--listen is where agents reach a coordinator: it goes with --agents N");
            }

            if (agents < 1 || agents > 10_000)
            {
                throw new FormatException($"--agents must be between 1 and 10,000, got {agents}");
            }

            if (segment is not null)
            {
                throw new FormatException("--segment and --agents do not go together: the coordinator gives each agent its segment");
            }

            if (parsed.GetValue(options.MetricsPort) is not null)
            {
                // The endpoint reads one process's live metrics; a coordinator holds merged results, not those.
                throw new FormatException("--metrics-port is not served by a coordinator (--agents): follow the run on its console, its status endpoint (GET /v1/status) or --hub");
            }

            return new DistributedOptions(null, new CoordinatorSettings { Agents = agents.Value, Listen = CoordinatorSettings.ParseListen(listen ?? DefaultListen) });
        }
        catch (FormatException exception)
        {
            error.WriteLine($"error: {(exception.Message.StartsWith("--", StringComparison.Ordinal) ? "" : "--segment: ")}{exception.Message}");
            return null;
        }
    }
}
