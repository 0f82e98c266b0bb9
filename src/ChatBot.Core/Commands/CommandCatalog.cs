using ChatBot.Core.Search;

namespace ChatBot.Core.Commands;

/// <summary>
/// Every command the bot answers. Platforms render from this one list: Discord registers it,
/// Slack's app manifest is generated from it, the console prints its help from it.
/// </summary>
public static class CommandCatalog
{
    public const string PapersCommand = "papers";

    public const int MaxResultsPerPage = 10;

    public static readonly CommandDefinition Papers = new(PapersCommand, "Find and follow research papers", [
        new SubcommandDefinition("search", "Search papers by words, phrases, authors and dates", [
            new OptionDefinition("query", "Words, \"phrases\", -excluded, title:, author:, since:7d, until:, upvotes:>=10, sort:new|top", OptionType.Text, Required: true)
            {
                MaxLength = SearchQueryParser.MaxLength,
            },
            new OptionDefinition("limit", "Results per page (1-10, default 5)", OptionType.WholeNumber) { Min = 1, Max = MaxResultsPerPage, Default = 5 },
            new OptionDefinition("page", "Which page of results (default 1)", OptionType.WholeNumber) { Min = 1, Max = 100, Default = 1 },
        ])
        {
            Examples = ["search diffusion transformer", "search \"time series\" forecasting since:30d", "search author:hinton sort:new", "search agents -survey upvotes:>=20"],
            Help = "All words must match (title, abstract, authors, keywords); when no paper has them all, papers with any of them are ranked instead. "
                + "\"phrase\" matches exactly, -word excludes, a OR b accepts either. Filters: title:word, author:name, since:7d or since:2025-01-01, until:, upvotes:>=10, sort:relevance|new|top.",
        },
        new SubcommandDefinition("trending", "Papers gaining upvotes fastest right now", [
            new OptionDefinition("days", "How many days back to look (1-30, default 3)", OptionType.WholeNumber) { Min = 1, Max = 30, Default = 3 },
            new OptionDefinition("limit", "How many papers (1-10, default 5)", OptionType.WholeNumber) { Min = 1, Max = MaxResultsPerPage, Default = 5 },
        ])
        {
            Examples = ["trending", "trending 7"],
            Help = "Ranks recent papers by upvotes gained lately and in total, discounted by age, and says why each one is there.",
        },
        new SubcommandDefinition("show", "One paper in full", [
            new OptionDefinition("id", "An arXiv id (2106.04554), an arXiv or Hugging Face URL, or a title", OptionType.Text, Required: true) { MaxLength = 500 },
        ])
        {
            Examples = ["show 2106.04554", "show https://huggingface.co/papers/2106.04554"],
        },
        new SubcommandDefinition("similar", "Papers most like a given one", [
            new OptionDefinition("id", "An arXiv id, an arXiv or Hugging Face URL, or a title", OptionType.Text, Required: true) { MaxLength = 500 },
            new OptionDefinition("limit", "How many papers (1-10, default 5)", OptionType.WholeNumber) { Min = 1, Max = MaxResultsPerPage, Default = 5 },
        ])
        {
            Examples = ["similar 2106.04554"],
            Help = "Compares titles and abstracts: the papers sharing the most distinctive words come first.",
        },
        new SubcommandDefinition("help", "Every command with examples", []),
    ]);

    public static IReadOnlyList<CommandDefinition> All { get; } = [Papers];

    public static CommandDefinition? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
