using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>The Hugging Face daily papers list (<c>GET /api/daily_papers</c>).</summary>
public sealed class HuggingFaceSourceOptions
{
    public const string SectionName = "Sources:HuggingFace";

    public bool Enabled { get; set; } = true;

    [Required(ErrorMessage = "Sources:HuggingFace:BaseUrl is required.")]
    [HttpUrl(ErrorMessage = "Sources:HuggingFace:BaseUrl must be an absolute http or https URL.")]
    public Uri BaseUrl { get; set; } = new("https://huggingface.co");

    /// <summary>How many days before today (UTC) are fetched as well; lists keep changing for a few days.</summary>
    [Range(0, 30, ErrorMessage = "Sources:HuggingFace:PastDays must be between {1} and {2}.")]
    public int PastDays { get; set; } = 3;

    /// <summary>Items per request (the API's <c>limit</c>); Hugging Face serves at most 100.</summary>
    [Range(1, 100, ErrorMessage = "Sources:HuggingFace:PageSize must be between {1} and {2}.")]
    public int PageSize { get; set; } = 100;

    /// <summary>The longest one fetch (every page of every day, bodies included) may take before it fails and is tried again next time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Sources:HuggingFace:FetchTimeout must be between {1} and {2}.")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A larger response is not read (a page of 100 papers is well under 1 MiB).</summary>
    [Range(1024d, 1024d * 1024 * 1024, ErrorMessage = "Sources:HuggingFace:MaxResponseBytes must be between 1024 (1 KiB) and 1073741824 (1 GiB).")]
    public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;
}
