using System.Runtime.InteropServices;

namespace RulesEngine.RuleFiles;

/// <summary>
/// Tells a regular file from the other things a directory may hold under a <c>.yaml</c> name: a named pipe (FIFO),
/// a device, a socket. Opening a FIFO waits until something writes to it, and a device such as <c>/dev/zero</c> never
/// ends, so a rule file is opened only once it is known to be a regular file (or a symbolic link to one).
/// </summary>
/// <remarks>
/// .NET does not say: on Linux <see cref="File.GetAttributes(string)"/> and <see cref="FileSystemInfo.Attributes"/> report a
/// FIFO as <see cref="FileAttributes.Normal"/>, as a regular file, and <see cref="FileInfo.Length"/> reports 0. The
/// file's type is read here with <c>stat</c> through the runtime's own native library (what <see cref="File"/> calls
/// on Unix), whose file status starts with two 32-bit fields, flags then the POSIX mode, in every runtime since
/// .NET Core 2.0. The buffer is much larger than that structure, so a longer one in a later runtime cannot overrun it.
/// Where that call is missing, the kind is unknown, and callers fall back on never opening an entry of length 0: a
/// FIFO, a device and a socket all report that length, and an empty regular file reads as empty anyway.
/// </remarks>
internal static class FileKind
{
    private const int FileTypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;
    private const int NamedPipe = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    // Only ever goes from true to false; a thread that reads it late makes one more failed call, caught the same way.
    // Windows has no FIFOs or devices in its file system.
    private static bool statAvailable = !OperatingSystem.IsWindows();

    /// <summary>
    /// What the entry is when it is not a regular file, following symbolic links, such as "a named pipe (FIFO)";
    /// null for a regular file, for an entry that no longer exists, and when the kind cannot be told.
    /// </summary>
    public static string? DescribeIfNotRegular(string path)
    {
        if (!statAvailable)
        {
            return null;
        }

        var status = new byte[256];
        try
        {
            if (Stat(path, status) != 0)
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            statAvailable = false;
            return null;
        }

        return (BitConverter.ToInt32(status, 4) & FileTypeMask) switch
        {
            Regular => null,
            NamedPipe => "a named pipe (FIFO)",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            Directory => "a directory",
            _ => "an entry of an unknown kind",
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
