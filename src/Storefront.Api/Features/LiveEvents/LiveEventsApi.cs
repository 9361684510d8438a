using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;
using Storefront.Api.Infrastructure.Overload;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// Live shopping: <c>/live-events</c>. A creator (or an admin) opens an event with featured products, pins one, drops a
/// price and ends it (<see cref="LiveEventCommands"/>); viewers read it, follow it over SSE and react over WebSocket.
/// Orders during an event are ordinary orders: the stock ledger's conditional UPDATEs are what make an event's rush
/// never oversell, and viewers see what the ledger says within <see cref="LiveEventsOptions.StatedDelay"/>.
/// </summary>
public static class LiveEventsApi
{
    public static IServiceCollection AddLiveEventsFeature(this IServiceCollection services)
    {
        services.AddOptions<LiveEventsOptions>().BindConfiguration(LiveEventsOptions.Section);
        services.AddSingleton<LiveEventHub>();
        services.AddSingleton<LiveEventWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEventWatcher>());
        services.AddScoped<IStorefrontSeeder, CreatorSeeder>();
        services.AddAuthorizationBuilder().AddPolicy(LiveEventRules.CreatorPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(StorefrontClaims.Role, LiveEventRules.CreatorRole, StorefrontClaims.AdminRole));
        return services;
    }

    public static RouteGroupBuilder MapLiveEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/live-events").WithTags("LiveEvents");
        events.MapGet("/", ListAsync).WithName("ListLiveEvents").WithSummary("Events that are live now, newest first.");
        events.MapGet("/{id:guid}", GetAsync).WithName("GetLiveEvent").ProducesProblem(StatusCodes.Status404NotFound);
        events.MapGet("/{id:guid}/stream", LiveEventStreamEndpoint.StreamAsync)
            .WithName("StreamLiveEvent")
            .WithSummary("Server-Sent Events: a snapshot, then stock, price, pinned, reactions and ended events.")
            .WithMetadata(new LongLivedResponse())
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // WebSocket: send {"reaction": "heart"}, receive reaction totals (docs/storefront-platform.md). Left out of the
        // OpenAPI document, which has no way to say "a WebSocket handshake": described as a plain GET, every
        // contract tool reads its 400 to a request without Upgrade as valid input refused.
        events.MapGet("/{id:guid}/reactions", LiveReactionsEndpoint.ConnectAsync)
            .WithName("LiveEventReactions")
            .WithMetadata(new LongLivedResponse())
            .ExcludeFromDescription();

        var host = events.MapGroup("/").RequireAuthorization(LiveEventRules.CreatorPolicy);
        host.MapPost("/", LiveEventCommands.OpenAsync).WithName("OpenLiveEvent").ProducesValidationProblem();
        host.MapPost("/{id:guid}/pin", LiveEventCommands.PinAsync)
            .WithName("PinLiveProduct")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        host.MapPost("/{id:guid}/price-drops", LiveEventCommands.DropPriceAsync)
            .WithName("DropLivePrice")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        host.MapPost("/{id:guid}/end", LiveEventCommands.EndAsync)
            .WithName("EndLiveEvent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Ok<LiveEventList>> ListAsync(StorefrontDbContext db, IOptions<LiveEventsOptions> options, CancellationToken cancellationToken)
    {
        var ids = await db.Set<LiveEvent>().AsNoTracking().Where(e => e.Status == LiveEvent.Live)
            .OrderByDescending(e => e.StartedAt).Select(e => e.Id).Take(50).ToListAsync(cancellationToken);
        var states = await LiveEventReader.ReadAsync(db, ids, cancellationToken);
        return TypedResults.Ok(new LiveEventList(
            ids.Where(states.ContainsKey).Select(id => states[id].ToResponse(options.Value.StatedDelay)).ToList()));
    }

    public static async Task<Results<Ok<LiveEventResponse>, ProblemHttpResult>> GetAsync(
        Guid id, StorefrontDbContext db, IOptions<LiveEventsOptions> options, CancellationToken cancellationToken) =>
        await LiveEventReader.ReadAsync(db, id, cancellationToken) is { } state
            ? TypedResults.Ok(state.ToResponse(options.Value.StatedDelay))
            : EventNotFound(id);

    internal static ProblemHttpResult EventNotFound(Guid id) =>
        StorefrontProblems.NotFound($"Live event {id} does not exist.", "live_event_not_found");

    internal static ProblemHttpResult EventEnded(Guid id) =>
        StorefrontProblems.Conflict($"Live event {id} has ended.", "live_event_ended");
}
