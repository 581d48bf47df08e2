using Google.Protobuf;
using static Hypernetworks.MLNet.Onnx.OnnxFields;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// Parses the parts of ONNX protobuf this library writes. Tensor data stays in the input array (no copy); counts are
/// bounded by <see cref="OnnxReadLimits"/>. Malformed bytes give a <see cref="HypernetworkModelFormatException"/>.
/// </summary>
internal static class OnnxProtoReader
{
    /// <summary>The model's top-level fields; the graph is only located.</summary>
    public static OnnxModelHeader ReadHeader(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Guard(() =>
        {
            long irVersion = 0;
            string producer = "", producerVersion = "";
            var opsets = new List<(string, long)>();
            var metadata = new List<KeyValuePair<string, string>>();
            ProtoRegion? graph = null;
            var reader = new ProtoFieldReader(bytes, new ProtoRegion(0, bytes.Length));
            while (reader.Next())
            {
                switch (reader.Field)
                {
                    case ModelIrVersion:
                        irVersion = reader.ReadInt64();
                        break;
                    case ModelProducerName:
                        producer = reader.ReadString();
                        break;
                    case ModelProducerVersion:
                        producerVersion = reader.ReadString();
                        break;
                    case ModelGraph:
                        graph = reader.ReadRegion();
                        break;
                    case ModelOpsetImport:
                        Limit(opsets.Count, OnnxReadLimits.MaxOperatorSets, "The model's operator set list");
                        opsets.Add(ReadOpset(bytes, reader.ReadRegion()));
                        break;
                    case ModelMetadataProps:
                        Limit(metadata.Count, OnnxReadLimits.MaxMetadataEntries, "The model's metadata_props");
                        metadata.Add(ReadEntry(bytes, reader.ReadRegion()));
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return new OnnxModelHeader(irVersion, opsets, producer, producerVersion, metadata, graph);
        });
    }

    /// <summary>Parses the graph the header located.</summary>
    public static OnnxGraph ReadGraph(byte[] bytes, ProtoRegion region)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Guard(() =>
        {
            string name = "";
            var nodes = new List<OnnxNode>();
            var initializers = new List<OnnxTensor>();
            var inputs = new List<OnnxValueInfo>();
            var outputs = new List<OnnxValueInfo>();
            var reader = new ProtoFieldReader(bytes, region);
            while (reader.Next())
            {
                switch (reader.Field)
                {
                    case GraphNode:
                        Limit(nodes.Count, OnnxReadLimits.MaxNodes, "The graph's node list");
                        nodes.Add(ReadNode(bytes, reader.ReadRegion()));
                        break;
                    case GraphName:
                        name = reader.ReadString();
                        break;
                    case GraphInitializer:
                        Limit(initializers.Count, OnnxReadLimits.MaxInitializers, "The graph's initializer list");
                        initializers.Add(ReadTensor(bytes, reader.ReadRegion()));
                        break;
                    case GraphInput:
                        Limit(inputs.Count, OnnxReadLimits.MaxValues, "The graph's input list");
                        inputs.Add(ReadValueInfo(bytes, reader.ReadRegion()));
                        break;
                    case GraphOutput:
                        Limit(outputs.Count, OnnxReadLimits.MaxValues, "The graph's output list");
                        outputs.Add(ReadValueInfo(bytes, reader.ReadRegion()));
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return new OnnxGraph(name, nodes, initializers, inputs, outputs);
        });
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new HypernetworkModelFormatException($"The ONNX model is not valid protobuf (truncated or corrupt): {e.Message}", e);
        }
    }

    private static void Limit(int count, int limit, string what)
    {
        if (count >= limit)
        {
            throw new HypernetworkModelFormatException($"{what} has more than {limit} entries.");
        }
    }

    private static (string, long) ReadOpset(byte[] bytes, ProtoRegion region)
    {
        string domain = "";
        long version = 0;
        var reader = new ProtoFieldReader(bytes, region);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case OpsetDomain:
                    domain = reader.ReadString();
                    break;
                case OpsetVersion:
                    version = reader.ReadInt64();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (domain, version);
    }

    private static KeyValuePair<string, string> ReadEntry(byte[] bytes, ProtoRegion region)
    {
        string key = "", value = "";
        var reader = new ProtoFieldReader(bytes, region);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case EntryKey:
                    key = reader.ReadString();
                    break;
                case EntryValue:
                    value = reader.ReadString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new KeyValuePair<string, string>(key, value);
    }

    private static OnnxNode ReadNode(byte[] bytes, ProtoRegion region)
    {
        string name = "", opType = "", domain = "";
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new List<OnnxAttribute>();
        var reader = new ProtoFieldReader(bytes, region);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case NodeInput:
                    Limit(inputs.Count, OnnxReadLimits.MaxNodeArguments, "A node's input list");
                    inputs.Add(reader.ReadString());
                    break;
                case NodeOutput:
                    Limit(outputs.Count, OnnxReadLimits.MaxNodeArguments, "A node's output list");
                    outputs.Add(reader.ReadString());
                    break;
                case NodeName:
                    name = reader.ReadString();
                    break;
                case NodeOpType:
                    opType = reader.ReadString();
                    break;
                case NodeAttribute:
                    Limit(attributes.Count, OnnxReadLimits.MaxAttributes, "A node's attribute list");
                    attributes.Add(ReadAttribute(bytes, reader.ReadRegion()));
                    break;
                case NodeDomain:
                    domain = reader.ReadString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new OnnxNode(name, opType, domain, inputs, outputs, attributes);
    }

    private static OnnxAttribute ReadAttribute(byte[] bytes, ProtoRegion region)
    {
        string name = "";
        var type = OnnxAttributeType.Undefined;
        float f = 0;
        long i = 0;
        string s = "";
        var ints = new List<long>();
        var floats = new List<float>();
        var strings = new List<string>();
        bool other = false;
        var reader = new ProtoFieldReader(bytes, region);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case AttributeName:
                    name = reader.ReadString();
                    break;
                case AttributeFloat:
                    f = reader.ReadFloat();
                    break;
                case AttributeInt:
                    i = reader.ReadInt64();
                    break;
                case AttributeString:
                    s = reader.ReadString();
                    break;
                case AttributeFloats:
                    reader.ReadFloats(floats, OnnxReadLimits.MaxAttributeValues, "An attribute");
                    break;
                case AttributeInts:
                    reader.ReadInt64s(ints, OnnxReadLimits.MaxAttributeValues, "An attribute");
                    break;
                case AttributeStrings:
                    Limit(strings.Count, OnnxReadLimits.MaxAttributeValues, "An attribute's strings");
                    strings.Add(reader.ReadString());
                    break;
                case AttributeType:
                    long t = reader.ReadInt64();
                    type = Enum.IsDefined((OnnxAttributeType)t) && t != (long)OnnxAttributeType.Unsupported ? (OnnxAttributeType)t : OnnxAttributeType.Unsupported;
                    break;
                default:
                    other = true;
                    reader.Skip();
                    break;
            }
        }

        if (other && type != OnnxAttributeType.Unsupported)
        {
            type = OnnxAttributeType.Unsupported;
        }

        return type switch
        {
            OnnxAttributeType.Float => OnnxAttribute.Of(name, f),
            OnnxAttributeType.Int => OnnxAttribute.Of(name, i),
            OnnxAttributeType.String => OnnxAttribute.Of(name, s),
            OnnxAttributeType.Floats => OnnxAttribute.Of(name, (IReadOnlyList<float>)floats),
            OnnxAttributeType.Ints => OnnxAttribute.Of(name, (IReadOnlyList<long>)ints),
            OnnxAttributeType.Strings => OnnxAttribute.Of(name, (IReadOnlyList<string>)strings),
            _ => OnnxAttribute.Unsupported(name),
        };
    }

    private static OnnxTensor ReadTensor(byte[] bytes, ProtoRegion region)
    {
        string name = "";
        var dims = new List<long>();
        var type = OnnxElementType.Undefined;
        var raw = ReadOnlyMemory<byte>.Empty;
        var strings = new List<string>();
        bool typed = false;
        var reader = new ProtoFieldReader(bytes, region);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case TensorDims:
                    reader.ReadInt64s(dims, OnnxReadLimits.MaxDimensions, "A tensor's shape");
                    break;
                case TensorDataType:
                    long t = reader.ReadInt64();
                    type = Enum.IsDefined((OnnxElementType)t) ? (OnnxElementType)t : OnnxElementType.Undefined;
                    break;
                case TensorName:
                    name = reader.ReadString();
                    break;
                case TensorRawData:
                    ProtoRegion data = reader.ReadRegion();
                    raw = new ReadOnlyMemory<byte>(bytes, data.Offset, data.Length);
                    break;
                case TensorStringData:
                    Limit(strings.Count, OnnxReadLimits.MaxStrings, "A string tensor");
                    strings.Add(reader.ReadString());
                    break;
                case TensorFloatData or TensorInt32Data or TensorInt64Data or TensorDoubleData or TensorUInt64Data or TensorExternalData or TensorDataLocation:
                    typed = true;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new OnnxTensor(name, type, [.. dims], raw, strings) { HasTypedData = typed };
    }

    private static OnnxValueInfo ReadValueInfo(byte[] bytes, ProtoRegion region)
    {
        string name = "";
        var type = OnnxElementType.Undefined;
        var dims = new List<long?>();
        var reader = new ProtoFieldReader(bytes, region);
        while (reader.Next())
        {
            if (reader.Field == ValueInfoName)
            {
                name = reader.ReadString();
            }
            else if (reader.Field == ValueInfoType)
            {
                var typeReader = new ProtoFieldReader(bytes, reader.ReadRegion());
                while (typeReader.Next())
                {
                    if (typeReader.Field == TypeTensor)
                    {
                        type = ReadTensorType(bytes, typeReader.ReadRegion(), dims);
                    }
                    else
                    {
                        typeReader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new OnnxValueInfo(name, type, dims);
    }

    private static OnnxElementType ReadTensorType(byte[] bytes, ProtoRegion region, List<long?> dims)
    {
        var type = OnnxElementType.Undefined;
        var reader = new ProtoFieldReader(bytes, region);
        while (reader.Next())
        {
            if (reader.Field == TensorTypeElemType)
            {
                long t = reader.ReadInt64();
                type = Enum.IsDefined((OnnxElementType)t) ? (OnnxElementType)t : OnnxElementType.Undefined;
            }
            else if (reader.Field == TensorTypeShape)
            {
                var shape = new ProtoFieldReader(bytes, reader.ReadRegion());
                while (shape.Next())
                {
                    if (shape.Field != ShapeDim)
                    {
                        shape.Skip();
                        continue;
                    }

                    Limit(dims.Count, OnnxReadLimits.MaxDimensions, "A value's shape");
                    long? value = null;
                    string? param = null;
                    var dim = new ProtoFieldReader(bytes, shape.ReadRegion());
                    while (dim.Next())
                    {
                        if (dim.Field == DimValue)
                        {
                            value = dim.ReadInt64();
                        }
                        else if (dim.Field == DimParam)
                        {
                            param = dim.ReadString();
                        }
                        else
                        {
                            dim.Skip();
                        }
                    }

                    dims.Add(value is null && param == OnnxValueInfo.BatchDimension ? null : param is null && value is not null ? value : OnnxValueInfo.ForeignDimension);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return type;
    }
}
