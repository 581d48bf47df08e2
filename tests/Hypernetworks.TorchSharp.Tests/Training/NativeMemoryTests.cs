using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.TorchSharp.Tests.Testing;
using Xunit.Abstractions;

namespace Hypernetworks.TorchSharp.Tests.Training;

/// <summary>Runs alone: other tests' allocations would move the process's resident size.</summary>
[CollectionDefinition(nameof(NativeMemoryCollection), DisableParallelization = true)]
public sealed class NativeMemoryCollection;

/// <summary>Every step frees its native tensors: 5,000 steps leave the resident memory flat.</summary>
[Collection(nameof(NativeMemoryCollection))]
public class NativeMemoryTests(ITestOutputHelper output)
{
    private const int Steps = 5000;
    private const int SampleEvery = 1000;
    private const int ValidateEvery = 10;
    private const long AllowedGrowthBytes = 16L << 20;

    [SkippableFact]
    public void Steps_DoNotKeepGrowingTheResidentMemory()
    {
        Libtorch.Require();
        Skip.IfNot(File.Exists("/proc/self/statm"), "/proc/self/statm is not available");
        HypernetworkSpec spec = Specs.Tiny(GeneratorKind.Chunked, task: HypernetworkTask.MulticlassClassification);
        using var network = new Hypernetwork(spec, seed: 1);
        TrainingSet batch = Specs.Batch(spec, 32, Specs.Uneven, seed: 1);
        TrainingSet validation = Specs.Batch(spec, 8, r => r, seed: 2);
        using TrainingSession session = new TorchSharpBackend().Open(network, new TrainingOptions { GradientClipNorm = 1f });
        var samples = new List<long>();
        for (int step = 1; step <= Steps; step++)
        {
            session.ComputeGradients(batch.Conditioning, batch.Data, batch.Labels);
            session.Update(1e-3f);
            if (step % ValidateEvery == 0)
            {
                session.ComputeLoss(validation.Conditioning, validation.Data, validation.Labels);
            }

            if (step % SampleEvery == 0)
            {
                samples.Add(ResidentBytes());
            }
        }

        output.WriteLine("resident MiB every 1,000 steps: " + string.Join(", ", samples.Select(b => (b / 1048576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
        long growth = samples[^1] - samples[0];
        Assert.True(growth < AllowedGrowthBytes, $"resident memory grew {growth / 1048576.0:F1} MiB from step {SampleEvery} to {Steps}");
    }

    private static long ResidentBytes()
    {
        string[] fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }
}
