using System.Text;
using Hypernetworks.Model;
using Hypernetworks.Model.Persistence;

namespace Hypernetworks.Tests.Model;

public class HypernetworkStateTests
{
    [Theory]
    [InlineData(GeneratorKind.PerLayer, ConditioningEncoderKind.Dense)]
    [InlineData(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Embedding)]
    [InlineData(GeneratorKind.Chunked, ConditioningEncoderKind.Dense)]
    [InlineData(GeneratorKind.LowRank, ConditioningEncoderKind.Dense)]
    public void SaveLoad_RoundTripGivesBitwiseEqualOutputs(GeneratorKind kind, ConditioningEncoderKind encoder)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(kind, encoder);
        using var net = new Hypernetwork(spec, seed: 8);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 6, distinct: 3, seed: 1);
        if (kind == GeneratorKind.Chunked)
        {
            net.CalibrateInitialization(conditioning.Select(v => v * 3f).ToArray());
        }

        var expected = new float[6 * spec.OutputSize];
        net.Forward(conditioning, data, expected);
        using var stream = new MemoryStream();
        net.Save(stream);
        stream.Position = 0;
        using Hypernetwork loaded = Hypernetwork.Load(stream);
        var actual = new float[6 * spec.OutputSize];
        loaded.Forward(conditioning, data, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SaveLoad_KeepsTheInitialisationOptions()
    {
        HypernetworkSpec tiny = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        var spec = new HypernetworkSpec
        {
            ConditioningSize = tiny.ConditioningSize, InputSize = tiny.InputSize, TargetLayerSizes = tiny.TargetLayerSizes, HiddenSizes = tiny.HiddenSizes,
            NormalizeTrunkOutput = true, SharedWeightFraction = 0.4f,
        };
        using var net = new Hypernetwork(spec, seed: 3);
        using var stream = new MemoryStream();
        net.Save(stream);
        stream.Position = 0;
        using Hypernetwork loaded = Hypernetwork.Load(stream);
        Assert.True(loaded.Spec.NormalizeTrunkOutput);
        Assert.Equal(0.4f, loaded.Spec.SharedWeightFraction);
    }

    // Version 1 had no initialisation options after MaxGeneratedFloats: a version-1 state loads with their defaults.
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Load_ReadsAnOlderState(int version)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var net = new Hypernetwork(spec, seed: 5);
        using var stream = new MemoryStream();
        net.Save(stream);
        byte[] current = stream.ToArray();

        // The spec ends just before the tensor count and the first tensor's length-prefixed name; version 2 added the
        // options (a bool and a float), version 3 the few-shot sizes (ways, shots, φ's sizes with their count, ρ's width),
        // version 4 the metric shrinkage (a float).
        byte[] name = Encoding.UTF8.GetBytes("generator.trunk.0.weight");
        int specEnd = current.AsSpan().IndexOf(name) - 1 - sizeof(int);
        int added = sizeof(float) + (version < 3 ? (sizeof(int) * (4 + spec.SetHiddenSizes.Count)) + 5 : 0);
        byte[] older = [.. current[..(specEnd - added)], .. current[specEnd..]];
        BitConverter.GetBytes(version).CopyTo(older, 4);

        using Hypernetwork loaded = Hypernetwork.Load(new MemoryStream(older));
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 4, distinct: 2, seed: 2);
        var expected = new float[4 * spec.OutputSize];
        var actual = new float[4 * spec.OutputSize];
        net.Forward(conditioning, data, expected);
        loaded.Forward(conditioning, data, actual);
        Assert.Equal(expected, actual);
        Assert.False(loaded.Spec.NormalizeTrunkOutput);
        Assert.Equal(0f, loaded.Spec.SharedWeightFraction);
        Assert.Equal(0f, loaded.Spec.SetMetricShrinkage);
    }

    [Fact]
    public void Load_ThrowsForAWrongVersion()
    {
        byte[] bytes = Saved();
        BitConverter.GetBytes(99).CopyTo(bytes, 4);
        var e = Assert.Throws<HypernetworkFormatException>(() => Hypernetwork.Load(new MemoryStream(bytes)));
        Assert.Contains("version 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThrowsForTruncatedData()
    {
        byte[] bytes = Saved();
        var e = Assert.Throws<HypernetworkFormatException>(() => Hypernetwork.Load(new MemoryStream(bytes[..^10])));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThrowsForAShapeThatDisagreesWithTheSpec()
    {
        byte[] bytes = Saved();
        // The first tensor's name is followed by its rank and first dimension; change that dimension.
        byte[] name = Encoding.UTF8.GetBytes("generator.trunk.0.weight");
        int at = bytes.AsSpan().IndexOf(name) + name.Length + 4;
        BitConverter.GetBytes(BitConverter.ToInt32(bytes, at) + 1).CopyTo(bytes, at);
        var e = Assert.Throws<HypernetworkFormatException>(() => Hypernetwork.Load(new MemoryStream(bytes)));
        Assert.Contains("generator.trunk.0.weight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThrowsForDataThatIsNotState()
    {
        Assert.Throws<HypernetworkFormatException>(() => Hypernetwork.Load(new MemoryStream(Encoding.UTF8.GetBytes("not a hypernetwork at all"))));
    }

    [Fact]
    public void TargetNetwork_SaveLoadRoundTripGivesBitwiseEqualOutputs()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.LowRank);
        using var net = new Hypernetwork(spec, seed: 8);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 5, distinct: 1, seed: 1);
        TargetNetwork target = net.Materialize(conditioning.AsSpan(0, spec.ConditioningSize));
        using var stream = new MemoryStream();
        target.Save(stream);
        stream.Position = 0;
        TargetNetwork loaded = TargetNetwork.Load(stream);
        var expected = new float[5 * spec.OutputSize];
        var actual = new float[5 * spec.OutputSize];
        target.Forward(data, expected);
        loaded.Forward(data, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TargetNetwork_LoadThrowsForTruncatedData()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk), seed: 1);
        using var stream = new MemoryStream();
        net.Materialize(new float[3]).Save(stream);
        byte[] bytes = stream.ToArray();
        Assert.Throws<HypernetworkFormatException>(() => TargetNetwork.Load(new MemoryStream(bytes[..^4])));
    }

    private static byte[] Saved()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk), seed: 1);
        using var stream = new MemoryStream();
        net.Save(stream);
        return stream.ToArray();
    }
}
