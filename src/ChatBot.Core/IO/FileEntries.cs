using System.Runtime.InteropServices;

namespace ChatBot.Core.IO;

/// <summary>
/// Tells what a path is before anything opens it. .NET reports a FIFO or a device as a normal file (and
/// opening a FIFO blocks until a writer comes), so on Unix this asks <c>lstat</c>, through the same native
/// shim the .NET runtime uses for <see cref="FileInfo"/>, whose result starts with two 32-bit fields, flags then
/// mode, on every Unix it supports. Where that shim cannot be called, links are still told apart through
/// <see cref="FileSystemInfo.LinkTarget"/> and everything else counts as what .NET says it is.
/// </summary>
public static partial class FileEntries
{
    // The runtime's FileStatus is under 200 bytes; the rest is slack for fields a later runtime may add.
    private const int StatusBufferSize = 512;
    private const int ModeOffset = 4;
    private const int TypeMask = 0xF000;
    private const int FifoType = 0x1000;
    private const int CharacterDeviceType = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockDeviceType = 0x6000;
    private const int RegularType = 0x8000;
    private const int SymbolicLinkType = 0xA000;
    private const int SocketType = 0xC000;

    private static bool s_nativeUnavailable;

    /// <summary>What <paramref name="path"/> names; a link is a <see cref="FileEntryKind.SymbolicLink"/>, whatever it points at.</summary>
    public static FileEntryKind KindOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsWindows() && !s_nativeUnavailable)
        {
            try
            {
                return NativeKindOf(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_nativeUnavailable = true;
            }
        }

        return ManagedKindOf(path);
    }

    /// <summary>A short phrase for a message: <c>a named pipe (FIFO)</c>.</summary>
    public static string Describe(FileEntryKind kind) => kind switch
    {
        FileEntryKind.Missing => "missing",
        FileEntryKind.Regular => "a regular file",
        FileEntryKind.Directory => "a folder",
        FileEntryKind.SymbolicLink => "a symbolic link",
        FileEntryKind.Fifo => "a named pipe (FIFO)",
        FileEntryKind.Device => "a device",
        FileEntryKind.Socket => "a socket",
        _ => "something that cannot be examined",
    };

    private static FileEntryKind NativeKindOf(string path)
    {
        var status = new byte[StatusBufferSize];
        if (LStat(path, status) != 0)
        {
            return Path.Exists(path) || File.Exists(path) || Directory.Exists(path) ? FileEntryKind.Unknown : FileEntryKind.Missing;
        }

        return (BitConverter.ToInt32(status, ModeOffset) & TypeMask) switch
        {
            RegularType => FileEntryKind.Regular,
            DirectoryType => FileEntryKind.Directory,
            SymbolicLinkType => FileEntryKind.SymbolicLink,
            FifoType => FileEntryKind.Fifo,
            CharacterDeviceType or BlockDeviceType => FileEntryKind.Device,
            SocketType => FileEntryKind.Socket,
            _ => FileEntryKind.Unknown,
        };
    }

    private static FileEntryKind ManagedKindOf(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return FileEntryKind.SymbolicLink;
        }

        if (!info.Exists)
        {
            return FileEntryKind.Missing;
        }

        return (info.Attributes & FileAttributes.Directory) != 0 ? FileEntryKind.Directory
            : (info.Attributes & FileAttributes.Device) != 0 ? FileEntryKind.Device
            : FileEntryKind.Regular;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int LStat(string path, [Out] byte[] output);
}
