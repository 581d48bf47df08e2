using System.Diagnostics;
using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using Microsoft.ML;

namespace Hypernetworks.MLNet.Tests.Onnx;

public sealed class HypernetworkArchiveFuzzTests
{
    private const int Mutations = 5000;

    [Fact]
    public void Read_FindsOurGraph_InSavedArchive()
    {
        (byte[] archive, byte[] onnx) = SavedArchive(HypernetworkTask.MulticlassClassification);
        IReadOnlyList<ScannedGraph> graphs = HypernetworkArchiveScanner.Read(new MemoryStream(archive));
        ScannedGraph graph = Assert.Single(graphs);
        using Hypernetwork network = graph.Graph.Network;
        Assert.Equal(onnx, graph.Onnx);
        Assert.EndsWith("OnnxModel", graph.EntryName, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsEveryDamagedArchive_OrReturnsTheIntactGraph_Fast()
    {
        (byte[] archive, byte[] onnx) = SavedArchive(HypernetworkTask.BinaryClassification);
        var random = new Random(11);
        var total = Stopwatch.StartNew();
        TimeSpan slowest = TimeSpan.Zero;
        int rejected = 0;
        for (int i = 0; i < Mutations; i++)
        {
            byte[] mutated = (byte[])archive.Clone();
            string what;
            switch (random.Next(3))
            {
                case 0:
                    what = "truncation";
                    mutated = mutated[..random.Next(mutated.Length)];
                    break;
                case 1:
                    what = "bit flips";
                    for (int f = random.Next(1, 4); f > 0; f--)
                    {
                        mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                default:
                    what = "random bytes";
                    int start = random.Next(mutated.Length);
                    random.NextBytes(mutated.AsSpan(start, Math.Min(mutated.Length - start, random.Next(1, 32))));
                    break;
            }

            var one = Stopwatch.StartNew();
            IReadOnlyList<ScannedGraph>? graphs = null;
            Exception? thrown = Record.Exception(() => graphs = HypernetworkArchiveScanner.Read(new MemoryStream(mutated)));
            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
            if (thrown is null)
            {
                foreach (ScannedGraph g in graphs!)
                {
                    g.Graph.Network.Dispose();
                    int at = Enumerable.Range(0, Math.Min(g.Onnx.Length, onnx.Length)).FirstOrDefault(j => g.Onnx[j] != onnx[j]);
                    Assert.True(g.Onnx.AsSpan().SequenceEqual(onnx), $"Mutation {i} ({what}) returned a graph that differs from the saved one ({g.Onnx.Length} vs {onnx.Length} bytes, first at {at}: {Convert.ToHexString(onnx, Math.Max(0, at - 16), 40)} became {Convert.ToHexString(g.Onnx, Math.Max(0, at - 16), Math.Min(40, g.Onnx.Length - Math.Max(0, at - 16)))}).");
                }
            }
            else
            {
                rejected++;
                Assert.True(thrown is HypernetworkModelFormatException, $"Mutation {i} ({what}) gave {thrown.GetType().Name}: {thrown.Message}");
            }
        }

        Assert.True(rejected > Mutations / 2, $"Only {rejected} of {Mutations} damaged archives were rejected.");
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"The slowest archive took {slowest.TotalMilliseconds} ms.");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(30), $"{Mutations} archives took {total.Elapsed.TotalSeconds} s.");
    }

    private static (byte[] Archive, byte[] Onnx) SavedArchive(HypernetworkTask task)
    {
        using GraphCase c = GraphCase.Create("LowRankBase", true, task, false, 6);
        var mlContext = new MLContext(seed: 1);
        IDataView data = StockRows.Load(mlContext, c);
        byte[] onnx = HypernetworkGraphWriter.Write(c.Network, c.Description);
        using var archive = new MemoryStream();
        using (StockScoringChain chain = StockScoringChain.Build(mlContext, onnx, c.Description, data))
        {
            mlContext.Model.Save(chain.Transformer, data.Schema, archive);
        }

        return (archive.ToArray(), onnx);
    }
}
