namespace Hypernetworks.Model;

/// <summary>The learning task, which fixes the loss and the label format.</summary>
public enum HypernetworkTask
{
    /// <summary>Mean squared error; labels are [rows, outputs] real values.</summary>
    Regression,

    /// <summary>Sigmoid + binary cross-entropy per output; labels are [rows, outputs] in [0, 1].</summary>
    BinaryClassification,

    /// <summary>Softmax cross-entropy over the outputs; labels are one class index per row, in [0, outputs).</summary>
    MulticlassClassification,
}
