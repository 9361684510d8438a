namespace Pacer.Cli.Tests.TestApi;

/// <summary>How the test API behaves, switchable while it runs to prove flows fail when the server misbehaves.</summary>
public enum ServerMode
{
    /// <summary>Answers correctly.</summary>
    Healthy,

    /// <summary>Answers 200 with <c>code: 1</c> (a business error) on /api endpoints.</summary>
    WrongAnswers,

    /// <summary>Answers 500 on /api endpoints.</summary>
    ServerErrors,

    /// <summary>Answers correctly, but every /api request takes <see cref="TestApiServer.SlowDelay"/>.</summary>
    Slow,
}
