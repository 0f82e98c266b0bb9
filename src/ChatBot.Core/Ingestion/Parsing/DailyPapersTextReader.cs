using ChatBot.Core.Papers;

namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>
/// Reads daily-papers page text line by line. A block is a title, an abstract and optionally an
/// author count, a <c>·</c> and a date line; blank lines between parts may or may not be there.
/// A block that cannot be read is rejected at the line where it starts and skipped; the blocks
/// around it still come through.
/// </summary>
internal sealed class DailyPapersTextReader(string origin)
{
    private readonly List<Paper> _papers = [];
    private readonly List<Rejection> _rejections = [];
    private DailyPapersBlockState _state = DailyPapersBlockState.None;
    private int _blockLine;
    private PaperId _id;
    private string _title = "";
    private string _abstract = "";
    private int? _authorCount;

    public ParseResult Read(ReadOnlySpan<char> content)
    {
        if (!content.IsEmpty && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        // Lines end in \n, \r\n or \r, as an editor would number them.
        for (var lineNumber = 1; ; lineNumber++)
        {
            var end = content.IndexOfAny('\r', '\n');
            Accept(end < 0 ? content : content[..end], lineNumber);
            if (end < 0)
            {
                break;
            }

            var next = end + 1;
            if (content[end] == '\r' && next < content.Length && content[next] == '\n')
            {
                next++;
            }

            content = content[next..];
        }

        switch (_state)
        {
            case DailyPapersBlockState.Abstract:
                Emit(date: null, upvotes: null);
                break;
            case DailyPapersBlockState.Title:
                RejectTitleWithoutAbstract();
                break;
        }

        return new ParseResult(_papers, _rejections);
    }

    private void Accept(ReadOnlySpan<char> line, int lineNumber)
    {
        switch (DailyPapersLines.Classify(line, out var text))
        {
            case DailyPapersLineKind.Text:
                OnText(text, lineNumber);
                break;
            case DailyPapersLineKind.Authors:
                OnAuthors(text, lineNumber);
                break;
            case DailyPapersLineKind.Date:
                OnDate(text, lineNumber);
                break;
            default:
                break; // blank lines, page headers and the "·" separator carry nothing
        }
    }

    private void OnText(ReadOnlySpan<char> text, int lineNumber)
    {
        switch (_state)
        {
            case DailyPapersBlockState.Abstract:
                Emit(date: null, upvotes: null); // a paper without author count and date (files 000-002)
                StartBlock(text, lineNumber);
                break;
            case DailyPapersBlockState.Title when DailyPapersLines.IsCertainlyTitle(text):
                RejectTitleWithoutAbstract();
                StartBlock(text, lineNumber);
                break;
            case DailyPapersBlockState.Title:
                _abstract = TextFolding.Fold(text);
                _state = DailyPapersBlockState.Abstract;
                break;
            case DailyPapersBlockState.BadTitle when !DailyPapersLines.IsCertainlyTitle(text):
                _state = DailyPapersBlockState.Skipping; // the rejected block's abstract
                break;
            default:
                StartBlock(text, lineNumber);
                break;
        }
    }

    private void StartBlock(ReadOnlySpan<char> text, int lineNumber)
    {
        if (DailyPapersLines.IsCertainlyAbstract(text))
        {
            Reject(lineNumber, $"abstract with no title: \"{Excerpt.Of(text)}\"");
            _state = DailyPapersBlockState.Skipping;
            return;
        }

        var title = TextFolding.Fold(text);
        if (!PaperId.TryParse(PaperId.TitlePrefix + title, out var id))
        {
            Reject(lineNumber, $"title \"{Excerpt.Of(title)}\" has no letter or digit");
            _state = DailyPapersBlockState.BadTitle;
            return;
        }

        _blockLine = lineNumber;
        _id = id;
        _title = title;
        _abstract = "";
        _authorCount = null;
        _state = DailyPapersBlockState.Title;
    }

    private void OnAuthors(ReadOnlySpan<char> text, int lineNumber)
    {
        switch (_state)
        {
            case DailyPapersBlockState.Abstract when _authorCount is not null:
                Reject(_blockLine, $"second author count \"• {Excerpt.Of(text)}\"");
                _state = DailyPapersBlockState.Skipping;
                break;
            case DailyPapersBlockState.Abstract when DailyPapersLines.TryParseAuthorCount(text, out var count):
                _authorCount = count;
                break;
            case DailyPapersBlockState.Abstract:
                Reject(_blockLine, $"\"• {Excerpt.Of(text)}\" is not an author count");
                _state = DailyPapersBlockState.Skipping;
                break;
            case DailyPapersBlockState.Title:
                RejectTitleWithoutAbstract();
                _state = DailyPapersBlockState.Skipping;
                break;
            case DailyPapersBlockState.None:
                Reject(lineNumber, $"author count \"• {Excerpt.Of(text)}\" has no paper above it");
                _state = DailyPapersBlockState.Skipping;
                break;
            default:
                _state = DailyPapersBlockState.Skipping;
                break;
        }
    }

    private void OnDate(ReadOnlySpan<char> text, int lineNumber)
    {
        switch (_state)
        {
            case DailyPapersBlockState.Abstract:
                if (DailyPapersLines.TryParseDateLine(text, out var date, out var upvotes, out var problem))
                {
                    Emit(date, upvotes);
                }
                else
                {
                    Reject(_blockLine, problem);
                    _state = DailyPapersBlockState.Skipping;
                }

                break;
            case DailyPapersBlockState.Title:
                RejectTitleWithoutAbstract();
                _state = DailyPapersBlockState.Skipping;
                break;
            case DailyPapersBlockState.None:
                Reject(lineNumber, $"date \"{Excerpt.Of(text)}\" has no paper above it");
                _state = DailyPapersBlockState.Skipping;
                break;
            default:
                _state = DailyPapersBlockState.Skipping;
                break;
        }
    }

    private void Emit(DateTimeOffset? date, int? upvotes)
    {
        _papers.Add(new Paper
        {
            Id = _id,
            Title = _title,
            Abstract = _abstract,
            AuthorCount = _authorCount,
            PublishedAt = date,
            Upvotes = upvotes,
            Sources = [PaperSources.File],
        });
        _state = DailyPapersBlockState.None;
    }

    private void RejectTitleWithoutAbstract() => Reject(_blockLine, $"title \"{Excerpt.Of(_title)}\" has no abstract");

    private void Reject(int lineNumber, string reason) => _rejections.Add(new Rejection(origin, lineNumber, reason));
}
