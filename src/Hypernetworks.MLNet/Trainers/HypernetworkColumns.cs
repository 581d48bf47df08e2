using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The checks of the columns a hypernetwork reads, on a schema (fitting, scoring) or a schema shape (output schema
/// propagation), with ML.NET's messages ("Could not find conditioning column 'Task'") and the transform that fixes a
/// column of the wrong type.
/// </summary>
internal static class HypernetworkColumns
{
    public const string ConditioningRole = "conditioning";
    public const string FeatureRole = "feature";
    public const string LabelRole = "label";
    private const string ConditioningExpected = "a known-size Vector<Single>, Single or a key";
    private const string FeatureExpected = "a known-size Vector<Single> or Single";

    /// <summary>The conditioning column and its layout: its width (1 for a key) and its key count (0 for a Single vector).</summary>
    public static DataViewSchema.Column Conditioning(DataViewSchema schema, string name, out int size, out ulong keyCount)
    {
        DataViewSchema.Column column = SchemaErrors.Find(schema, name, ConditioningRole);
        switch (column.Type)
        {
            case KeyDataViewType key:
                size = 1;
                keyCount = key.Count;
                return column;
            case VectorDataViewType { IsKnownSize: true } vector when vector.ItemType.Equals(NumberDataViewType.Single):
                size = vector.Size;
                keyCount = 0;
                return column;
            case NumberDataViewType number when number.Equals(NumberDataViewType.Single):
                size = 1;
                keyCount = 0;
                return column;
            default:
                throw MismatchOf(nameof(schema), ConditioningRole, name, ConditioningExpected, column.Type, keyAllowed: true);
        }
    }

    /// <summary>The feature column and its width.</summary>
    public static DataViewSchema.Column Features(DataViewSchema schema, string name, out int size)
    {
        DataViewSchema.Column column = SchemaErrors.Find(schema, name, FeatureRole);
        size = column.Type switch
        {
            VectorDataViewType { IsKnownSize: true } vector when vector.ItemType.Equals(NumberDataViewType.Single) => vector.Size,
            NumberDataViewType number when number.Equals(NumberDataViewType.Single) => 1,
            _ => throw MismatchOf(nameof(schema), FeatureRole, name, FeatureExpected, column.Type, keyAllowed: false),
        };
        return column;
    }

    /// <summary>The label column, checked against <paramref name="task"/>; the task is taken from the label's type when null.</summary>
    public static DataViewSchema.Column Label(DataViewSchema schema, string name, ref HypernetworkTask? task)
    {
        DataViewSchema.Column column = SchemaErrors.Find(schema, name, LabelRole);
        HypernetworkTask? found = column.Type switch
        {
            NumberDataViewType number when number.Equals(NumberDataViewType.Single) => HypernetworkTask.Regression,
            BooleanDataViewType => HypernetworkTask.BinaryClassification,
            KeyDataViewType => HypernetworkTask.MulticlassClassification,
            _ => null,
        };
        CheckLabel(name, task, found, SchemaErrors.Describe(column.Type));
        task = found;
        return column;
    }

    /// <summary>Checks the conditioning column of a schema shape.</summary>
    public static void Conditioning(SchemaShape shape, string name)
    {
        SchemaShape.Column column = SchemaErrors.Find(shape, name, ConditioningRole);
        bool key = column.IsKey && column.Kind == SchemaShape.Column.VectorKind.Scalar;
        if (!key && !IsSingles(column))
        {
            throw SchemaErrors.Mismatch(nameof(shape), ConditioningRole, name, ConditioningExpected, SchemaErrors.Describe(column),
                SchemaErrors.Hint(column.ItemType, column.IsKey, column.Kind == SchemaShape.Column.VectorKind.VariableVector, name, keyAllowed: true));
        }
    }

    /// <summary>Checks the feature column of a schema shape.</summary>
    public static void Features(SchemaShape shape, string name)
    {
        SchemaShape.Column column = SchemaErrors.Find(shape, name, FeatureRole);
        if (!IsSingles(column))
        {
            throw SchemaErrors.Mismatch(nameof(shape), FeatureRole, name, FeatureExpected, SchemaErrors.Describe(column),
                SchemaErrors.Hint(column.ItemType, column.IsKey, column.Kind == SchemaShape.Column.VectorKind.VariableVector, name, keyAllowed: false));
        }
    }

    /// <summary>The label column of a schema shape, checked against <paramref name="task"/> (taken from the label when null).</summary>
    public static SchemaShape.Column Label(SchemaShape shape, string name, ref HypernetworkTask? task)
    {
        SchemaShape.Column column = SchemaErrors.Find(shape, name, LabelRole);
        HypernetworkTask? found = column.Kind != SchemaShape.Column.VectorKind.Scalar ? null
            : column.IsKey ? HypernetworkTask.MulticlassClassification
            : column.ItemType.Equals(NumberDataViewType.Single) ? HypernetworkTask.Regression
            : column.ItemType.Equals(BooleanDataViewType.Instance) ? HypernetworkTask.BinaryClassification
            : null;
        CheckLabel(name, task, found, SchemaErrors.Describe(column));
        task = found;
        return column;
    }

    /// <summary>The label type a task reads, as messages name it.</summary>
    public static string ExpectedLabel(HypernetworkTask task) => task switch
    {
        HypernetworkTask.BinaryClassification => "Boolean",
        HypernetworkTask.MulticlassClassification => "a key",
        _ => "Single",
    };

    private static ArgumentOutOfRangeException MismatchOf(string parameter, string role, string name, string expected, DataViewType type, bool keyAllowed)
    {
        bool variable = type is VectorDataViewType { IsKnownSize: false };
        DataViewType item = type is VectorDataViewType vector ? vector.ItemType : type;
        return SchemaErrors.Mismatch(parameter, role, name, expected, SchemaErrors.Describe(type), SchemaErrors.Hint(item, variable, name, keyAllowed));
    }

    private static void CheckLabel(string name, HypernetworkTask? task, HypernetworkTask? found, string actual)
    {
        if (found is null || (task is not null && task != found))
        {
            string expected = task is HypernetworkTask t
                ? ExpectedLabel(t)
                : "Single (regression), Boolean (binary classification) or a key (multiclass classification)";
            string hint = (task ?? found) switch
            {
                HypernetworkTask.MulticlassClassification => $"Use mlContext.Transforms.Conversion.MapValueToKey(\"{name}\") to make a key label.",
                HypernetworkTask.Regression => $"Use mlContext.Transforms.Conversion.ConvertType(\"{name}\", outputKind: DataKind.Single).",
                HypernetworkTask.BinaryClassification => $"Make '{name}' a Boolean, e.g. with mlContext.Transforms.Expression(\"{name}\", \"x => x > 0\", \"{name}\").",
                _ => "Convert it with mlContext.Transforms.Conversion.ConvertType or MapValueToKey.",
            };
            throw SchemaErrors.Mismatch("inputSchema", LabelRole, name, expected, actual, hint);
        }
    }

    private static bool IsSingles(SchemaShape.Column column) =>
        !column.IsKey && column.ItemType.Equals(NumberDataViewType.Single) && column.Kind != SchemaShape.Column.VectorKind.VariableVector;
}
