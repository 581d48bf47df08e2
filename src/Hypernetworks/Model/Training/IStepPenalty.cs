namespace Hypernetworks.Model.Training;

/// <summary>
/// A term the managed engine adds to every training step (a regulariser that is not a function of the batch), and
/// a hook after every update.
/// </summary>
internal interface IStepPenalty
{
    /// <summary>Adds the term's gradients to the parameters' (after the batch's backward, before clipping) and returns its value.</summary>
    float AddGradients();

    /// <summary>Runs after every optimizer update, for example to put back values the update must not move.</summary>
    void AfterUpdate();
}
