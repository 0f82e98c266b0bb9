using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>The arXiv API (<c>GET /api/query</c>), newest submissions in a few categories.</summary>
public sealed partial class ArxivSourceOptions : IValidatableObject
{
    public const string SectionName = "Sources:Arxiv";

    /// <summary>arXiv's terms of use ask for no more than one request every three seconds.</summary>
    public const string MinimumRequestSpacing = "00:00:03";

    /// <summary>Used when <see cref="Categories"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultCategories = ["cs.CL", "cs.CV", "cs.LG", "cs.AI"];

    public bool Enabled { get; set; }

    [Required(ErrorMessage = "Sources:Arxiv:BaseUrl is required.")]
    [HttpUrl(ErrorMessage = "Sources:Arxiv:BaseUrl must be an absolute http or https URL.")]
    public Uri BaseUrl { get; set; } = new("https://export.arxiv.org");

    /// <summary>
    /// arXiv categories (<c>cs.CL</c>, <c>stat.ML</c>, <c>hep-th</c>); empty means <see cref="DefaultCategories"/>.
    /// The default lives outside the list because configuration binding adds to a list rather than replacing it.
    /// </summary>
    public IList<string> Categories { get; } = [];

    /// <summary>How many of the newest papers one fetch reads.</summary>
    [Range(1, 10_000, ErrorMessage = "Sources:Arxiv:MaxResults must be between {1} and {2}.")]
    public int MaxResults { get; set; } = 200;

    /// <summary>Entries per request (the API's <c>max_results</c>).</summary>
    [Range(1, 2000, ErrorMessage = "Sources:Arxiv:PageSize must be between {1} and {2}.")]
    public int PageSize { get; set; } = 100;

    /// <summary>The least time between two requests.</summary>
    [Range(typeof(TimeSpan), MinimumRequestSpacing, "00:10:00",
        ErrorMessage = "Sources:Arxiv:RequestSpacing must be between {1} (arXiv's terms of use) and {2}.")]
    public TimeSpan RequestSpacing { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The longest one fetch (every page, the spacing between them and the bodies included) may take before it fails and is tried again next time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "02:00:00", ErrorMessage = "Sources:Arxiv:FetchTimeout must be between {1} and {2}.")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A larger response is not read (a page of 100 entries is well under 1 MiB; of 2000, a few MiB).</summary>
    [Range(1024d, 1024d * 1024 * 1024, ErrorMessage = "Sources:Arxiv:MaxResponseBytes must be between 1024 (1 KiB) and 1073741824 (1 GiB).")]
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>The categories a fetch asks for.</summary>
    public IReadOnlyList<string> EffectiveCategories => Categories.Count > 0 ? [.. Categories] : DefaultCategories;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var category in Categories)
        {
            if (!CategoryPattern().IsMatch(category ?? ""))
            {
                yield return new ValidationResult(
                    $"Sources:Arxiv:Categories has '{category}', which is not an arXiv category (e.g. cs.CL, stat.ML, hep-th).",
                    [nameof(Categories)]);
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z]+(-[A-Za-z]+)?(\.[A-Za-z]{2,})?$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryPattern();
}
