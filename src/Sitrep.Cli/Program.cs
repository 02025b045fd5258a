using System.Text;
using Sitrep.Cli;

// JSON lines are UTF-8 already; when the console writes UTF-8 too they go to stdout's bytes without transcoding.
Func<Stream>? openStdout = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? Console.OpenStandardOutput : null;
return SitrepCommand.Run(args, Console.Out, Console.Error, Console.OpenStandardInput, openStdout);
