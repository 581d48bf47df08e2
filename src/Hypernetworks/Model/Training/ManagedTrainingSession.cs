using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Training;

/// <summary>A session on the managed engine: the optimizer updates the network's parameters in place.</summary>
internal sealed class ManagedTrainingSession : TrainingSession
{
    private readonly Hypernetwork _network;
    private readonly Optimizer _optimizer;
    private readonly float _clipNorm;
    private readonly IStepPenalty? _penalty;
    private float[][]? _checkpoint;

    public ManagedTrainingSession(Hypernetwork network, TrainingOptions options, IStepPenalty? penalty)
    {
        _network = network;
        _penalty = penalty;
        _clipNorm = options.GradientClipNorm;
        _optimizer = options.Optimizer switch
        {
            OptimizerKind.AdamW => new AdamW(network.Parameters, options.LearningRate, weightDecay: options.WeightDecay),
            OptimizerKind.Sgd => new Sgd(network.Parameters, options.LearningRate, options.Momentum, options.WeightDecay),
            _ => new Adam(network.Parameters, options.LearningRate, weightDecay: options.WeightDecay),
        };
    }

    public override GradientStep ComputeGradients(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels)
    {
        _optimizer.ZeroGradients();
        float loss = _network.ComputeGradients(conditioning, data, labels);
        if (_penalty is not null)
        {
            loss += _penalty.AddGradients();
        }

        float norm = float.NaN;
        if (_clipNorm > 0 && float.IsFinite(loss))
        {
            norm = GradientClipping.ClipByGlobalNorm(_optimizer.Parameters, _clipNorm);
        }

        return new GradientStep(loss, norm);
    }

    public override void Update(float learningRate)
    {
        _optimizer.LearningRate = learningRate;
        _optimizer.Step();
        _penalty?.AfterUpdate();
    }

    public override float ComputeLoss(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels)
        => _network.ComputeLoss(conditioning, data, labels);

    public override void SaveCheckpoint()
    {
        IReadOnlyList<Parameter> parameters = _network.Parameters;
        _checkpoint ??= [.. parameters.Select(p => new float[p.Length])];
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i].Value.Span.CopyTo(_checkpoint[i]);
        }
    }

    public override void RestoreCheckpoint()
    {
        if (_checkpoint is null)
        {
            throw new InvalidOperationException("No checkpoint was saved.");
        }

        IReadOnlyList<Parameter> parameters = _network.Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            _checkpoint[i].CopyTo(parameters[i].Value.Span);
        }
    }

    public override void WriteParameters()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _optimizer.Dispose();
        }
    }
}
