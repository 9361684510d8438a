namespace Pacer.Load.Runtime;

/// <summary>How <c>--data</c> rows are handed to VUs.</summary>
public enum DataMode
{
    /// <summary>VU n gets row n mod rows: more VUs than rows share rows.</summary>
    RoundRobin,

    /// <summary>VU n gets row n and no row is shared; more VUs than rows is an error before the run.</summary>
    Unique,
}
