using System.Globalization;
using CsvHelper;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Cli.Output;

/// <summary>
/// Writes scored rows as CSV: every input row as it was, followed by the prediction columns of the task (regression
/// <c>Score</c>; binary <c>PredictedLabel</c>, <c>Probability</c>; multiclass <c>PredictedLabel</c> as the original
/// label value and one <c>Score.CLASS</c> per class).
/// </summary>
internal static class PredictionWriter
{
    /// <summary>Writes the rows of <paramref name="dataPath"/> with the predictions in <paramref name="scored"/> (the same rows in the same order).</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="task">The model's task.</param>
    /// <param name="dataPath">The CSV file scored.</param>
    /// <param name="scored">The scored view of that file.</param>
    /// <param name="output">Where the CSV goes.</param>
    /// <param name="onRow">Hears the number of rows written.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    public static void Write(MLContext mlContext, HypernetworkTask task, string dataPath, IDataView scored, Stream output, Action<double> onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(onRow);
        if (task == HypernetworkTask.MulticlassClassification)
        {
            scored = mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel").Fit(scored).Transform(scored);
        }

        DataViewSchema.Column score = scored.Schema["Score"];
        string[] classes = task == HypernetworkTask.MulticlassClassification ? SlotNames(score) : [];
        using var reader = new CsvReader(new StreamReader(dataPath), CultureInfo.InvariantCulture);
        using var writer = new CsvWriter(new StreamWriter(output, leaveOpen: true), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        foreach (string name in reader.HeaderRecord!)
        {
            writer.WriteField(name);
        }

        string[] added = task switch
        {
            HypernetworkTask.Regression => ["Score"],
            HypernetworkTask.BinaryClassification => ["PredictedLabel", "Probability"],
            _ => ["PredictedLabel", .. classes.Select(c => "Score." + c)],
        };
        foreach (string name in added)
        {
            writer.WriteField(name);
        }

        writer.NextRecord();
        using DataViewRowCursor cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name is "Score" or "PredictedLabel" or "Probability"));
        Action<CsvWriter> write = Getters(task, cursor);
        long rows = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!cursor.MoveNext())
            {
                throw new InvalidOperationException($"The data file '{dataPath}' has a row ({rows + 2}) that ML.NET did not read; check its quoting.");
            }

            foreach (string field in reader.Parser.Record!)
            {
                writer.WriteField(field);
            }

            write(writer);
            writer.NextRecord();
            if (++rows % 1024 == 0)
            {
                onRow(rows);
            }
        }

        writer.Flush();
    }

    private static string[] SlotNames(DataViewSchema.Column score)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    private static Action<CsvWriter> Getters(HypernetworkTask task, DataViewRowCursor cursor)
    {
        DataViewSchema schema = cursor.Schema;
        switch (task)
        {
            case HypernetworkTask.Regression:
            {
                ValueGetter<float> score = cursor.GetGetter<float>(schema["Score"]);
                return w =>
                {
                    float value = 0;
                    score(ref value);
                    w.WriteField(value.ToString("R", CultureInfo.InvariantCulture));
                };
            }

            case HypernetworkTask.BinaryClassification:
            {
                ValueGetter<bool> label = cursor.GetGetter<bool>(schema["PredictedLabel"]);
                ValueGetter<float> probability = cursor.GetGetter<float>(schema["Probability"]);
                return w =>
                {
                    bool predicted = false;
                    float p = 0;
                    label(ref predicted);
                    probability(ref p);
                    w.WriteField(predicted ? "true" : "false");
                    w.WriteField(p.ToString("R", CultureInfo.InvariantCulture));
                };
            }

            default:
            {
                ValueGetter<ReadOnlyMemory<char>> label = cursor.GetGetter<ReadOnlyMemory<char>>(schema["PredictedLabel"]);
                ValueGetter<VBuffer<float>> scores = cursor.GetGetter<VBuffer<float>>(schema["Score"]);
                return w =>
                {
                    ReadOnlyMemory<char> predicted = default;
                    VBuffer<float> values = default;
                    label(ref predicted);
                    scores(ref values);
                    w.WriteField(predicted.ToString());
                    foreach (float value in values.DenseValues())
                    {
                        w.WriteField(value.ToString("R", CultureInfo.InvariantCulture));
                    }
                };
            }
        }
    }
}
