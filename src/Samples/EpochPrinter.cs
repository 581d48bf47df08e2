using Hypernetworks.Model.Training;

namespace Hypernetworks.Samples;

/// <summary>Prints the training loss every few epochs, on the training thread (so lines come in order).</summary>
/// <param name="every">Print every this many epochs.</param>
public sealed class EpochPrinter(int every) : IProgress<TrainingProgress>
{
    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        if (value.Epoch % every == 0)
        {
            Console.WriteLine($"       epoch {value.Epoch,3}: training loss {value.Loss:F4}, validation loss {value.ValidationLoss:F4}");
        }
    }
}
