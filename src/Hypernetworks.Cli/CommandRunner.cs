using Hypernetworks.MLNet;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Cli;

/// <summary>Runs a verb's body and turns what it throws into one line on standard error and a distinct <see cref="ExitCode"/>.</summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code, or the code of the failure it threw.</summary>
    /// <param name="body">The verb's work.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    public static async Task<int> RunAsync(Func<CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body(cancellationToken).ConfigureAwait(false);
            return (int)ExitCode.Success;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or AggregateException)
        {
            return Fail(ExitCode.Cancelled, "Cancelled; no output file was written.");
        }
        catch (CliException e)
        {
            return Fail(e.ExitCode, e.Message);
        }
        catch (HypernetworkModelFormatException e)
        {
            return Fail(ExitCode.InvalidModel, $"The model is not a readable hypernetwork model: {e.Message}");
        }
        catch (TrainingDivergedException e)
        {
            return Fail(ExitCode.TrainingFailed, $"Training failed: {e.Message} Try a smaller learning rate (--option LearningRate=0.0001).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCode.OutputFailed, e.Message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return Fail(ExitCode.InvalidInput, e.Message);
        }
#pragma warning disable CA1031 // The tool's last line of defence: any other failure is reported, not thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(ExitCode.InternalError, $"Unexpected {e.GetType().Name}: {e.Message}");
        }
    }

    private static int Fail(ExitCode code, string message)
    {
        Console.Error.WriteLine($"hypernet: error: {message}");
        return (int)code;
    }
}
