using System.Xml;
using System.Xml.Linq;
using ChatBot.Core.Papers;

namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Reads the Atom feed of the arXiv API.</summary>
public static class ArxivAtomParser
{
    private const string ErrorIdPrefix = "arxiv.org/api/errors";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    /// <summary>
    /// Reads each entry; an entry without a usable id or title is rejected with its 1-based index and
    /// line. The API's error feed is one rejection quoting the error; malformed XML is one rejection
    /// with the line of the fault. DTDs are refused, never resolved. Never throws on bad content.
    /// </summary>
    public static ParseResult Parse(string content, string origin)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(origin);

        using var text = new StringReader(content);
        if (content.StartsWith('\uFEFF'))
        {
            text.Read();
        }

        using var reader = XmlReader.Create(text, SafeSettings());
        try
        {
            return ReadFeed(reader, origin);
        }
        catch (XmlException e)
        {
            var (line, reason) = Describe(e, content);
            return Rejected(origin, line, reason);
        }
    }

    /// <summary>Streams the feed one entry at a time, so a large feed is never held as one tree.</summary>
    private static ParseResult ReadFeed(XmlReader reader, string origin)
    {
        var lineInfo = reader as IXmlLineInfo;
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            return Rejected(origin, null, "not an Atom feed: no root element");
        }

        if (reader.LocalName != "feed" || reader.NamespaceURI != Atom.NamespaceName)
        {
            return Rejected(origin, lineInfo?.LineNumber, $"not an Atom feed: the root element is <{reader.Name}>");
        }

        var papers = new List<Paper>();
        var rejections = new List<Rejection>();
        var index = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.Depth == 1 && reader.LocalName == "entry" && reader.NamespaceURI == Atom.NamespaceName)
            {
                index++;
                var line = lineInfo?.LineNumber;
                var entry = (XElement)XNode.ReadFrom(reader); // leaves the reader after </entry>
                if (ReadEntry(entry, index, out var problem) is { } paper)
                {
                    papers.Add(paper);
                }
                else
                {
                    rejections.Add(new Rejection(origin, line, problem));
                }
            }
            else
            {
                reader.Skip(); // feed metadata: title, links, opensearch counts
            }
        }

        return new ParseResult(papers, rejections);
    }

    private static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // never expand entities nor fetch external ones
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static Paper? ReadEntry(XElement entry, int index, out string problem)
    {
        var rawId = entry.Element(Atom + "id")?.Value.Trim();
        if (rawId is not null && rawId.Contains(ErrorIdPrefix, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"arXiv API error: \"{Excerpt.Of(entry.Element(Atom + "summary")?.Value, Excerpt.MessageLength)}\"";
            return null;
        }

        if (string.IsNullOrEmpty(rawId))
        {
            problem = $"entry {index}: no id";
            return null;
        }

        if (!ArxivId.TryNormalize(rawId, out var arxivId))
        {
            problem = $"entry {index}: id \"{Excerpt.Of(rawId)}\" is not an arXiv id";
            return null;
        }

        var title = TextFolding.Fold(entry.Element(Atom + "title")?.Value);
        if (title.Length == 0)
        {
            problem = $"entry {index} ({arxivId}): no title";
            return null;
        }

        problem = "";
        return new Paper
        {
            Id = PaperId.FromArxiv(arxivId),
            ArxivId = arxivId,
            Title = title,
            Abstract = TextFolding.Fold(entry.Element(Atom + "summary")?.Value),
            Authors = Names(entry),
            PublishedAt = Timestamps.ParseIso(entry.Element(Atom + "published")?.Value),
            Links = new PaperLinks(Arxiv: ArxivId.AbstractUrl(arxivId)),
            Keywords = Categories(entry),
            Sources = [PaperSources.Arxiv],
        };
    }

    private static List<string> Names(XElement entry)
    {
        var names = new List<string>();
        foreach (var author in entry.Elements(Atom + "author"))
        {
            var name = TextFolding.Fold(author.Element(Atom + "name")?.Value);
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The primary category first, then the others, each once.</summary>
    private static List<string> Categories(XElement entry)
    {
        var categories = new List<string>();
        var terms = entry.Elements(Arxiv + "primary_category").Concat(entry.Elements(Atom + "category"))
            .Select(element => element.Attribute("term")?.Value.Trim());
        foreach (var term in terms)
        {
            if (!string.IsNullOrEmpty(term) && !categories.Contains(term, StringComparer.Ordinal))
            {
                categories.Add(term);
            }
        }

        return categories;
    }

    private static (int? Line, string Reason) Describe(XmlException e, string content)
    {
        // A refused DTD comes without a position: point at the declaration.
        var doctype = content.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (doctype >= 0 && e.LineNumber == 0)
        {
            return (content.AsSpan(0, doctype).Count('\n') + 1, "a DTD (<!DOCTYPE>) is not allowed in a feed");
        }

        // XmlException appends " Line 3, position 5."; the rejection carries the line.
        var at = e.Message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return (e.LineNumber > 0 ? e.LineNumber : null, "malformed XML: " + (at < 0 ? e.Message : e.Message[..at]));
    }

    private static ParseResult Rejected(string origin, int? line, string reason) => new([], [new Rejection(origin, line, reason)]);
}
