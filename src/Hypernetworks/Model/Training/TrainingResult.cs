namespace Hypernetworks.Model.Training;

/// <summary>What a training run did.</summary>
/// <param name="Epochs">Epochs run.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="FinalLoss">Mean training loss of the last epoch.</param>
/// <param name="BestEpoch">The epoch whose parameters the model holds (the best validation epoch with early stopping, else the last).</param>
/// <param name="BestValidationLoss">Validation loss of <paramref name="BestEpoch"/>, or NaN without validation data.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run.</param>
public sealed record TrainingResult(int Epochs, int Steps, float FinalLoss, int BestEpoch, float BestValidationLoss, bool StoppedEarly);
