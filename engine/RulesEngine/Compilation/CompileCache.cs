namespace RulesEngine.Compilation;

/// <summary>
/// Compiled rule assemblies on disk, keyed by a hash of their generated source, the engine's build and the
/// compiler's version, so a restart with unchanged rules compiles nothing. Failures to read or write the cache
/// only cost a compile: they are never errors.
/// </summary>
internal sealed class CompileCache(string? directory)
{
    public bool TryRead(string key, out byte[] assembly)
    {
        assembly = [];
        if (directory is null)
        {
            return false;
        }

        try
        {
            var path = Path.Combine(directory, key + ".dll");
            if (!File.Exists(path))
            {
                return false;
            }

            assembly = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Deletes an entry that could not be loaded, so the next compile replaces it.</summary>
    public void Forget(string key)
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            File.Delete(Path.Combine(directory, key + ".dll"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next write to overwrite.
        }
    }

    public void Write(string key, byte[] assembly)
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);

            // Another engine process, or another file's compile in this one, may read or write the cache at the same
            // moment: it must never see half a file, so each write goes to a name of its own and is renamed whole.
            var path = Path.Combine(directory, key + ".dll");
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, assembly);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk makes the next start compile again; the rules still run.
        }
    }
}
