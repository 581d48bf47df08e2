using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.FewShot;

namespace Hypernetworks.MLNet;

public sealed partial class FewShotHypernetworkTrainer
{
    /// <summary>The default values of <see cref="Options"/>.</summary>
    public static class Defaults
    {
        /// <summary>The feature column.</summary>
        public const string FeatureColumnName = "Features";

        /// <summary>The label column.</summary>
        public const string LabelColumnName = "Label";

        /// <summary>Classes per episode.</summary>
        public const int Ways = 5;

        /// <summary>Support examples per class.</summary>
        public const int Shots = 1;

        /// <summary>Query examples per class.</summary>
        public const int Queries = 15;

        /// <summary>Meta-training steps (one batch of episodes each).</summary>
        public const int Steps = 2000;

        /// <summary>Episodes per step.</summary>
        public const int EpisodesPerStep = 4;

        /// <summary>Adam's learning rate.</summary>
        public const float LearningRate = 1e-4f;

        /// <summary>
        /// Adam's learning rate for the DeepSets prototype path. It starts as a metric classifier that meta-training
        /// on a few classes can only fit to them: on Fashion-MNIST's novel classes 1e-4 lost 4.4 points against the
        /// start, 1e-5 loses about half a point.
        /// </summary>
        public const float PrototypePathLearningRate = 1e-5f;

        /// <summary>
        /// The DeepSets prototype path's metric shrinkage (<see cref="Hypernetworks.Model.HypernetworkSpec.SetMetricShrinkage"/>):
        /// 20 measured best on Fashion-MNIST's novel classes, with 10 to 50 within a point.
        /// </summary>
        public const float MetricShrinkage = 20f;

        /// <summary>The target network's hidden widths (none: the generated classifier is linear in the features).</summary>
        public static readonly IReadOnlyList<int> TargetHiddenSizes = [];

        /// <summary>The generator's hidden widths for the DeepSets encoder, whose z is small (none: linear heads read z).</summary>
        public static readonly IReadOnlyList<int> DeepSetsHiddenSizes = [];

        /// <summary>
        /// The generator's hidden widths for the Prototypes and SupportMean encoders, whose z holds whole examples: a
        /// trunk keeps the heads from reading thousands of values each.
        /// </summary>
        public static readonly IReadOnlyList<int> ExampleHiddenSizes = [128, 128];
    }

    /// <summary>Options of the few-shot hypernetwork trainer.</summary>
    public sealed class Options
    {
        /// <summary>The feature column: a known-size vector of Single.</summary>
        public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

        /// <summary>The label column: a key (use MapValueToKey); every class needs at least Shots + Queries rows.</summary>
        public string LabelColumnName { get; set; } = Defaults.LabelColumnName;

        /// <summary>The support-set encoder.</summary>
        public FewShotEncoder Encoder { get; set; } = FewShotEncoder.DeepSets;

        /// <summary>Classes per episode (N), and so per adapted classifier.</summary>
        public int Ways { get; set; } = Defaults.Ways;

        /// <summary>Support examples per class in meta-training (K); Adapt needs at least this many per class.</summary>
        public int Shots { get; set; } = Defaults.Shots;

        /// <summary>Query examples per class per episode.</summary>
        public int Queries { get; set; } = Defaults.Queries;

        /// <summary>Meta-training steps.</summary>
        public int Steps { get; set; } = Defaults.Steps;

        /// <summary>Episodes per step.</summary>
        public int EpisodesPerStep { get; set; } = Defaults.EpisodesPerStep;

        /// <summary>
        /// Adam's learning rate; null (the default) picks it by encoder: <see cref="Defaults.PrototypePathLearningRate"/>
        /// for the DeepSets prototype path, else <see cref="Defaults.LearningRate"/>.
        /// </summary>
        public float? LearningRate { get; set; }

        /// <summary>
        /// The share of the generated weights' initial variance that is the same for every support set (the heads'
        /// biases); 0 starts every classifier entirely from its support set.
        /// </summary>
        public float SharedWeightFraction { get; set; }

        /// <summary>New classes made from the data's classes in meta-training (square images: set <see cref="ImageWidth"/>).</summary>
        public ImageAugmentations Augmentations { get; set; } = ImageAugmentations.None;

        /// <summary>The side of the square images that <see cref="Augmentations"/> transform.</summary>
        public int ImageWidth { get; set; }

        /// <summary>The target network's hidden widths; its input and output sizes come from the data and <see cref="Ways"/>.</summary>
        public IReadOnlyList<int> TargetHiddenSizes { get; set; } = Defaults.TargetHiddenSizes;

        /// <summary>
        /// The generator's hidden widths; null (the default) picks them by encoder:
        /// <see cref="Defaults.DeepSetsHiddenSizes"/> or <see cref="Defaults.ExampleHiddenSizes"/>.
        /// </summary>
        public IReadOnlyList<int>? HiddenSizes { get; set; }

        /// <summary>The DeepSets encoder's φ widths (the last is the pooled width).</summary>
        public IReadOnlyList<int> SetHiddenSizes { get; set; } = new HypernetworkSpec().SetHiddenSizes;

        /// <summary>The DeepSets encoder's output width per class.</summary>
        public int SetEmbeddingSize { get; set; } = new HypernetworkSpec().SetEmbeddingSize;

        /// <summary>
        /// The DeepSets encoder's prototype path, used with a linear target (no <see cref="TargetHiddenSizes"/>): Fit
        /// first fits a metric to the training classes in closed form (the directions in which rows of one class vary
        /// most count least, shrunk towards the plain features by this much; see
        /// <see cref="HypernetworkSpec.SetMetricShrinkage"/>), and each generated classifier row starts as its class's
        /// prototype in that metric, which meta-training corrects. 0 turns it off: the classifier is generated from
        /// the encoder's output alone, through the generator's <see cref="HiddenSizes"/>.
        /// </summary>
        public float MetricShrinkage { get; set; } = Defaults.MetricShrinkage;

        /// <summary>Activation between target layers.</summary>
        public Activation TargetActivation { get; set; } = Activation.Relu;

        /// <summary>The seed of initialisation and episodes; null draws one from the MLContext's random source.</summary>
        public int? Seed { get; set; }

        /// <summary>Stops meta-training between steps.</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Receives the running loss.</summary>
        public IProgress<Hypernetworks.Model.Training.TrainingProgress>? Progress { get; set; }
    }
}
