using System.ComponentModel.DataAnnotations;

namespace ChatBot.Storage.Search;

/// <summary>Where the Lucene search index lives, and how often it commits.</summary>
public sealed class SearchIndexOptions
{
    public const string SectionName = "Search";

    /// <summary>The index folder; a relative path resolves inside <c>Storage:DataDirectory</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Search:IndexDirectory must name a folder, e.g. index.")]
    public string IndexDirectory { get; set; } = "index";

    /// <summary>
    /// Indexed papers are searchable at once (the searchers are refreshed from the open writer), but written to
    /// disk (committed) only when this many papers are uncommitted, or <see cref="CommitInterval"/> has passed, and
    /// when the bot stops. After a crash the index catches up from the store on start for what was not committed.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Search:CommitEveryPapers must be between 1 and 1000000.")]
    public int CommitEveryPapers { get; set; } = 10_000;

    /// <summary>An index update commits when the last commit is at least this old (see <see cref="CommitEveryPapers"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Search:CommitInterval must be between 00:00:00 and 01:00:00.")]
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMinutes(1);
}
