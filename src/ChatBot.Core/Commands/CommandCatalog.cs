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
        new SubcommandDefinition("search", "Search papers by meaning and words, phrases, authors and dates", [
            new OptionDefinition("query", "Words or a question, \"phrases\", -excluded, title:, author:, since:7d, upvotes:>=10, sort:, mode:", OptionType.Text, Required: true)
            {
                MaxLength = SearchQueryParser.MaxLength,
            },
            new OptionDefinition("limit", "Results per page (1-10, default 5)", OptionType.WholeNumber) { Min = 1, Max = MaxResultsPerPage, Default = 5 },
            new OptionDefinition("page", "Which page of results (default 1)", OptionType.WholeNumber) { Min = 1, Max = 100, Default = 1 },
        ])
        {
            Examples = ["search how do language model agents use tools", "search diffusion transformer", "search \"time series\" forecasting since:30d", "search author:hinton sort:new", "search agents -survey upvotes:>=20", "search SSM mode:keyword"],
            Help = "Ranks by meaning and words together (mode:hybrid, the default): a question in plain words finds papers that say it differently. "
                + "mode:keyword ranks only papers with all the words (or, when none has them all, any of them); mode:semantic ranks by meaning alone. "
                + "\"phrase\" matches exactly, -word excludes, a OR b accepts either. Filters, in every mode: title:word, author:name, since:7d or since:2025-01-01, until:, upvotes:>=10; sort:new|top rank by words.",
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
            Help = "The papers closest in meaning to its title and abstract; a paper not embedded yet (or with search by meaning off) is compared by its most distinctive words.",
        },
        new SubcommandDefinition("help", "Every command with examples", []),
    ]);

    public const string PapersAdminCommand = "papers-admin";

    public static readonly CommandDefinition PapersAdmin = new(PapersAdminCommand, "Set up this channel's daily trending thread (admins only)", [
        new SubcommandDefinition("daily set", "Post a daily thread of trending papers in this channel", [
            new OptionDefinition("time", "Local time, 24-hour HH:mm (e.g. 09:00)", OptionType.Text, Required: true) { MaxLength = 5 },
            new OptionDefinition("timezone", "IANA time zone (e.g. Europe/Berlin)", OptionType.Text, Required: true) { MaxLength = 64 },
            new OptionDefinition("top", "How many papers (1-10, default 5)", OptionType.WholeNumber) { Min = 1, Max = 10, Default = 5 },
            new OptionDefinition("filter", "Only papers matching this query; mode:semantic matches its words by meaning", OptionType.Text) { MaxLength = 200 },
        ])
        {
            Examples = ["daily set 09:00 Europe/Berlin", "daily set 08:30 America/New_York --top 3 --filter \"agents OR robotics\"", "daily set 09:00 UTC --filter \"mode:semantic robots that learn from video\""],
            Help = "One thread a day at the local time: a parent message, then one reply per paper. Papers already posted in this channel are not repeated. "
                + "A filter matches words; with mode:semantic it matches papers close in meaning to its words, with mode:hybrid either.",
        },
        new SubcommandDefinition("daily off", "Stop this channel's daily thread", []),
        new SubcommandDefinition("daily show", "This channel's daily thread: when, what, the last post, and why it is paused", []),
        new SubcommandDefinition("daily preview", "What the next daily thread would contain (only you see it)", []),
    ])
    {
        AdminOnly = true,
        PrivateReplies = true,
    };

    public const string AlertsCommand = "alerts";

    public static readonly CommandDefinition Alerts = new(AlertsCommand, "Get new papers matching your keywords, or like a paper, by direct message", [
        new SubcommandDefinition("add", "Send me new papers matching a query, or like a paper", [
            new OptionDefinition("query", "Words, \"phrases\", -excluded, title:, author:; or like:<arXiv id or URL> for papers like one", OptionType.Text, Required: true) { MaxLength = 200 },
        ])
        {
            Examples = ["add diffusion transformer -survey", "add author:\"Yann LeCun\"", "add \"state space model\" OR mamba", "add like:2106.04554", "add like:https://huggingface.co/papers/2106.04554"],
            Help = "Uses the search language; the answer shows what it would have caught in the last 7 days. like:<paper> (an arXiv id, an arXiv or Hugging Face URL, or a title) "
                + "sends new papers close to that paper in meaning. Each paper reaches you once, even if several alerts match it. At most 25 alerts.",
        },
        new SubcommandDefinition("list", "Your alerts, their ids and what they sent so far", []),
        new SubcommandDefinition("remove", "Delete one of your alerts", [
            new OptionDefinition("id", "The alert's id from /alerts list", OptionType.Text, Required: true) { MaxLength = 20 },
        ])
        {
            Examples = ["remove 3"],
        },
        new SubcommandDefinition("pause", "Stop an alert (or all) for now", [
            new OptionDefinition("id", "An alert id, or all", OptionType.Text, Required: true) { MaxLength = 20 },
        ])
        {
            Examples = ["pause 3", "pause all"],
        },
        new SubcommandDefinition("resume", "Start a paused alert (or all) again", [
            new OptionDefinition("id", "An alert id, or all", OptionType.Text, Required: true) { MaxLength = 20 },
        ])
        {
            Examples = ["resume all"],
        },
        new SubcommandDefinition("digest", "Get alert papers as they arrive, or once a day", [
            new OptionDefinition("mode", "instant, or daily [HH:mm] [time zone]", OptionType.Text, Required: true) { MaxLength = 80 },
        ])
        {
            Examples = ["digest instant", "digest daily 08:00 Europe/Berlin"],
        },
    ])
    {
        PrivateReplies = true,
    };

    public static IReadOnlyList<CommandDefinition> All { get; } = [Papers, PapersAdmin, Alerts];

    public static CommandDefinition? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
