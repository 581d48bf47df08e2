namespace Hypernetworks.Cli.Output;

/// <summary>Writes an output file under a temporary name in its folder and renames it when complete, so a failure or Ctrl+C leaves no half-written file.</summary>
internal static class AtomicOutput
{
    /// <summary>Runs <paramref name="write"/> on a temporary file next to <paramref name="path"/>, then renames it to <paramref name="path"/>; deletes it on any failure.</summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="option">The option that named it, for messages.</param>
    /// <param name="write">Writes the content.</param>
    public static void Write(string path, string option, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException(ExitCode.OutputFailed, $"{option}: the folder '{folder}' does not exist.");
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliException(ExitCode.OutputFailed, $"{option}: could not write '{path}': {e.Message}", e);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="option">The option that named it, for messages.</param>
    /// <param name="text">The content.</param>
    public static void WriteText(string path, string option, string text) =>
        Write(path, option, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });
}
