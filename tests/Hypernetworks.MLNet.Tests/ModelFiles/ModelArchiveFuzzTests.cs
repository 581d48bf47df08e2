using System.Diagnostics;
using Hypernetworks.MLNet.Tests.Trainers;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.ModelFiles;

/// <summary>
/// Mutated model archives (bit flips, overwritten bytes, truncations) given to <c>LoadHypernetwork</c>: each either
/// loads (a mutation ML.NET's archive does not notice, such as one in a zip comment) or fails with
/// <see cref="HypernetworkModelFormatException"/>, never with another exception. A rejection comes within 1 s; a
/// mutated archive that loads (ONNX Runtime builds a session for it) within 5 s, which leaves room for a loaded machine.
/// </summary>
public sealed class ModelArchiveFuzzTests
{
    private const int Mutations = 1500;

    [Fact]
    public void LoadHypernetwork_MutatedArchives_LoadOrThrowOurException()
    {
        var context = new MLContext(1);
        IDataView data = HypernetworkSchemaTests.Data(HypernetworkTask.MulticlassClassification, 40);
        using HypernetworkTransformer model = context.Hypernetwork(TaskData.Options(epochs: 1)).Fit(data);
        using var stream = new MemoryStream();
        context.Model.Save(model, data.Schema, stream);
        byte[] archive = stream.ToArray();
        var random = new Random(11);
        int rejected = 0;

        for (int i = 0; i < Mutations; i++)
        {
            byte[] mutated = Mutate(archive, random);
            var clock = Stopwatch.StartNew();
            try
            {
                ITransformer loaded = context.Model.LoadHypernetwork(new MemoryStream(mutated), out _);
                (loaded as IDisposable)?.Dispose();
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Mutation {i} loaded in {clock.Elapsed.TotalMilliseconds:F0} ms.");
            }
            catch (HypernetworkModelFormatException)
            {
                rejected++;
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Mutation {i} was rejected after {clock.Elapsed.TotalMilliseconds:F0} ms.");
            }
        }

        Assert.True(rejected > Mutations / 2, $"Only {rejected} of {Mutations} mutated archives were rejected.");
    }

    private static byte[] Mutate(byte[] archive, Random random)
    {
        byte[] copy = (byte[])archive.Clone();
        switch (random.Next(3))
        {
            case 0:
                int bit = random.Next(copy.Length * 8);
                copy[bit / 8] ^= (byte)(1 << (bit % 8));
                return copy;
            case 1:
                int start = random.Next(copy.Length);
                for (int j = start; j < Math.Min(copy.Length, start + 1 + random.Next(16)); j++)
                {
                    copy[j] = (byte)random.Next(256);
                }

                return copy;
            default:
                return copy[..random.Next(copy.Length)];
        }
    }
}
