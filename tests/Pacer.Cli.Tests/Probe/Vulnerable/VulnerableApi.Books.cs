using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;

namespace Pacer.Cli.Tests.Probe.Vulnerable;

internal sealed partial class VulnerableApi
{
    private sealed partial class Endpoints
    {
        private static readonly string[] PriorityLabels = ["", "low", "normal", "high", "urgent"];

        public void MapBooks(IEndpointRouteBuilder app)
        {
            app.MapGet("/books", (Delegate)(async (HttpContext context) => UserOf(context) is not { } user ? Results.Unauthorized()
                : Results.Ok(await data.SqlAsync(db => Query(db, "SELECT title, priority FROM books WHERE owner = $owner", ("$owner", user.Name))
                    .Select(r => new { title = r[0], priority = r[1] }).ToList()))));
            app.MapPost("/books", (Delegate)AddBookAsync);
            app.MapGet("/books/{title}", GetBookAsync);
            app.MapDelete("/books/{title}", async (HttpContext context, string title) => UserOf(context) is not { } user ? Results.Unauthorized()
                : await data.SqlAsync(db => Execute(db, "DELETE FROM books WHERE title = $title AND owner = $owner", ("$title", title), ("$owner", user.Name))) > 0
                    ? Results.NoContent() : Results.NotFound());
            app.MapPost("/books/search", (Delegate)SearchBooksAsync);
            app.MapGet("/products", ListProductsAsync);
        }

        private async Task<IResult> AddBookAsync(HttpContext context)
        {
            if (UserOf(context) is not { } user)
            {
                return Results.Unauthorized();
            }

            var (body, refusal) = await ReadJsonAsync(context, crashOnInvalid: Has(VulnerableApiFlaw.MalformedInputCrash));
            if (refusal is not null)
            {
                return refusal;
            }

            if (body!.Any(p => p.Key is not ("title" or "secret" or "priority")) || Text(body!, "title") is not { Length: >= 1 and <= 100 } title
                || Text(body!, "secret") is not { } secret || body!["priority"] is { } given && (given.GetValueKind() != JsonValueKind.Number || !given.AsValue().TryGetValue<int>(out _)))
            {
                return Results.BadRequest(new { error = "title (1-100 characters) and secret are required; priority is a whole number" });
            }

            var priority = body["priority"]?.GetValue<int>() ?? 2;
            if (priority is < 1 or > 5)
            {
                return Results.BadRequest(new { error = "priority is 1 to 5" });
            }

            var label = Has(VulnerableApiFlaw.BoundaryCrash) ? PriorityLabels[priority] : PriorityLabels.ElementAtOrDefault(priority) ?? "top";
            var added = await data.SqlAsync(db =>
            {
                try
                {
                    return Execute(db, "INSERT INTO books VALUES ($title, $secret, $owner, $priority)", ("$title", title), ("$secret", secret), ("$owner", user.Name), ("$priority", priority));
                }
                catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
                {
                    return 0;
                }
            });
            return added == 0 ? Results.Conflict(new { error = "a book with that title exists" }) : Results.Created((string?)null, new { message = $"added ({label} priority)" });
        }

        private async Task<IResult> GetBookAsync(HttpContext context, string title)
        {
            if (UserOf(context) is not { } user)
            {
                return Results.Unauthorized();
            }

            var ownerClause = Has(VulnerableApiFlaw.ObjectLevelAuthorization) ? "" : " AND owner = $owner";
            var sql = Has(VulnerableApiFlaw.SqlInjectionBoolean)
                ? $"SELECT title, secret, priority FROM books WHERE title = '{title}'{ownerClause}"
                : $"SELECT title, secret, priority FROM books WHERE title = $title{ownerClause}";
            var rows = await data.SqlAsync(db =>
            {
                try
                {
                    return Query(db, sql, ("$title", title), ("$owner", user.Name));
                }
                catch (SqliteException)
                {
                    return [];
                }
            });
            if (rows.Count == 0)
            {
                return Results.NotFound(new { error = "no such book" });
            }

            var book = new JsonObject { ["title"] = rows[0][0], ["secret"] = rows[0][1], ["priority"] = long.Parse(rows[0][2]!, System.Globalization.CultureInfo.InvariantCulture) };
            if (Has(VulnerableApiFlaw.UndocumentedProperty))
            {
                book["internalNotes"] = "shelf 4, reviewed";
            }

            return Results.Ok(book);
        }

        private async Task<IResult> SearchBooksAsync(HttpContext context)
        {
            if (UserOf(context) is not { } user)
            {
                return Results.Unauthorized();
            }

            var (body, refusal) = await ReadJsonAsync(context);
            if (refusal is not null)
            {
                return refusal;
            }

            var filter = body!["title"];
            var titles = await data.SqlAsync(db => Query(db, "SELECT title FROM books WHERE owner = $owner", ("$owner", user.Name)).Select(r => r[0]!).ToList());
            if (filter is JsonObject operators && Has(VulnerableApiFlaw.NoSqlInjection))
            {
                return Results.Ok(titles.Where(t => operators.All(o => Matches(o.Key, t, o.Value?.ToString()))).Select(t => new { title = t }));
            }

            return filter is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? Results.Ok(titles.Where(t => t == value.GetValue<string>()).Select(t => new { title = t }))
                : Results.BadRequest(new { error = "title must be a string" });
        }

        private async Task<IResult> ListProductsAsync(HttpContext context, string? q, int? limit)
        {
            var size = limit ?? 20;
            if (size < 1 || (size > 100 && !Has(VulnerableApiFlaw.UnboundedPageSize)) || q?.Length > 100)
            {
                return Results.BadRequest(new { error = "limit is 1 to 100, q at most 100 characters" });
            }

            if (q is { Length: > 0 })
            {
                var logged = await data.SqlAsync(db =>
                {
                    try
                    {
                        return Has(VulnerableApiFlaw.SqlInjectionError)
                            ? (Execute(db, $"INSERT INTO searches (term) VALUES ('{q}')"), null)
                            : (Execute(db, "INSERT INTO searches (term) VALUES ($q)", ("$q", q)), (string?)null);
                    }
                    catch (SqliteException exception)
                    {
                        return (0, exception.Message);
                    }
                });
                if (logged.Item2 is { } error)
                {
                    return Results.Json(new { error }, statusCode: StatusCodes.Status500InternalServerError);
                }
            }

            if (context.Request.Headers["X-Region"].ToString() is { Length: > 0 } region)
            {
                await data.SqlAsync(db =>
                {
                    try
                    {
                        return Has(VulnerableApiFlaw.SqlInjectionTime)
                            ? Query(db, $"SELECT code FROM regions WHERE code = '{region}'")
                            : Query(db, "SELECT code FROM regions WHERE code = $code", ("$code", region));
                    }
                    catch (SqliteException)
                    {
                        return [];
                    }
                });
            }

            var matching = data.Products.Where(p => q is null || p.Name.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
            var items = matching.Take(size).Select(p => new JsonObject
            {
                ["id"] = p.Id,
                ["name"] = p.Name,
                ["seller"] = Has(VulnerableApiFlaw.OtherUsersData)
                    ? new JsonObject { ["username"] = p.Seller, ["email"] = data.Users[p.Seller].Email }
                    : new JsonObject { ["username"] = p.Seller },
            });
            return Results.Ok(new JsonObject { ["items"] = new JsonArray([.. items]), ["total"] = matching.Count });
        }

        private static bool Matches(string op, string title, string? operand) => op switch
        {
            "$ne" => title != operand,
            "$eq" => title == operand,
            "$gt" => string.CompareOrdinal(title, operand) > 0,
            "$regex" => operand is not null && System.Text.RegularExpressions.Regex.IsMatch(title, operand, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)),
            _ => false,
        };

        private static List<string?[]> Query(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
        {
            using var command = Command(db, sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<string?[]>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            }

            return rows;
        }

        private static int Execute(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
        {
            using var command = Command(db, sql, parameters);
            return command.ExecuteNonQuery();
        }

        private static SqliteCommand Command(SqliteConnection db, string sql, (string Name, object Value)[] parameters)
        {
            var command = db.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters.Where(p => sql.Contains(p.Name, StringComparison.Ordinal)))
            {
                command.Parameters.AddWithValue(name, value);
            }

            return command;
        }

        private static string Html(string text) => HtmlEncoder.Default.Encode(text);
    }
}
