namespace Hypernetworks.Model.Training;

/// <summary>
/// One training run of a <see cref="Hypernetwork"/> on a <see cref="TrainingBackend"/>. A step is
/// <see cref="ComputeGradients"/> (forward, loss, backward and clipping) then, when the loop finds the loss and the
/// norm finite, <see cref="Update"/>. <see cref="WriteParameters"/> puts the session's parameters into the network;
/// the loop calls it when training ends, normally or by cancellation or divergence. May hold native memory: dispose it.
/// </summary>
public abstract class TrainingSession : IDisposable
{
    private bool _disposed;

    /// <summary>
    /// The batch's mean loss and, with clipping on, the gradients' global norm before clipping (else NaN), computed
    /// from the current parameters; the gradients are ready for <see cref="Update"/>. Rows are row-major:
    /// conditioning [rows, ConditioningSize], data [rows, InputSize], labels [rows, LabelSize].
    /// </summary>
    public abstract GradientStep ComputeGradients(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels);

    /// <summary>One optimizer update from the last <see cref="ComputeGradients"/>, at <paramref name="learningRate"/>.</summary>
    public abstract void Update(float learningRate);

    /// <summary>The batch's mean loss from the current parameters, without gradients.</summary>
    public abstract float ComputeLoss(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels);

    /// <summary>Keeps a copy of the current parameters (the best epoch so far, for early stopping).</summary>
    public abstract void SaveCheckpoint();

    /// <summary>Puts the parameters of the last <see cref="SaveCheckpoint"/> back.</summary>
    public abstract void RestoreCheckpoint();

    /// <summary>Writes the current parameters into the network the session trains (nothing to do for one that trains it in place).</summary>
    public abstract void WriteParameters();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the session's memory.</summary>
    protected abstract void Dispose(bool disposing);
}
