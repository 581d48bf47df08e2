using System.Globalization;
using Hypernetworks.Model.Training;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>
/// Progress bars for long work: each bar is one training run whose epochs move the bar and whose last loss shows in
/// its description. Steps that report no progress (a stock trainer) show as a bar that fills when they finish.
/// </summary>
public sealed class TrainingBar : IProgress<TrainingProgress>
{
    private readonly ProgressTask task;
    private readonly string label;

    private TrainingBar(ProgressTask task, string label)
    {
        this.task = task;
        this.label = label;
    }

    /// <summary>The last epoch reported.</summary>
    public int Epoch { get; private set; }

    /// <summary>
    /// Runs <paramref name="work"/> inside one progress display; it adds its bars through the
    /// <see cref="ProgressContext"/> it is given (with <see cref="Add"/> or <see cref="Step{T}"/>).
    /// </summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="work">The work.</param>
    /// <returns>What the work returned.</returns>
    public static T Show<T>(Func<ProgressContext, T> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 24 }, new PercentageColumn(), new ElapsedTimeColumn())
            .Start(work);

    /// <summary>Adds a bar for a training run of at most <paramref name="epochs"/> epochs.</summary>
    /// <param name="context">The progress display.</param>
    /// <param name="label">What trains (plain text).</param>
    /// <param name="epochs">The most epochs it runs.</param>
    /// <returns>The progress receiver to give the trainer.</returns>
    public static TrainingBar Add(ProgressContext context, string label, int epochs)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TrainingBar(context.AddTask(Markup.Escape(label), maxValue: epochs), label);
    }

    /// <summary>Runs one step that reports no progress as a bar that fills when it ends.</summary>
    /// <typeparam name="T">What the step returns.</typeparam>
    /// <param name="context">The progress display.</param>
    /// <param name="label">What runs (plain text).</param>
    /// <param name="step">The step.</param>
    /// <returns>What the step returned.</returns>
    public static T Step<T>(ProgressContext context, string label, Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(step);
        ProgressTask task = context.AddTask(Markup.Escape(label), maxValue: 1);
        task.IsIndeterminate = true;
        T result = step();
        task.IsIndeterminate = false;
        task.Value = 1;
        task.StopTask();
        return result;
    }

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        Epoch = value.Epoch;
        string loss = float.IsNaN(value.ValidationLoss) ? $"loss {Format(value.Loss)}" : $"val. loss {Format(value.ValidationLoss)}";
        task.Description = Markup.Escape($"{label} · epoch {value.Epoch} · {loss}");
        task.Value = value.Epoch;
    }

    /// <summary>Marks the run finished (early stopping may end it before the last epoch).</summary>
    public void Finish()
    {
        if (task.Value < task.MaxValue)
        {
            task.Description = Markup.Escape($"{label} · stopped early at epoch {Epoch}");
            task.Value = task.MaxValue;
        }

        task.StopTask();
    }

    private static string Format(float value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
