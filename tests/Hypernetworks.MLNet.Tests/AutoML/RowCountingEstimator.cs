using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>Wraps an estimator and records how many rows each Fit was given.</summary>
internal sealed class RowCountingEstimator(IEstimator<ITransformer> inner, ConcurrentQueue<long> counts) : IEstimator<ITransformer>
{
    public ITransformer Fit(IDataView input)
    {
        long rows = 0;
        using (DataViewRowCursor cursor = input.GetRowCursor([]))
        {
            while (cursor.MoveNext())
            {
                rows++;
            }
        }

        counts.Enqueue(rows);
        return inner.Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}
