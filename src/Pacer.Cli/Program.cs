using System.Text;
using Pacer.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
using var signals = new OperatorSignals(Console.Error);
return await PacerApp.RunAsync(args, Console.Out, Console.Error, signals.Control).ConfigureAwait(false);
