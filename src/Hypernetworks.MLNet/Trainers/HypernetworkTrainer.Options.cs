using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Continual;
using Hypernetworks.Model.Training;
using Microsoft.ML;

namespace Hypernetworks.MLNet;

public sealed partial class HypernetworkTrainer
{
    /// <summary>
    /// The options of <see cref="HypernetworkTrainer"/>: the columns it reads, the shape of the generator and of the
    /// target network it generates, and how it trains.
    /// </summary>
    public sealed class Options
    {
        /// <summary>
        /// The conditioning column: a known-size vector of Single (read by the Dense encoder) or a key (a task id,
        /// read by the Embedding encoder).
        /// </summary>
        public string ConditioningColumnName { get; set; } = Defaults.ConditioningColumnName;

        /// <summary>The feature column: a known-size vector of Single (or one Single), the target network's input.</summary>
        public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

        /// <summary>The label column: Single for regression, Boolean for binary, a key for multiclass classification.</summary>
        public string LabelColumnName { get; set; } = Defaults.LabelColumnName;

        /// <summary>The generator's hidden layer widths.</summary>
        public IReadOnlyList<int> HiddenSizes { get; set; } = Defaults.HiddenSizes;

        /// <summary>
        /// The target network's hidden layer widths; its input width comes from the feature column and its output width
        /// from the task. Ignored when <see cref="TargetLayerSizes"/> is set.
        /// </summary>
        public IReadOnlyList<int> TargetHiddenSizes { get; set; } = Defaults.TargetHiddenSizes;

        /// <summary>
        /// The target network's layers as (in, out) pairs, instead of <see cref="TargetHiddenSizes"/>; the first in must
        /// equal the feature vector's size and the last out the task's output width (1, or the number of classes).
        /// </summary>
        public IReadOnlyList<(int In, int Out)>? TargetLayerSizes { get; set; }

        /// <summary>The activation between the target network's layers.</summary>
        public Activation Activation { get; set; } = Defaults.Activation;

        /// <summary>The activation after each generator hidden layer.</summary>
        public Activation GeneratorActivation { get; set; } = Defaults.Activation;

        /// <summary>How the generator emits the target parameters.</summary>
        public GeneratorKind Generator { get; set; } = Defaults.Generator;

        /// <summary>
        /// Generated parameters per chunk for <see cref="GeneratorKind.Chunked"/>; 0 picks the smaller of 1,024 and the
        /// target network's parameter count.
        /// </summary>
        public int ChunkSize { get; set; }

        /// <summary>The rank of the generated weights for <see cref="GeneratorKind.LowRank"/>.</summary>
        public int Rank { get; set; } = Defaults.Rank;

        /// <summary>Width of the learned embedding of a key conditioning column (the Embedding encoder).</summary>
        public int EmbeddingSize { get; set; } = Defaults.EmbeddingSize;

        /// <summary>
        /// Whether the training columns are copied into memory once, as floats, and reshuffled every epoch (the default).
        /// When false, every epoch streams the rows through a new cursor, so the data need not fit in memory; rows are
        /// then shuffled only if the view can shuffle, and validation needs a <see cref="ValidationSet"/>.
        /// </summary>
        public bool CacheTrainingData { get; set; } = true;

        /// <summary>
        /// Whether the features and a Single conditioning column are standardised inside the model (the default): the
        /// mean and standard deviation of every slot over the training rows are kept with the model, applied to every
        /// row it scores and written into its ONNX graph, so results do not depend on the user's normaliser (ML.NET's
        /// NormalizeMeanVariance scales without centring). A key conditioning is never standardised.
        /// </summary>
        public bool Standardize { get; set; } = true;

        /// <summary>Passes over the training data.</summary>
        public int Epochs { get; set; } = Defaults.Epochs;

        /// <summary>Rows per optimizer step.</summary>
        public int BatchSize { get; set; } = Defaults.BatchSize;

        /// <summary>Adam's learning rate.</summary>
        public float LearningRate { get; set; } = Defaults.LearningRate;

        /// <summary>L2 weight decay.</summary>
        public float WeightDecay { get; set; }

        /// <summary>Clip the gradients' global norm to this value; 0 turns clipping off.</summary>
        public float GradientClipNorm { get; set; }

        /// <summary>Validation data with the training data's columns; when null, <see cref="ValidationFraction"/> of the training rows are held out.</summary>
        public IDataView? ValidationSet { get; set; }

        /// <summary>Fraction of the training rows held out for validation when <see cref="ValidationSet"/> is null; 0 for none.</summary>
        public float ValidationFraction { get; set; }

        /// <summary>Stop after this many epochs without a better validation loss and keep the best epoch; 0 turns it off.</summary>
        public int EarlyStoppingPatience { get; set; }

        /// <summary>
        /// The engine that trains: null for the managed engine (the default), or another backend such as
        /// <c>Hypernetworks.TorchSharp.TorchSharpBackend</c> (libtorch on the CPU or a CUDA GPU). A backend without an
        /// explicit device takes ML.NET's <c>MLContext.GpuDeviceId</c> and <c>MLContext.FallbackToCpu</c>. The trained
        /// model is the same currency either way: it scores, saves and exports on the managed engine.
        /// </summary>
        public TrainingBackend? Backend { get; set; }

        /// <summary>Receives the losses after every epoch.</summary>
        public IProgress<TrainingProgress>? Progress { get; set; }

        /// <summary>Cancels training between steps.</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>
        /// β of continual learning, for <see cref="Fit(IDataView, HypernetworkTransformer)"/>: while new tasks are
        /// learned, β · the mean over the earlier tasks t' of ‖h(e_t') − h*(e_t')‖² is added to the loss (h* being the
        /// previous model's generator, e_t' the earlier task's embedding, held fixed). 0 lets the earlier tasks be
        /// forgotten; larger values hold them more firmly and leave less room for the new tasks.
        /// </summary>
        public float ContinualRegularization { get; set; } = Defaults.ContinualRegularization;

        /// <summary>
        /// Where continual learning's targets h*(e_t') come from: stored once per earlier task (the default; memory of
        /// one generated network per task), or recomputed every step from a frozen copy of the previous generator
        /// (memory of one generator, more time per step).
        /// </summary>
        public ContinualTargets ContinualTargets { get; set; } = ContinualTargets.Stored;

        /// <summary>The seed of initialisation, shuffling and the validation split; when null, drawn from the <see cref="MLContext"/>.</summary>
        public int? Seed { get; set; }

        /// <summary>
        /// The most threads training may use, 1 to 64; when null, <see cref="Engine.MaxThreads"/>. It only lowers: a
        /// limit the calling thread already has (<see cref="Engine.LimitThreads"/>, as AutoML sets for each of several
        /// parallel trials) still holds. The trained model does not depend on it.
        /// </summary>
        public int? NumberOfThreads { get; set; }
    }

    /// <summary>The default values of <see cref="Options"/>.</summary>
    public static class Defaults
    {
        /// <summary>The default conditioning column.</summary>
        public const string ConditioningColumnName = "Conditioning";

        /// <summary>The default feature column.</summary>
        public const string FeatureColumnName = "Features";

        /// <summary>The default label column.</summary>
        public const string LabelColumnName = "Label";

        /// <summary>The default target and generator activation.</summary>
        public const Activation Activation = Layers.Activation.Relu;

        /// <summary>The default generator kind.</summary>
        public const GeneratorKind Generator = GeneratorKind.SharedTrunk;

        /// <summary>The default low rank.</summary>
        public const int Rank = 4;

        /// <summary>The default embedding width of key conditioning.</summary>
        public const int EmbeddingSize = 16;

        /// <summary>The default number of epochs.</summary>
        public const int Epochs = 20;

        /// <summary>The default batch size.</summary>
        public const int BatchSize = 64;

        /// <summary>The default learning rate.</summary>
        public const float LearningRate = 1e-3f;

        /// <summary>
        /// The default continual regularization β, measured on Split Fashion-MNIST (5 two-class tasks in sequence; the
        /// benchmark suite "continual"): every task stays within a point of its accuracy right after it was learned.
        /// </summary>
        public const float ContinualRegularization = ContinualOptions.DefaultRegularization;

        /// <summary>The default generator hidden sizes.</summary>
        public static IReadOnlyList<int> HiddenSizes { get; } = [64, 64];

        /// <summary>The default target hidden sizes.</summary>
        public static IReadOnlyList<int> TargetHiddenSizes { get; } = [32];
    }
}
