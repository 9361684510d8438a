namespace Pacer.Core.Flow;

/// <summary>
/// The stable diagnostic codes. Each is documented with an example in docs/diagnostics.md;
/// codes are never renumbered, so users and tests can rely on them.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A bug in the parser itself; never expected on any input.</summary>
    public const string InternalError = "PACER000";

    /// <summary>A fenced block is never closed.</summary>
    public const string UnclosedFence = "PACER001";

    /// <summary>The request line names a method Pacer does not know.</summary>
    public const string UnknownMethod = "PACER002";

    /// <summary>The request line has a method but no URL.</summary>
    public const string MissingUrl = "PACER003";

    /// <summary>A header line is not <c>Name: value</c>.</summary>
    public const string MalformedHeader = "PACER004";

    /// <summary>A <c>[Section]</c> line names no known section.</summary>
    public const string UnknownSection = "PACER005";

    /// <summary>An <c>@directive</c> Pacer does not know.</summary>
    public const string UnknownDirective = "PACER006";

    /// <summary>A known directive with a value that does not fit (e.g. <c>@retry many</c>).</summary>
    public const string InvalidDirectiveValue = "PACER007";

    /// <summary>A step type other than HTTP (<c>@type exec</c>).</summary>
    public const string UnsupportedStepType = "PACER008";

    /// <summary><c>$stdout</c> / <c>$line.N</c> captures belong to exec steps.</summary>
    public const string UnsupportedCapture = "PACER009";

    /// <summary>A capture line is not <c>name: path</c> or <c>name = path</c>.</summary>
    public const string MalformedCapture = "PACER010";

    /// <summary>A response path (<c>body.a[0].b</c>) that does not parse.</summary>
    public const string InvalidPath = "PACER011";

    /// <summary>An assertion that does not parse.</summary>
    public const string InvalidAssertion = "PACER012";

    /// <summary>The pattern of <c>matches</c> is not a valid regular expression.</summary>
    public const string InvalidRegex = "PACER013";

    /// <summary>A <c>{{</c> without its <c>}}</c> on the same line.</summary>
    public const string UnclosedPlaceholder = "PACER014";

    /// <summary>A <c>{{$name}}</c> that is not a known built-in.</summary>
    public const string UnknownBuiltIn = "PACER015";

    /// <summary>A placeholder whose inside does not parse (<c>{{}}</c>, <c>{{a b}}</c>, unknown filter).</summary>
    public const string InvalidPlaceholder = "PACER016";

    /// <summary>A body sent as JSON that is not valid JSON (a warning: the server decides).</summary>
    public const string InvalidJsonBody = "PACER017";

    /// <summary>A variable that is neither known before the run nor captured by an earlier step.</summary>
    public const string UndefinedVariable = "PACER018";

    /// <summary>A <c>[Queries]</c> line is not <c>name = value</c> or <c>name: value</c>.</summary>
    public const string MalformedQuery = "PACER019";

    /// <summary>An executable block without a <c>METHOD URL</c> line.</summary>
    public const string MissingRequestLine = "PACER020";

    /// <summary>A line in a <c>flow</c> block that is not a directive, or a malformed <c>@var</c>.</summary>
    public const string MalformedMetadata = "PACER021";

    /// <summary>An <c>@threshold</c> line that does not parse (<c>p95 lessthan 200</c>, <c>p95&lt;-1ms</c>).</summary>
    public const string InvalidThreshold = "PACER022";

    /// <summary>An <c>@load</c> setting that does not parse, or load settings that do not fit together.</summary>
    public const string InvalidLoadSetting = "PACER023";

    /// <summary>A threshold naming a step the run does not have (<c>step[Login]</c> where the step is "Log in").</summary>
    public const string UnknownThresholdStep = "PACER024";

    /// <summary>A bare path one typo away from <c>status</c>, <c>duration</c> or <c>header.</c> (a warning: it reads the body).</summary>
    public const string KeywordLookalike = "PACER025";

    /// <summary>A kest spelling outside the grammar read in its standard form (<c>!exists</c> as <c>not exists</c>; a warning).</summary>
    public const string NonStandardSpelling = "PACER026";

    /// <summary>An undefined variable inside a JSON string value, sent as written as kest does (a warning).</summary>
    public const string PlaceholderKeptAsWritten = "PACER027";

    /// <summary>A step with a relative URL when the run has no base URL (no <c>--base-url</c>, environment <c>base_url</c> or <c>base_url</c> variable).</summary>
    public const string MissingBaseUrl = "PACER028";
}
