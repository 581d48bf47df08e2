using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>A stand-in model that only remembers which trial made it; it passes data through unchanged.</summary>
internal sealed class TrialIdModel(int trialId) : ITransformer
{
    public int TrialId { get; } = trialId;

    public bool IsRowToRowMapper => false;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;

    public IDataView Transform(IDataView input) => input;

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException("A stand-in model has no row mapper.");

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException("A stand-in model is not saved.");
}
