namespace Hypernetworks.MLNet.AutoML;

/// <summary>The metrics a binary classification sweep can optimise (as in ML.NET's AutoML); all are maximised.</summary>
public enum BinaryClassificationMetric
{
    /// <summary>Accuracy.</summary>
    Accuracy,

    /// <summary>Area under the ROC curve.</summary>
    AreaUnderRocCurve,

    /// <summary>Area under the precision-recall curve.</summary>
    AreaUnderPrecisionRecallCurve,

    /// <summary>F1 score.</summary>
    F1Score,

    /// <summary>Precision of the positive class.</summary>
    PositivePrecision,

    /// <summary>Recall of the positive class.</summary>
    PositiveRecall,

    /// <summary>Precision of the negative class.</summary>
    NegativePrecision,

    /// <summary>Recall of the negative class.</summary>
    NegativeRecall,
}
