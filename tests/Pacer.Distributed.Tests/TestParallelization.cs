using Xunit;

// Every test here starts a coordinator, its agents and a target as processes of their own: run two at
// once on a small machine and their start skews and starved ticks are the tests' own doing.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
