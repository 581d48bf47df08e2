using System.Diagnostics;
using Hypernetworks.MLNet.Tests.Data;

namespace Hypernetworks.MLNet.Tests.Prediction;

public class ModelLoadHostileTests
{
    private readonly MLContext _context = new(1);

    private static readonly SavedColumn[] Schema = [new("X", "Single"), new("V", "Vector<Single,3>"), new("T", "String")];

    public static TheoryData<string, string> HostileComponents() => new()
    {
        { "ColumnCopyingTransformer", """{"outputColumnNames":["A","B"],"inputColumnNames":["X"]}""" },
        { "ColumnCopyingTransformer", """{"outputColumnNames":[""],"inputColumnNames":["X"]}""" },
        { "ColumnCopyingTransformer", """{"outputColumnNames":null,"inputColumnNames":["X"]}""" },
        { "ColumnCopyingTransformer", """{"outputColumnNames":["A"]}""" },
        { "ColumnCopyingTransformer", """{"outputColumnNames":["A"],"inputColumnNames":["Nope"]}""" },
        { "ColumnCopyingTransformer", """[1,2,3]""" },
        { "ColumnSelectingTransformer", """{"keepColumns":[],"dropColumns":[]}""" },
        { "ColumnSelectingTransformer", """{"keepColumns":["X"],"dropColumns":["V"]}""" },
        { "ColumnConcatenatingTransformer", """{"outputColumnName":"C","inputColumnNames":[]}""" },
        { "ColumnConcatenatingTransformer", """{"outputColumnName":"C","inputColumnNames":["X","T"]}""" },
        { "NormalizingTransformer", """{"outputColumnNames":["V"],"inputColumnNames":["V"]}""" },
        { "NormalizingTransformer", """{"outputColumnNames":["T"],"inputColumnNames":["T"]}""" },
        { "ValueToKeyMappingTransformer", """{"columns":{"outputColumnNames":["K"],"inputColumnNames":["T"]},"itemTypes":["Bogus"]}""" },
        { "ValueToKeyMappingTransformer", """{"columns":{"outputColumnNames":["K"],"inputColumnNames":["T"]},"itemTypes":[]}""" },
        { "ValueToKeyMappingTransformer", """{"columns":{"outputColumnNames":["K"],"inputColumnNames":["X"]},"itemTypes":["Single"]}""" },
        { "KeyToValueMappingTransformer", """{"outputColumnNames":["B"],"inputColumnNames":["X"]}""" },
        { "KeyToVectorMappingTransformer", """{"columns":{"outputColumnNames":["B"],"inputColumnNames":["T"]},"outputCountVector":true}""" },
        { "KeyToVectorMappingTransformer", """{"columns":{"outputColumnNames":["B"],"inputColumnNames":["T"]},"outputCountVector":"yes","extra":1}""" },
    };

    [Theory]
    [MemberData(nameof(HostileComponents))]
    public void Load_RejectsHostileComponentOptions(string typeName, string optionsJson)
    {
        using var stream = new MemoryStream();
        ModelArchive.Save(stream, Schema, [new ModelComponent(typeName, c => c.SetOptions(System.Text.Json.JsonDocument.Parse(optionsJson).RootElement))]);
        stream.Position = 0;
        Assert.Throws<ModelFormatException>(() => _context.Model.Load(stream, out _));
    }

    [Fact]
    public void Load_RejectsNormalizerTensorsOfWrongShape()
    {
        using var stream = new MemoryStream();
        ModelArchive.Save(stream, Schema, [new ModelComponent("NormalizingTransformer", c =>
        {
            c.SetOptions(new { OutputColumnNames = new[] { "V" }, InputColumnNames = new[] { "V" } });
            c.AddTensor("scale.0", new float[4], 2, 2);
            c.AddTensor("offset.0", new float[4], 2, 2);
        })]);
        stream.Position = 0;
        Assert.Throws<ModelFormatException>(() => _context.Model.Load(stream, out _));
    }

    [Fact]
    public void Load_RejectsNormalizerOfOtherSizeThanSavedSchema()
    {
        using var stream = new MemoryStream();
        ModelArchive.Save(stream, Schema, [new ModelComponent("NormalizingTransformer", c =>
        {
            c.SetOptions(new { OutputColumnNames = new[] { "V" }, InputColumnNames = new[] { "V" } });
            c.AddTensor("scale.0", new float[5], 5);
            c.AddTensor("offset.0", new float[5], 5);
        })]);
        stream.Position = 0;
        var ex = Assert.Throws<ModelFormatException>(() => _context.Model.Load(stream, out _));
        Assert.Contains("'V'", ex.Message);
    }

    [Fact]
    public void Load_RejectsKeyValuesThatDoNotParse()
    {
        using var stream = new MemoryStream();
        ModelArchive.Save(stream, Schema, [new ModelComponent("ValueToKeyMappingTransformer", c =>
        {
            c.SetOptions(new { Columns = new { OutputColumnNames = new[] { "K" }, InputColumnNames = new[] { "X" } }, ItemTypes = new[] { "Single" } });
            c.AddStrings("values.0", ["1.5", "not a number"]);
        })]);
        stream.Position = 0;
        var ex = Assert.Throws<ModelFormatException>(() => _context.Model.Load(stream, out _));
        Assert.Contains("not a number", ex.Message);
    }

    [Fact]
    public void Load_MutatedPipelineArchives_OnlyThrowModelFormatException()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TestData.Features(30, 2));
        ITransformer model = _context.Transforms.Concatenate("All", "Label", "Features")
            .Append(_context.Transforms.NormalizeMeanVariance("All"))
            .Append(_context.Transforms.Categorical.OneHotEncoding("Category"))
            .Fit(data);
        using var original = new MemoryStream();
        _context.Model.Save(model, data.Schema, original);
        byte[] bytes = original.ToArray();
        var random = new Random(17);
        for (int i = 0; i < 2000; i++)
        {
            byte[] mutated = Mutate(bytes, random);
            var watch = Stopwatch.StartNew();
            try
            {
                _context.Model.Load(new MemoryStream(mutated), out _);
            }
            catch (ModelFormatException)
            {
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Case {i} took {watch.Elapsed}.");
        }
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        byte[] copy = (byte[])bytes.Clone();
        switch (random.Next(3))
        {
            case 0:
                for (int flips = random.Next(1, 8); flips > 0; flips--)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 1:
                return copy[..random.Next(copy.Length)];
            default:
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return copy;
        }
    }
}
