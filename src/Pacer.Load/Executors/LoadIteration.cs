namespace Pacer.Load.Executors;

/// <summary>One iteration of the work under load (normally one pass through a flow).</summary>
public delegate ValueTask LoadIteration(IterationContext context, CancellationToken cancellationToken);
