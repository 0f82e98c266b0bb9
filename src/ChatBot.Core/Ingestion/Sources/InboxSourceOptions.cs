using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>A folder where people drop paper files (daily-papers page text, Hugging Face JSON, arXiv Atom).</summary>
public sealed class InboxSourceOptions
{
    public const string SectionName = "Sources:Inbox";

    public bool Enabled { get; set; } = true;

    /// <summary>Relative paths resolve inside the data directory (<c>Storage:DataDirectory</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Sources:Inbox:Path is required.")]
    public string Path { get; set; } = "inbox";

    /// <summary>A larger file is moved to <c>rejected/</c> unread; reading stops at this size whatever the file claims.</summary>
    [Range(1024d, 1024d * 1024 * 1024, ErrorMessage = "Sources:Inbox:MaxFileBytes must be between 1024 (1 KiB) and 1073741824 (1 GiB).")]
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;
}
