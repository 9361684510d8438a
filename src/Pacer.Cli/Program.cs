using System.Text;
using Pacer.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return await PacerApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
