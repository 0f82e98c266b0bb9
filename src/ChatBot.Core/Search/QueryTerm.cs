namespace ChatBot.Core.Search;

/// <summary>
/// One word or phrase of a query, as the user typed it (case and accents kept; the index
/// analyzes it the same way it analyzed the papers).
/// </summary>
public sealed record QueryTerm(QueryField Field, string Text, bool IsPhrase)
{
    public override string ToString()
    {
        var text = IsPhrase ? $"\"{Text}\"" : Text;
        return Field switch
        {
            QueryField.Title => "title:" + text,
            QueryField.Author => "author:" + text,
            _ => text,
        };
    }
}
