using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>The JSON settings shared by parameters, search spaces and trial stores.</summary>
internal static class ParameterJson
{
    /// <summary>Enums travel by name, so a stored sweep stays readable and survives reordered enum members.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
