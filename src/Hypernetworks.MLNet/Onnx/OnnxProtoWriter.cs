using Google.Protobuf;
using static Hypernetworks.MLNet.Onnx.OnnxFields;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// Serialises an <see cref="OnnxModel"/> as ONNX protobuf bytes with <see cref="CodedOutputStream"/>: every message's
/// size is computed first, so the output is written once into a buffer of the exact length.
/// </summary>
internal static class OnnxProtoWriter
{
    public static byte[] Write(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int size = ModelSize(model);
        var buffer = new byte[size];
        var output = new CodedOutputStream(buffer);
        WriteModel(output, model);
        output.CheckNoSpaceLeft();
        return buffer;
    }

    private static int Tag(int field) => CodedOutputStream.ComputeTagSize(field);

    private static int StringField(int field, string value) => Tag(field) + CodedOutputStream.ComputeStringSize(value);

    private static int MessageField(int field, int size) => Tag(field) + CodedOutputStream.ComputeLengthSize(size) + size;

    private static int Int64Field(int field, long value) => Tag(field) + CodedOutputStream.ComputeInt64Size(value);

    private static void WriteString(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void WriteInt64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    private static void BeginMessage(CodedOutputStream output, int field, int size)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteLength(size);
    }

    private static int ModelSize(OnnxModel model)
    {
        int size = Int64Field(ModelIrVersion, model.IrVersion) + StringField(ModelProducerName, model.ProducerName) + StringField(ModelProducerVersion, model.ProducerVersion);
        size += MessageField(ModelGraph, GraphSize(model.Graph));
        foreach ((string domain, long version) in model.OperatorSets)
        {
            size += MessageField(ModelOpsetImport, OpsetSize(domain, version));
        }

        foreach (KeyValuePair<string, string> entry in model.Metadata)
        {
            size += MessageField(ModelMetadataProps, EntrySize(entry));
        }

        return size;
    }

    private static void WriteModel(CodedOutputStream output, OnnxModel model)
    {
        WriteInt64(output, ModelIrVersion, model.IrVersion);
        WriteString(output, ModelProducerName, model.ProducerName);
        WriteString(output, ModelProducerVersion, model.ProducerVersion);
        BeginMessage(output, ModelGraph, GraphSize(model.Graph));
        WriteGraph(output, model.Graph);
        foreach ((string domain, long version) in model.OperatorSets)
        {
            BeginMessage(output, ModelOpsetImport, OpsetSize(domain, version));
            WriteString(output, OpsetDomain, domain);
            WriteInt64(output, OpsetVersion, version);
        }

        foreach (KeyValuePair<string, string> entry in model.Metadata)
        {
            BeginMessage(output, ModelMetadataProps, EntrySize(entry));
            WriteString(output, EntryKey, entry.Key);
            WriteString(output, EntryValue, entry.Value);
        }
    }

    private static int OpsetSize(string domain, long version) => StringField(OpsetDomain, domain) + Int64Field(OpsetVersion, version);

    private static int EntrySize(KeyValuePair<string, string> entry) => StringField(EntryKey, entry.Key) + StringField(EntryValue, entry.Value);

    private static int GraphSize(OnnxGraph graph)
    {
        int size = StringField(GraphName, graph.Name);
        size += graph.Nodes.Sum(n => MessageField(GraphNode, NodeSize(n)));
        size += graph.Initializers.Sum(t => MessageField(GraphInitializer, TensorSize(t)));
        size += graph.Inputs.Sum(v => MessageField(GraphInput, ValueInfoSize(v)));
        size += graph.Outputs.Sum(v => MessageField(GraphOutput, ValueInfoSize(v)));
        return size;
    }

    private static void WriteGraph(CodedOutputStream output, OnnxGraph graph)
    {
        foreach (OnnxNode node in graph.Nodes)
        {
            BeginMessage(output, GraphNode, NodeSize(node));
            WriteNode(output, node);
        }

        WriteString(output, GraphName, graph.Name);
        foreach (OnnxTensor tensor in graph.Initializers)
        {
            BeginMessage(output, GraphInitializer, TensorSize(tensor));
            WriteTensor(output, tensor);
        }

        foreach (OnnxValueInfo value in graph.Inputs)
        {
            BeginMessage(output, GraphInput, ValueInfoSize(value));
            WriteValueInfo(output, value);
        }

        foreach (OnnxValueInfo value in graph.Outputs)
        {
            BeginMessage(output, GraphOutput, ValueInfoSize(value));
            WriteValueInfo(output, value);
        }
    }

    private static int NodeSize(OnnxNode node)
    {
        int size = node.Inputs.Sum(i => StringField(NodeInput, i)) + node.Outputs.Sum(o => StringField(NodeOutput, o));
        size += StringField(NodeName, node.Name) + StringField(NodeOpType, node.OpType);
        size += node.Attributes.Sum(a => MessageField(NodeAttribute, AttributeSize(a)));
        if (node.Domain.Length > 0)
        {
            size += StringField(NodeDomain, node.Domain);
        }

        return size;
    }

    private static void WriteNode(CodedOutputStream output, OnnxNode node)
    {
        foreach (string input in node.Inputs)
        {
            WriteString(output, NodeInput, input);
        }

        foreach (string name in node.Outputs)
        {
            WriteString(output, NodeOutput, name);
        }

        WriteString(output, NodeName, node.Name);
        WriteString(output, NodeOpType, node.OpType);
        foreach (OnnxAttribute attribute in node.Attributes)
        {
            BeginMessage(output, NodeAttribute, AttributeSize(attribute));
            WriteAttribute(output, attribute);
        }

        if (node.Domain.Length > 0)
        {
            WriteString(output, NodeDomain, node.Domain);
        }
    }

    private static int AttributeSize(OnnxAttribute attribute)
    {
        int size = StringField(AttributeName, attribute.Name) + Tag(AttributeType) + CodedOutputStream.ComputeEnumSize((int)attribute.Type);
        return size + attribute.Type switch
        {
            OnnxAttributeType.Float => Tag(AttributeFloat) + sizeof(float),
            OnnxAttributeType.Int => Int64Field(AttributeInt, attribute.Int),
            OnnxAttributeType.String => StringField(AttributeString, attribute.String),
            OnnxAttributeType.Floats => attribute.Floats.Count * (Tag(AttributeFloats) + sizeof(float)),
            OnnxAttributeType.Ints => attribute.Ints.Sum(i => Int64Field(AttributeInts, i)),
            OnnxAttributeType.Strings => attribute.Strings.Sum(s => StringField(AttributeStrings, s)),
            _ => throw new InvalidOperationException($"Attribute '{attribute.Name}' has kind {attribute.Type}, which this writer does not write."),
        };
    }

    private static void WriteAttribute(CodedOutputStream output, OnnxAttribute attribute)
    {
        WriteString(output, AttributeName, attribute.Name);
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float:
                output.WriteTag(AttributeFloat, WireFormat.WireType.Fixed32);
                output.WriteFloat(attribute.Float);
                break;
            case OnnxAttributeType.Int:
                WriteInt64(output, AttributeInt, attribute.Int);
                break;
            case OnnxAttributeType.String:
                WriteString(output, AttributeString, attribute.String);
                break;
            case OnnxAttributeType.Floats:
                foreach (float f in attribute.Floats)
                {
                    output.WriteTag(AttributeFloats, WireFormat.WireType.Fixed32);
                    output.WriteFloat(f);
                }

                break;
            case OnnxAttributeType.Ints:
                foreach (long i in attribute.Ints)
                {
                    WriteInt64(output, AttributeInts, i);
                }

                break;
            default:
                foreach (string s in attribute.Strings)
                {
                    WriteString(output, AttributeStrings, s);
                }

                break;
        }

        output.WriteTag(AttributeType, WireFormat.WireType.Varint);
        output.WriteEnum((int)attribute.Type);
    }

    private static int TensorSize(OnnxTensor tensor)
    {
        int size = tensor.Dimensions.Sum(d => Int64Field(TensorDims, d));
        size += Tag(TensorDataType) + CodedOutputStream.ComputeInt32Size((int)tensor.ElementType);
        size += StringField(TensorName, tensor.Name);
        size += tensor.Strings.Sum(s => StringField(TensorStringData, s));
        if (tensor.ElementType != OnnxElementType.String)
        {
            size += MessageField(TensorRawData, tensor.RawData.Length);
        }

        return size;
    }

    private static void WriteTensor(CodedOutputStream output, OnnxTensor tensor)
    {
        foreach (long d in tensor.Dimensions)
        {
            WriteInt64(output, TensorDims, d);
        }

        output.WriteTag(TensorDataType, WireFormat.WireType.Varint);
        output.WriteInt32((int)tensor.ElementType);
        foreach (string s in tensor.Strings)
        {
            WriteString(output, TensorStringData, s);
        }

        WriteString(output, TensorName, tensor.Name);
        if (tensor.ElementType != OnnxElementType.String)
        {
            output.WriteTag(TensorRawData, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(tensor.RawData));
        }
    }

    private static int ValueInfoSize(OnnxValueInfo value) => StringField(ValueInfoName, value.Name) + MessageField(ValueInfoType, TypeSize(value));

    private static void WriteValueInfo(CodedOutputStream output, OnnxValueInfo value)
    {
        WriteString(output, ValueInfoName, value.Name);
        BeginMessage(output, ValueInfoType, TypeSize(value));
        BeginMessage(output, TypeTensor, TensorTypeSize(value));
        output.WriteTag(TensorTypeElemType, WireFormat.WireType.Varint);
        output.WriteInt32((int)value.ElementType);
        BeginMessage(output, TensorTypeShape, ShapeSize(value));
        foreach (long? d in value.Dimensions)
        {
            BeginMessage(output, ShapeDim, DimensionSize(d));
            if (d is { } known)
            {
                WriteInt64(output, DimValue, known);
            }
            else
            {
                WriteString(output, DimParam, OnnxValueInfo.BatchDimension);
            }
        }
    }

    private static int TypeSize(OnnxValueInfo value) => MessageField(TypeTensor, TensorTypeSize(value));

    private static int TensorTypeSize(OnnxValueInfo value)
        => Tag(TensorTypeElemType) + CodedOutputStream.ComputeInt32Size((int)value.ElementType) + MessageField(TensorTypeShape, ShapeSize(value));

    private static int ShapeSize(OnnxValueInfo value) => value.Dimensions.Sum(d => MessageField(ShapeDim, DimensionSize(d)));

    private static int DimensionSize(long? dimension)
        => dimension is { } known ? Int64Field(DimValue, known) : StringField(DimParam, OnnxValueInfo.BatchDimension);
}
