namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>How far <see cref="DailyPapersTextReader"/> has read the current paper block.</summary>
internal enum DailyPapersBlockState
{
    /// <summary>Between blocks: the next text line starts a paper.</summary>
    None,

    /// <summary>A title was read; its abstract comes next.</summary>
    Title,

    /// <summary>Title and abstract were read; author count and date may follow.</summary>
    Abstract,

    /// <summary>The block was rejected for its title; its abstract and trailing lines are skipped.</summary>
    BadTitle,

    /// <summary>The block was rejected; its remaining author and date lines are skipped.</summary>
    Skipping,
}
