namespace Hypernetworks;

/// <summary>
/// The scope of an <see cref="Engine.LimitThreads"/> call: disposing it, on the thread that made the call, restores
/// the limit that thread had before. Nested scopes must be disposed in reverse order, as <c>using</c> does.
/// </summary>
public readonly struct ThreadLimitScope : IDisposable, IEquatable<ThreadLimitScope>
{
    private readonly int _previous;

    internal ThreadLimitScope(int previous) => _previous = previous;

    /// <summary>Tells whether two scopes restore the same limit.</summary>
    public static bool operator ==(ThreadLimitScope left, ThreadLimitScope right) => left.Equals(right);

    /// <summary>Tells whether two scopes restore different limits.</summary>
    public static bool operator !=(ThreadLimitScope left, ThreadLimitScope right) => !left.Equals(right);

    /// <summary>Restores the calling thread's previous limit.</summary>
    public void Dispose() => Engine.RestoreThreadLimit(_previous);

    /// <inheritdoc/>
    public bool Equals(ThreadLimitScope other) => _previous == other._previous;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ThreadLimitScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _previous;
}
