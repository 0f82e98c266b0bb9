using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Storage;

/// <summary>Where the bot keeps its data: the database, the search index, the inbox folder.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Relative paths resolve against the current directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DataDirectory must name a folder, e.g. data.")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The database file name inside <see cref="DataDirectory"/>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabaseFile must name a file, e.g. chatbot.db.")]
    public string DatabaseFile { get; set; } = "chatbot.db";

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);

    /// <summary>A path inside the data directory, or <paramref name="path"/> itself when it is absolute.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(ResolveDataDirectory(), path));
}
