using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Rendering;

/// <summary>An embed being fitted into Discord's limits; every text is already escaped and within its own limit.</summary>
internal sealed class EmbedDraft
{
    public string? Title { get; set; }

    public string? Url { get; set; }

    public string? Description { get; set; }

    public List<EmbedField> Fields { get; } = [];

    public string? Footer { get; set; }

    public int? Color { get; set; }

    /// <summary>Characters Discord counts toward the 6000 per message: title, description, field names and values, footer.</summary>
    public int Length => FixedLength + (Description?.Length ?? 0);

    /// <summary><see cref="Length"/> without the description, the part that is shortened first.</summary>
    public int FixedLength => (Title?.Length ?? 0) + Fields.Sum(f => f.Name.Length + f.Value.Length) + (Footer?.Length ?? 0);

    public Embed ToEmbed() => new()
    {
        Title = Title,
        Url = Url,
        Description = string.IsNullOrEmpty(Description) ? null : Description,
        Fields = Fields.Count == 0 ? null : [.. Fields],
        Footer = string.IsNullOrEmpty(Footer) ? null : new EmbedFooter(Footer),
        Color = Color,
    };
}
