using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

// Usage: Hypernetworks.StockLoader <model.zip> <rows.csv>
// rows.csv: a header line, then one line per row with the model's input columns in its input-schema order, a vector
// column spanning as many CSV fields as it has slots (Single, Boolean, text as is; a key as ML.NET's text loader reads
// one: its 0-based index, so "0" is key 1). Prints a header line "name:type,..." of the columns the model adds, then
// one line per row of their values (vectors as consecutive fields, invariant culture, floats round-trip, a key as its
// raw 1-based value with 0 for missing).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Hypernetworks.StockLoader <model.zip> <rows.csv>");
    return 2;
}

var mlContext = new MLContext(seed: 0);
ITransformer model = mlContext.Model.Load(args[0], out DataViewSchema inputSchema);
var columns = new List<TextLoader.Column>();
int index = 0;
foreach (DataViewSchema.Column column in inputSchema.Where(c => !c.IsHidden))
{
    DataViewType item = column.Type is VectorDataViewType v ? v.ItemType : column.Type;
    int width = column.Type is VectorDataViewType vector ? vector.Size : 1;
    DataKind kind = item switch
    {
        KeyDataViewType => DataKind.UInt32,
        BooleanDataViewType => DataKind.Boolean,
        TextDataViewType => DataKind.String,
        _ when item == NumberDataViewType.Double => DataKind.Double,
        _ => DataKind.Single,
    };
    var range = new TextLoader.Range(index, index + width - 1);
    columns.Add(item is KeyDataViewType key
        ? new TextLoader.Column(column.Name, kind, [range], new KeyCount(key.Count))
        : new TextLoader.Column(column.Name, kind, [range]));
    index += width;
}

IDataView rows = mlContext.Data.LoadFromTextFile(args[1], [.. columns], separatorChar: ',', hasHeader: true);
IDataView scored = model.Transform(rows);
var inputNames = new HashSet<string>(inputSchema.Select(c => c.Name), StringComparer.Ordinal);
DataViewSchema.Column[] outputs = [.. scored.Schema.Where(c => !c.IsHidden && !inputNames.Contains(c.Name))];
Console.WriteLine(string.Join(",", outputs.Select(c => $"{c.Name}:{c.Type}")));
using DataViewRowCursor cursor = scored.GetRowCursor(outputs);
Func<string>[] readers = [.. outputs.Select(c => Reader(cursor, c))];
while (cursor.MoveNext())
{
    Console.WriteLine(string.Join(",", readers.Select(r => r())));
}

return 0;

static Func<string> Reader(DataViewRowCursor cursor, DataViewSchema.Column column)
{
    CultureInfo c = CultureInfo.InvariantCulture;
    DataViewType item = column.Type is VectorDataViewType v ? v.ItemType : column.Type;
    bool vector = column.Type is VectorDataViewType;
    return (item, vector) switch
    {
        (KeyDataViewType, false) => Scalar<uint>(cursor, column, x => x.ToString(c)),
        (BooleanDataViewType, false) => Scalar<bool>(cursor, column, x => x ? "true" : "false"),
        (TextDataViewType, false) => Scalar<ReadOnlyMemory<char>>(cursor, column, x => x.ToString()),
        (_, false) => Scalar<float>(cursor, column, x => x.ToString("R", c)),
        _ => Vector(cursor, column),
    };
}

static Func<string> Scalar<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Func<T, string> format)
{
    ValueGetter<T> getter = cursor.GetGetter<T>(column);
    return () =>
    {
        T value = default!;
        getter(ref value);
        return format(value);
    };
}

static Func<string> Vector(DataViewRowCursor cursor, DataViewSchema.Column column)
{
    ValueGetter<VBuffer<float>> getter = cursor.GetGetter<VBuffer<float>>(column);
    return () =>
    {
        VBuffer<float> value = default;
        getter(ref value);
        return string.Join(",", value.DenseValues().Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
    };
}
