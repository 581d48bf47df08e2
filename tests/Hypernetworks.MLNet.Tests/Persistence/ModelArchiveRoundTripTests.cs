using Hypernetworks.Initialization;

namespace Hypernetworks.MLNet.Tests.Persistence;

public sealed class ModelArchiveRoundTripTests
{
    private static readonly SavedColumn[] Schema =
    [
        new("Features", "Vector<Single,16>"),
        new("Task", "Key<UInt32,5>"),
        new("Label", "Single"),
    ];

    [Fact]
    public void Load_ReturnsTensorsBitwiseEqual()
    {
        float[] weights = RandomFloats(3 * 4, seed: 1);
        weights[0] = float.NaN;
        weights[1] = -0.0f;
        weights[2] = float.PositiveInfinity;
        weights[3] = float.Epsilon;
        LoadedModelArchive loaded = RoundTrip(new ModelComponent("Linear", c => c.AddTensor("w", weights, 3, 4)));

        float[] back = loaded.Components[0].GetTensor("w", 3, 4);

        Assert.Equal(weights.Select(BitConverter.SingleToInt32Bits), back.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Load_ReturnsScalarAndEmptyTensors()
    {
        LoadedModelArchive loaded = RoundTrip(new ModelComponent("T", c =>
        {
            c.AddTensor("scalar", [2.5f]);
            c.AddTensor("empty", [], 0, 7);
        }));

        Assert.Equal([2.5f], loaded.Components[0].GetTensor("scalar"));
        Assert.Empty(loaded.Components[0].GetTensor("empty", 0, 7));
    }

    [Fact]
    public void Load_ReturnsStringsDoublesAndInt64s()
    {
        string[] strings = ["a", "", "naïve ☃", "𝄞 clef", "comma,\"quote\"\n"];
        double[] doubles = [Math.PI, double.MinValue, double.NaN];
        long[] longs = [long.MinValue, -1, 0, long.MaxValue];
        LoadedModelArchive loaded = RoundTrip(new ModelComponent("T", c =>
        {
            c.AddStrings("keys", strings);
            c.AddDoubles("d", doubles);
            c.AddInt64s("l", longs);
        }));

        ModelLoadContext context = loaded.Components[0];
        Assert.Equal(strings, context.GetStrings("keys"));
        Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), context.GetDoubles("d").Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(longs, context.GetInt64s("l"));
    }

    [Fact]
    public void Load_ReturnsOptions()
    {
        var options = new SampleOptions { Width = 7, Name = "trunk", Scale = float.NaN, Sizes = [64, 32] };
        LoadedModelArchive loaded = RoundTrip(new ModelComponent("T", c => c.SetOptions(options)));

        SampleOptions back = loaded.Components[0].GetOptions<SampleOptions>();

        Assert.Equal(7, back.Width);
        Assert.Equal("trunk", back.Name);
        Assert.True(float.IsNaN(back.Scale));
        Assert.Equal([64, 32], back.Sizes);
    }

    [Fact]
    public void Load_ReturnsSchemaComponentOrderAndVersions()
    {
        LoadedModelArchive loaded = RoundTrip(
            new ModelComponent("First", _ => { }),
            new ModelComponent("Second", c => c.AddTensor("x", [1f], 1)),
            new ModelComponent("First", _ => { }));

        Assert.Equal(Schema, loaded.InputSchema);
        Assert.Equal(["First", "Second", "First"], loaded.Components.Select(c => c.TypeName));
        Assert.Equal([0, 1, 2], loaded.Components.Select(c => c.ComponentIndex));
        Assert.Equal(ModelArchive.CurrentFormatVersion, loaded.FormatVersion);
        Assert.Equal(ModelArchive.LibraryVersion, loaded.LibraryVersion);
    }

    [Fact]
    public void Save_IsDeterministic()
    {
        float[] weights = RandomFloats(10, seed: 2);
        var component = new ModelComponent("T", c =>
        {
            c.SetOptions(new SampleOptions { Width = 1 });
            c.AddTensor("w", weights, 10);
        });

        Assert.Equal(SaveToBytes(component), SaveToBytes(component));
    }

    [Fact]
    public void SaveToPath_ThenLoadFromPath_RoundTrips()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "model.zip");
        ModelArchive.Save(path, Schema, [new ModelComponent("T", c => c.AddTensor("w", [1f, 2f], 2))]);

        LoadedModelArchive loaded = ModelArchive.Load(path);

        Assert.Equal([1f, 2f], loaded.Components[0].GetTensor("w", 2));
    }

    [Fact]
    public void LoadFromNonSeekableStream_RoundTrips()
    {
        byte[] bytes = SaveToBytes(new ModelComponent("T", c => c.AddTensor("w", [3f], 1)));
        using var stream = new NonSeekableStream(bytes);

        LoadedModelArchive loaded = ModelArchive.Load(stream);

        Assert.Equal([3f], loaded.Components[0].GetTensor("w", 1));
    }

    internal static byte[] SaveToBytes(params ModelComponent[] components)
    {
        using var stream = new MemoryStream();
        ModelArchive.Save(stream, Schema, components);
        return stream.ToArray();
    }

    internal static float[] RandomFloats(int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.NextGaussian())];
    }

    private static LoadedModelArchive RoundTrip(params ModelComponent[] components)
    {
        using var stream = new MemoryStream(SaveToBytes(components));
        return ModelArchive.Load(stream);
    }
}
