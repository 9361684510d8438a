using System.Globalization;
using System.Text.Json.Nodes;

namespace Pacer.Core.Templating;

/// <summary>A built-in's value, or why it could not be produced (bad arguments, unset environment variable).</summary>
public sealed record BuiltInValue(JsonNode? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static BuiltInValue Of(JsonNode? value) => new(value, null);

    public static BuiltInValue Fail(string error) => new(null, error);
}

/// <summary>
/// The <c>{{$name}}</c> values: <c>$timestamp</c>, <c>$timestampMs</c>/<c>$unixMs</c>, <c>$uuid</c>,
/// <c>$randomInt</c>, <c>$randomInt(a,b)</c>, <c>$randomString(n)</c>, <c>$randomEmail</c>,
/// <c>$isoDate</c>, <c>$env.NAME</c>. Clock, randomness and environment are injected so tests are exact.
/// Every call of <see cref="Resolve"/> draws fresh values: two <c>{{$uuid}}</c> in one step differ.
/// </summary>
public sealed class BuiltInVariables(TimeProvider clock, Random random, Func<string, string?> environment)
{
    public const int DefaultRandomIntMax = 10000;
    public const int DefaultRandomStringLength = 8;
    public const int MaxRandomStringLength = 4096;

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static BuiltInVariables CreateDefault() =>
        new(TimeProvider.System, Random.Shared, System.Environment.GetEnvironmentVariable);

    public TimeProvider Clock { get; } = clock;

    public Random Random { get; } = random;

    public Func<string, string?> Environment { get; } = environment;

    /// <summary>The names accepted after <c>$</c> (matched case-insensitively).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["timestamp", "timestampMs", "unixMs", "uuid", "randomInt", "randomString", "randomEmail", "isoDate", "env"];

    /// <summary>
    /// Produces one value. Numbers (<c>$timestamp</c>, <c>$randomInt</c>) are JSON numbers so an unquoted
    /// placeholder in a JSON body stays a number; the others are strings. Never throws.
    /// </summary>
    public BuiltInValue Resolve(string name, IReadOnlyList<string> arguments)
    {
        var args = arguments.Select(a => a.Trim()).ToList();
        return name.ToUpperInvariant() switch
        {
            "TIMESTAMP" => NoArguments(name, args) ?? BuiltInValue.Of(Clock.GetUtcNow().ToUnixTimeSeconds()),
            "TIMESTAMPMS" or "UNIXMS" => NoArguments(name, args) ?? BuiltInValue.Of(Clock.GetUtcNow().ToUnixTimeMilliseconds()),
            "ISODATE" => NoArguments(name, args) ?? BuiltInValue.Of(
                Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            "UUID" => NoArguments(name, args) ?? BuiltInValue.Of(NewUuidV4()),
            "RANDOMINT" => RandomInt(args),
            "RANDOMSTRING" => RandomString(args),
            "RANDOMEMAIL" => NoArguments(name, args) ?? BuiltInValue.Of($"user_{RandomChars(LowerAlphanumeric, 10)}@example.com"),
            "ENV" => EnvironmentVariable(args),
            _ => BuiltInValue.Fail($"unknown built-in variable ${name}; known: {string.Join(", ", Names.Select(n => "$" + n))}"),
        };
    }

    private static BuiltInValue? NoArguments(string name, List<string> args) =>
        args.Count == 0 ? null : BuiltInValue.Fail($"${name} takes no arguments");

    private BuiltInValue RandomInt(List<string> args)
    {
        long min = 0, max = DefaultRandomIntMax;
        if (args.Count == 2)
        {
            if (!TryParseInteger(args[0], out min) || !TryParseInteger(args[1], out max))
            {
                return BuiltInValue.Fail($"$randomInt({string.Join(", ", args)}): both bounds must be integers");
            }

            if (min > max)
            {
                return BuiltInValue.Fail($"$randomInt({min}, {max}): the minimum is greater than the maximum");
            }
        }
        else if (args.Count != 0)
        {
            return BuiltInValue.Fail("$randomInt takes no arguments or two: $randomInt(min, max)");
        }

        // Both bounds inclusive; max + 1 cannot overflow because bounds are parsed as int.
        return BuiltInValue.Of(Random.NextInt64(min, max + 1));
    }

    private BuiltInValue RandomString(List<string> args)
    {
        var length = DefaultRandomStringLength;
        if (args.Count == 1)
        {
            if (!TryParseInteger(args[0], out var parsed) || parsed < 0 || parsed > MaxRandomStringLength)
            {
                return BuiltInValue.Fail($"$randomString({args[0]}): the length must be an integer from 0 to {MaxRandomStringLength}");
            }

            length = (int)parsed;
        }
        else if (args.Count != 0)
        {
            return BuiltInValue.Fail("$randomString takes no arguments or one: $randomString(length)");
        }

        return BuiltInValue.Of(RandomChars(Alphanumeric, length));
    }

    private BuiltInValue EnvironmentVariable(List<string> args)
    {
        if (args.Count != 1 || args[0].Length == 0)
        {
            return BuiltInValue.Fail("$env needs a variable name: $env.NAME");
        }

        var value = Environment(args[0]);
        return value is null
            ? BuiltInValue.Fail($"environment variable {args[0]} is not set")
            : BuiltInValue.Of(value);
    }

    private static bool TryParseInteger(string text, out long value)
    {
        var ok = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed);
        value = parsed;
        return ok;
    }

    private string RandomChars(string alphabet, int length) =>
        string.Create(length, (alphabet, Random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.Random.Next(state.alphabet.Length)];
            }
        });

    /// <summary>A version 4 UUID drawn from the injected <see cref="Random"/>, so a seeded run is repeatable.</summary>
    private string NewUuidV4()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
