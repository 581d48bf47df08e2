using Hypernetworks.Model;
using Hypernetworks.Model.FewShot;
using Hypernetworks.Tests.Testing;
using static Hypernetworks.Tests.FewShot.SetEncoderFixtures;

namespace Hypernetworks.Tests.FewShot;

public class FewShotAllocationTests
{
    [Theory]
    [InlineData(ConditioningEncoderKind.Prototypes)]
    [InlineData(ConditioningEncoderKind.SupportMean)]
    [InlineData(ConditioningEncoderKind.DeepSets)]
    public void EpisodicTrainingStep_AllocatesNothingWhenWarm(ConditioningEncoderKind kind)
    {
        HypernetworkSpec spec = Spec(kind);
        using var net = new Hypernetwork(spec, seed: 2);
        int classes = 6;
        int perClass = 5;
        var examples = new float[classes * perClass * ExampleSize];
        var random = new Hypernetworks.Initialization.SeededRandom(3);
        for (int i = 0; i < examples.Length; i++)
        {
            examples[i] = random.NextGaussian();
        }

        int[] classOfRow = [.. Enumerable.Range(0, classes * perClass).Select(r => r % classes)];
        var options = new EpisodeOptions { Ways = Ways, Shots = Shots, Queries = 2, EpisodesPerBatch = 2, BatchesPerEpoch = int.MaxValue, Seed = 1 };
        var sampler = new EpisodeSampler(examples, ExampleSize, classOfRow, [.. Enumerable.Range(0, classes)], options);
        int rows = options.BatchRows;
        var conditioning = new float[rows * spec.ConditioningSize];
        var data = new float[rows * ExampleSize];
        var labels = new float[rows];
        sampler.BeginEpoch(0);

        long sampling = Allocations.OfWarm(() => sampler.NextBatch(rows, conditioning, data, labels));
        long step = Allocations.OfWarm(() =>
        {
            for (int i = 0; i < net.Parameters.Count; i++)
            {
                net.Parameters[i].ZeroGradient();
            }

            net.ComputeGradients(conditioning, data, labels);
        });

        Assert.Equal((0L, 0L), (sampling, step));
    }
}
