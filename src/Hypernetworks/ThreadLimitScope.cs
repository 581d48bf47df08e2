namespace Hypernetworks;

/// <summary>
/// The scope of an <see cref="Engine.LimitThreads"/> call: disposing it, on the thread that made the call, restores
/// the limit that thread had before. Nested scopes must be disposed in reverse order, as <c>using</c> does. Disposing
/// a default instance does nothing.
/// </summary>
public readonly struct ThreadLimitScope : IDisposable, IEquatable<ThreadLimitScope>
{
    // The limit to restore plus one, so that 0, a default instance's value, means nothing to restore.
    private readonly int _restore;

    internal ThreadLimitScope(int previous) => _restore = previous + 1;

    /// <summary>Tells whether two scopes restore the same limit.</summary>
    public static bool operator ==(ThreadLimitScope left, ThreadLimitScope right) => left.Equals(right);

    /// <summary>Tells whether two scopes restore different limits.</summary>
    public static bool operator !=(ThreadLimitScope left, ThreadLimitScope right) => !left.Equals(right);

    /// <summary>Restores the calling thread's previous limit.</summary>
    public void Dispose()
    {
        if (_restore > 0)
        {
            Engine.RestoreThreadLimit(_restore - 1);
        }
    }

    /// <inheritdoc/>
    public bool Equals(ThreadLimitScope other) => _restore == other._restore;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ThreadLimitScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _restore;
}
