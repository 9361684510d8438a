using System.Globalization;
using Pacer.Bench;

if (args is ["parser", ..])
{
    // BenchmarkDotNet micro-benchmark of the response parser (run with -c Release).
    BenchmarkDotNet.Running.BenchmarkRunner.Run<ResponseParserBenchmarks>(args: args[1..]);
    return 0;
}

if (args is ["hold-server", _, "--hold", _])
{
    return PreciseHoldServer.Run(args);
}

if (args is ["serve", _, ..])
{
    return await TargetServer.RunAsync(args);
}

try
{
    var options = BenchOptions.Parse(args);
    var result = options.Mode switch
    {
        "engine" => await EngineLoad.RunAsync(options),
        "httpclient" => await HttpClientLoad.RunAsync(options),
        "alloc" => await EngineLoad.MeasureAllocationsAsync(options),
        "h2" => await Http2Load.RunAsync(options),
        "alloc-h2" => await Http2Load.MeasureAllocationsAsync(options),
        _ => throw new ArgumentException(BenchOptions.Usage),
    };
    Console.WriteLine(result.ToString(CultureInfo.InvariantCulture));
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
