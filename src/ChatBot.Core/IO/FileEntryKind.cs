namespace ChatBot.Core.IO;

/// <summary>What a path names, without following a symbolic link.</summary>
public enum FileEntryKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A plain file: the only kind the bot reads from or writes over.</summary>
    Regular,

    Directory,

    SymbolicLink,

    /// <summary>A named pipe: opening it for reading waits for a writer, possibly forever.</summary>
    Fifo,

    /// <summary>A character or block device, such as <c>/dev/zero</c>, which never ends.</summary>
    Device,

    Socket,

    /// <summary>Something is there, but what could not be told (no permission, an unknown type).</summary>
    Unknown,
}
