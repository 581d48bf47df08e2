namespace Hypernetworks.Model.Training;

/// <summary>What <see cref="TrainingSession.ComputeGradients"/> measured.</summary>
/// <param name="Loss">The batch's mean loss.</param>
/// <param name="GradientNorm">The gradients' global L2 norm before clipping, or NaN when clipping is off (not computed).</param>
public readonly record struct GradientStep(float Loss, float GradientNorm);
