using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hypernetworks.MLNet;

/// <summary>
/// The JSON settings of model manifests and component options: strict on read (unknown members, duplicate
/// properties, missing required values and nulls where none are allowed are all errors) so a tampered
/// manifest fails loudly instead of loading with defaults.
/// </summary>
internal static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        MaxDepth = 64,
        WriteIndented = true,
        // The manifest is a file, never embedded in HTML: keep type names such as Vector<Single,16> readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<ModelEntryKind>(allowIntegerValues: false) },
    };

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        MaxDepth = 64,
        AllowDuplicateProperties = false,
    };
}
