using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pacer.Cli.Tests.Contract.Conforming;

/// <summary>
/// A four-operation notes API on Kestrel (127.0.0.1, random port), described by <see cref="Document"/>, that disagrees with
/// its document in the ways <see cref="NotesMismatch"/> names and agrees with it in everything else — so the conformance
/// sweep must report each mismatch it is started with, and nothing when it is started with none.
/// </summary>
internal sealed class NotesApi : IAsyncDisposable
{
    private readonly WebApplication app;

    private NotesApi(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public static IReadOnlySet<NotesMismatch> All { get; } = Enum.GetValues<NotesMismatch>().ToHashSet();

    public string BaseUrl { get; }

    public static async Task<NotesApi> StartAsync(IReadOnlySet<NotesMismatch> mismatches)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var notes = new ConcurrentDictionary<int, (string Text, string? Tag)>();
        var nextId = 0;
        bool Has(NotesMismatch mismatch) => mismatches.Contains(mismatch);

        app.MapGet("/notes", (HttpContext context, string? page) =>
            !context.Request.Headers.ContainsKey("X-Tenant") && !Has(NotesMismatch.RequiredHeaderIgnored) ? Problem(400, "X-Tenant is required", Has)
            : page is not null && (!int.TryParse(page, out var number) || number < 0 || (number == 0 && Has(NotesMismatch.UndocumentedBound))) ? Problem(400, "page is a whole number from 0", Has)
            : Results.Json(notes.OrderBy(n => n.Key).Skip(Math.Max(0, (page is null ? 1 : int.Parse(page, System.Globalization.CultureInfo.InvariantCulture)) - 1) * 20).Take(20).Select(n => new { id = n.Key, text = n.Value.Text, tag = n.Value.Tag }).ToList()));

        app.MapPost("/notes", async (HttpContext context) =>
        {
            if (context.Request.Headers["Idempotency-Key"].ToString().Length == 0 && Has(NotesMismatch.OptionalHeaderRequired))
            {
                return Problem(400, "Idempotency-Key is required", Has);
            }

            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
            }
            catch (JsonException)
            {
                return Problem(400, "invalid JSON", Has);
            }

            var text = body?["text"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
            var tagNode = body?["tag"];
            var tagValid = body?.ContainsKey("tag") == true
                && (tagNode is null ? !Has(NotesMismatch.NullableRefused) : tagNode.GetValueKind() == JsonValueKind.String && tagNode.GetValue<string>().Length <= 20);
            if (body is null || body.Any(p => p.Key is not ("text" or "tag")) || !tagValid
                || (text is null && !Has(NotesMismatch.RequiredNotEnforced)) || text?.Length is 0 or > 200 || (body.ContainsKey("text") && text is null))
            {
                return Problem(400, "text (1-200 characters) and tag (a string or null) are required", Has);
            }

            if (text?.Length == 200 && Has(NotesMismatch.ServerErrorAtMaxLength))
            {
                return Results.StatusCode(500);
            }

            var id = Interlocked.Increment(ref nextId);
            notes[id] = (text ?? "", tagNode?.GetValue<string>());
            return Results.Json(new { id, text = text ?? "", tag = tagNode?.GetValue<string>() }, statusCode: 201);
        });

        // Ids are parsed here, not by a route constraint, so a malformed one gets the documented problem, not an empty 404.
        app.MapGet("/notes/{id}", (string id) =>
            !int.TryParse(id, out var key) || !notes.TryGetValue(key, out var note) ? Problem(Has(NotesMismatch.UndocumentedStatus) ? 410 : 404, "no such note", Has)
            : Has(NotesMismatch.WrongContentType) ? Results.Text($"{key}: {note.Text}", "text/plain")
            : Results.Json(new { id = key, text = note.Text, tag = note.Tag }));

        app.MapPut("/notes/{id}", async (HttpContext context, string id) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
            if (body?["text"] is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Length is 0 or > 200 || body.Count != 1)
            {
                return Problem(400, "text (1-200 characters) is required", Has);
            }

            return int.TryParse(id, out var key) && notes.TryGetValue(key, out var note) && notes.TryUpdate(key, (text.GetValue<string>(), note.Tag), note)
                ? Results.Json(new { id = key, text = text.GetValue<string>(), tag = note.Tag })
                : Problem(404, "no such note", Has);
        });

        if (Has(NotesMismatch.UnsupportedMethodNot405))
        {
            app.MapDelete("/notes/{id}", () => Results.NotFound());
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NotesApi(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static IResult Problem(int status, string detail, Func<NotesMismatch, bool> has) =>
        Results.Json(new { status, detail, code = has(NotesMismatch.ErrorSchemaMismatch) ? (object)status : $"notes_{status}" }, statusCode: status, contentType: "application/problem+json");

    public const string Document = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Notes", "version": "1" },
          "components": {
            "schemas": {
              "Note": { "type": "object", "additionalProperties": false, "required": ["id", "text", "tag"],
                "properties": { "id": { "type": "integer" }, "text": { "type": "string" }, "tag": { "type": ["string", "null"] } } },
              "Problem": { "type": "object", "required": ["status", "detail", "code"],
                "properties": { "status": { "type": "integer" }, "detail": { "type": "string" }, "code": { "type": "string" } } }
            },
            "responses": {
              "Problem400": { "description": "bad input", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
              "Problem404": { "description": "no such note", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
            }
          },
          "paths": {
            "/notes": {
              "get": {
                "parameters": [
                  { "name": "X-Tenant", "in": "header", "required": true, "schema": { "type": "string" }, "example": "acme" },
                  { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 0 } } ],
                "responses": { "200": { "description": "a page of notes", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Note" } } } } },
                  "400": { "$ref": "#/components/responses/Problem400" } } },
              "post": {
                "parameters": [ { "name": "Idempotency-Key", "in": "header", "schema": { "type": "string" } } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "object", "additionalProperties": false, "required": ["text", "tag"],
                  "properties": { "text": { "type": "string", "minLength": 1, "maxLength": 200 }, "tag": { "type": ["string", "null"], "maxLength": 20 } } } } } },
                "responses": { "201": { "description": "the note", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Note" } } } },
                  "400": { "$ref": "#/components/responses/Problem400" } } }
            },
            "/notes/{id}": {
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
              "get": { "responses": { "200": { "description": "the note", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Note" } } } },
                "404": { "$ref": "#/components/responses/Problem404" } } },
              "put": {
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "object", "additionalProperties": false, "required": ["text"], "properties": { "text": { "type": "string", "minLength": 1, "maxLength": 200 } } } } } },
                "responses": { "200": { "description": "the note", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Note" } } } },
                  "400": { "$ref": "#/components/responses/Problem400" }, "404": { "$ref": "#/components/responses/Problem404" } } }
            }
          }
        }
        """;
}
