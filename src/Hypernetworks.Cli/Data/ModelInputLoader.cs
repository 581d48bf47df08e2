using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Cli.Data;

/// <summary>Loads a CSV file for a saved model: the columns of the model's input schema that the file has, by header name, with the schema's types.</summary>
internal static class ModelInputLoader
{
    /// <summary>Loads the columns of <paramref name="inputSchema"/> that <paramref name="table"/> holds.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="table">The CSV file's header.</param>
    /// <param name="inputSchema">The schema the model was saved with.</param>
    public static IDataView Load(MLContext mlContext, CsvTable table, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = new List<TextLoader.Column>();
        foreach (DataViewSchema.Column column in inputSchema)
        {
            CsvColumn? csv = table.Columns.FirstOrDefault(c => c.Name == column.Name);
            if (csv is not null && KindOf(column.Type) is { } kind)
            {
                columns.Add(new TextLoader.Column(column.Name, kind, csv.Index));
            }
        }

        return CsvLoading.Load(mlContext, [.. columns], table.Path);
    }

    private static DataKind? KindOf(DataViewType type) => type switch
    {
        _ when type == NumberDataViewType.Single => DataKind.Single,
        _ when type == BooleanDataViewType.Instance => DataKind.Boolean,
        TextDataViewType => DataKind.String,
        _ => null,
    };
}
