using System.ComponentModel.DataAnnotations;

namespace ChatBot.Storage.Search;

/// <summary>Where the Lucene search index lives.</summary>
public sealed class SearchIndexOptions
{
    public const string SectionName = "Search";

    /// <summary>The index folder; a relative path resolves inside <c>Storage:DataDirectory</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Search:IndexDirectory must name a folder, e.g. index.")]
    public string IndexDirectory { get; set; } = "index";
}
