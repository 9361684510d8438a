namespace Pacer.Load.Runtime;

/// <summary>Receives progress while a load runs (live panel, plain lines, metrics endpoint). Called from one ticker thread.</summary>
public interface ILoadObserver
{
    void OnProgress(LoadProgress progress);

    /// <summary>Something the user should know mid-run: the fallback to HttpClient, setup done, a threshold aborting the run.</summary>
    void OnMessage(string message);
}
