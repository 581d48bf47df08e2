using System.CommandLine;
using Hypernetworks.Cli.Commands;
using Spectre.Console;

// Plain text (no colour codes, no live redraws) when the output goes to a file or a pipe.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
}

var root = new RootCommand(
    """
    hypernet: train, sweep, score, export and inspect hypernetworks (ML.NET models) from CSV files.

    Exit codes: 0 success; 1 bad command line; 2 bad input (file, column, option value, data or trial store);
    3 bad model file; 4 training failed (diverged, or every sweep trial failed); 5 an output file could not be
    written; 70 unexpected error; 130 cancelled (Ctrl+C). No verb leaves a half-written output file.
    """);
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(PredictCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(InspectCommand.Create());
// Ctrl+C and SIGTERM cancel the verb, which stops between training steps and deletes any temporary file; the
// process waits for that (a stock trainer may finish its current fit first) rather than the default 2 s.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
