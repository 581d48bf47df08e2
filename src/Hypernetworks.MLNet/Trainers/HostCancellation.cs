using System.Reflection;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// A cancellation token that fires when the caller's token does or when <c>mlContext.CancelExecution()</c> marks the
/// host cancelled. ML.NET keeps the check internal; its hosts show the state as a public <c>IsCanceled</c> property
/// of an internal class, which this polls (every 50 ms, on a timer) by reflection.
/// </summary>
internal sealed class HostCancellation : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly CancellationTokenSource _source;
    private readonly Timer? _timer;

    public HostCancellation(IHost host, CancellationToken token)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(token);
        PropertyInfo? property = host.GetType().GetProperty("IsCanceled", BindingFlags.Instance | BindingFlags.Public);
        if (property?.PropertyType == typeof(bool))
        {
            _timer = new Timer(_ => Poll(host, property), null, TimeSpan.Zero, PollInterval);
        }
    }

    /// <summary>The combined token.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether <paramref name="host"/> was cancelled through its context.</summary>
    public static bool IsCanceled(IHost host) =>
        host.GetType().GetProperty("IsCanceled", BindingFlags.Instance | BindingFlags.Public)?.GetValue(host) is true;

    /// <inheritdoc />
    public void Dispose()
    {
        _timer?.Dispose();
        _source.Dispose();
    }

    private void Poll(IHost host, PropertyInfo property)
    {
        if (property.GetValue(host) is true)
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The training ended between the timer firing and this call; nothing is left to cancel.
            }
        }
    }
}
