using System.Reflection;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// ML.NET's device settings, <c>MLContext.GpuDeviceId</c> and <c>MLContext.FallbackToCpu</c>, read from the environment
/// a trainer was given: an <c>MLContext</c> shows them publicly, the environment behind a trainers catalog as public
/// properties of an internal class, so both are read by name.
/// </summary>
internal static class HostDevice
{
    /// <summary>The GPU the context asks for (null for none) and whether falling back to the CPU is allowed.</summary>
    public static (int? GpuDeviceId, bool FallbackToCpu) Of(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Type type = environment.GetType();
        object? gpu = type.GetProperty("GpuDeviceId", BindingFlags.Instance | BindingFlags.Public)?.GetValue(environment);
        object? fallback = type.GetProperty("FallbackToCpu", BindingFlags.Instance | BindingFlags.Public)?.GetValue(environment);
        return (gpu as int?, fallback as bool? ?? false);
    }
}
