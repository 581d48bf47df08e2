namespace Hypernetworks.MLNet;

/// <summary>What a trainer needs from its input and supports, as ML.NET's TrainerInfo describes it.</summary>
/// <param name="NeedNormalization">Whether features should be normalized first.</param>
/// <param name="WantCaching">Whether the trainer reads its data many times (then cache it with a checkpoint).</param>
/// <param name="SupportsValidation">Whether a validation set can be given.</param>
public sealed record TrainerInfo(bool NeedNormalization = true, bool WantCaching = true, bool SupportsValidation = true);
