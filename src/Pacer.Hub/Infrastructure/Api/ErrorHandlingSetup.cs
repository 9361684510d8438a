using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Pacer.Hub.Infrastructure.Api;

/// <summary>
/// One path for every error: handlers return <see cref="ApiResults"/>; everything else (unhandled
/// exceptions, bad JSON, empty 4xx from the framework) goes through the problem details service,
/// which writes the envelope under <c>/api</c> and plain problem+json elsewhere.
/// </summary>
public static partial class ErrorHandlingSetup
{
    public static IServiceCollection AddHubErrorHandling(this IServiceCollection services)
    {
        services.AddSingleton<IProblemDetailsWriter, EnvelopeProblemWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["trace_id"] = c.HttpContext.TraceIdentifier);
        return services;
    }

    public static WebApplication UseHubErrorHandling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            },
            ExceptionHandler = async http =>
            {
                var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                var status = http.Response.StatusCode;
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                var detail = error is BadHttpRequestException bad
                    ? bad.InnerException?.Message is { } inner ? $"{bad.Message} {inner}" : bad.Message
                    : "An unexpected error occurred; the trace id identifies it in the Hub's log.";
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
                });
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}
