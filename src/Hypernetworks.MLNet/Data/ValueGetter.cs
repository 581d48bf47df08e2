namespace Hypernetworks.MLNet;

/// <summary>Reads the value of one column of the current row into <paramref name="value"/>, reusing its buffers.</summary>
/// <typeparam name="TValue">The raw type of the column.</typeparam>
/// <param name="value">Receives the value.</param>
public delegate void ValueGetter<TValue>(ref TValue value);
