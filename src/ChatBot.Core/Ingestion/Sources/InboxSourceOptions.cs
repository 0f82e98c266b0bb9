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
}
