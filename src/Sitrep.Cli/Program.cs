using Sitrep.Cli;

return SitrepCommand.Run(args, Console.Out, Console.Error, Console.OpenStandardInput);
