using System.Globalization;
using Hypernetworks.Model.Training;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>Writes each epoch's losses to the ML.NET channel (and so to <c>mlContext.Log</c>), then to the user's progress.</summary>
internal sealed class ChannelProgress(IChannel channel, IProgress<TrainingProgress>? user) : IProgress<TrainingProgress>
{
    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        string validation = float.IsNaN(value.ValidationLoss) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", validation loss {value.ValidationLoss:G5}");
        channel.Info(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture, $"Epoch {value.Epoch}: training loss {value.Loss:G5}{validation} after {value.Step} steps."));
        user?.Report(value);
    }
}
