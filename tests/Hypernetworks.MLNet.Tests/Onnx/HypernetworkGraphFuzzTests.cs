using System.Diagnostics;
using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.Onnx;

public sealed class HypernetworkGraphFuzzTests
{
    private const int Mutations = 5000;

    [Fact]
    public void Read_RejectsEveryMutatedGraph_WithFormatException_Fast()
    {
        byte[][] graphs =
        [
            .. new (string Kind, bool Keyed, HypernetworkTask Task, bool Standardized)[]
            {
                ("PerLayer", false, HypernetworkTask.Regression, true),
                ("Chunked", true, HypernetworkTask.MulticlassClassification, false),
                ("LowRankBase", false, HypernetworkTask.BinaryClassification, true),
                ("SharedTrunk", true, HypernetworkTask.Regression, false),
            }.Select((c, i) =>
            {
                using GraphCase graphCase = GraphCase.Create(c.Kind, c.Keyed, c.Task, c.Standardized, 100 + i);
                return HypernetworkGraphWriter.Write(graphCase.Network, graphCase.Description);
            }),
        ];
        var random = new Random(7);
        var total = Stopwatch.StartNew();
        TimeSpan slowest = TimeSpan.Zero;
        for (int i = 0; i < Mutations; i++)
        {
            byte[] original = graphs[i % graphs.Length];
            (byte[] mutated, string what) = GraphMutations.Mutate(original, random);
            if (mutated.AsSpan().SequenceEqual(original))
            {
                continue;
            }

            var one = Stopwatch.StartNew();
            Exception? thrown = Record.Exception(() => HypernetworkGraphReader.Read(mutated).Network.Dispose());
            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
            int at = Enumerable.Range(0, Math.Min(mutated.Length, original.Length)).FirstOrDefault(j => mutated[j] != original[j]);
            Assert.True(thrown is HypernetworkModelFormatException, $"Mutation {i} ({what}, first change at byte {at} of {original.Length}: '{System.Text.Encoding.Latin1.GetString(original, Math.Max(0, at - 40), Math.Min(80, original.Length - Math.Max(0, at - 40)))}') gave {(thrown is null ? "no exception" : thrown.GetType().Name + ": " + thrown.Message)}.");
        }

        Assert.True(slowest < TimeSpan.FromSeconds(1), $"The slowest rejection took {slowest.TotalMilliseconds} ms.");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(30), $"{Mutations} mutations took {total.Elapsed.TotalSeconds} s.");
    }
}
