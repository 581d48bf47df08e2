using Spectre.Console;

namespace Hypernetworks.Cli.Output;

/// <summary>Progress bars on the console for long work (training, sweeps); plain lines when the output is not a terminal.</summary>
internal static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/> with one progress bar of <paramref name="total"/> steps.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="description">The bar's label.</param>
    /// <param name="total">The steps to completion.</param>
    /// <param name="work">The work; it reports the steps done so far through the callback it is given.</param>
    public static T Run<T>(string description, double total, Func<Action<double>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(description, maxValue: Math.Max(total, 1));
                T result = work(done => task.Value = Math.Min(done, task.MaxValue));
                task.Value = task.MaxValue;
                return result;
            });
    }
}
