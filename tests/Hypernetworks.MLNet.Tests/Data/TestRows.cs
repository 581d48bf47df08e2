using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Data;

public sealed class AllTypesRow
{
    public float Single { get; set; }

    public double Double { get; set; }

    public int Int32 { get; set; }

    public long Int64 { get; set; }

    public uint UInt32 { get; set; }

    public bool Flag { get; set; }

    public string Text { get; set; } = "";

    [VectorType(3)]
    public float[] Vector { get; set; } = [];

    public double[] Variable { get; set; } = [];

    [KeyType(5)]
    public uint Key { get; set; }

    [ColumnName("Renamed")]
    public float Original { get; set; }

    [NoColumn]
    public float Ignored { get; set; }
}

public sealed class FeatureRow
{
    public float Label { get; set; }

    [VectorType(3)]
    public float[] Features { get; set; } = [];

    public string Category { get; set; } = "";
}

public sealed class ScalarRow
{
    public float X { get; set; }

    public float Y { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>An enumerable that counts how often it is enumerated.</summary>
public sealed class CountingEnumerable<T>(IReadOnlyList<T> items) : IEnumerable<T>
{
    public int Enumerations { get; private set; }

    public IEnumerator<T> GetEnumerator()
    {
        Enumerations++;
        return items.GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TestData
{
    public static List<FeatureRow> Features(int count, int seed)
    {
        var random = new Random(seed);
        string[] categories = ["red", "green", "blue"];
        return [.. Enumerable.Range(0, count).Select(_ => new FeatureRow
        {
            Label = (float)random.NextDouble(),
            Features = [(float)(random.NextDouble() * 10 - 3), (float)random.NextDouble(), (float)(random.NextDouble() * -4)],
            Category = categories[random.Next(categories.Length)],
        })];
    }

    public static List<T> ReadColumn<T>(IDataView data, string name)
    {
        DataViewSchema.Column column = data.Schema[name];
        using DataViewRowCursor cursor = data.GetRowCursor([column]);
        ValueGetter<T> getter = cursor.GetGetter<T>(column);
        var values = new List<T>();
        while (cursor.MoveNext())
        {
            T value = default!;
            getter(ref value);
            values.Add(value);
        }

        return values;
    }

    public static List<float[]> ReadVectors(IDataView data, string name) =>
        [.. ReadColumn<VBuffer<float>>(data, name).Select(v => v.DenseValues().ToArray())];
}
