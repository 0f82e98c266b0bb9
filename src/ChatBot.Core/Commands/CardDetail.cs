namespace ChatBot.Core.Commands;

/// <summary>How much of a paper a card shows.</summary>
public enum CardDetail
{
    /// <summary>Title, link, one line of context, authors, date, upvotes.</summary>
    Brief,

    /// <summary>Everything: the abstract (folded to a readable length), keywords and every link.</summary>
    Full,
}
