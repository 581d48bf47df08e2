namespace Hypernetworks.Model.Training;

/// <summary>Reported after every epoch.</summary>
/// <param name="Epoch">The epoch just finished, from 1.</param>
/// <param name="Step">Optimizer steps taken so far.</param>
/// <param name="Loss">Mean training loss of the epoch.</param>
/// <param name="ValidationLoss">Validation loss after the epoch, or NaN without validation data.</param>
public readonly record struct TrainingProgress(int Epoch, int Step, float Loss, float ValidationLoss);
