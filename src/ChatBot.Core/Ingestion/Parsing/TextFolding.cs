using System.Buffers;

namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Folds line breaks, tabs and runs of spaces into single spaces and trims the ends.</summary>
internal static class TextFolding
{
    private static readonly SearchValues<char> WhitespaceButSpace = CreateWhitespaceButSpace();

    public static string Fold(string? text) => text is null ? "" : Fold(text.AsSpan());

    public static string Fold(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (!NeedsFolding(text))
        {
            return text.ToString();
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = c;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>True when the text holds whitespace other than single spaces (checked with vectorized searches).</summary>
    private static bool NeedsFolding(ReadOnlySpan<char> text) =>
        text.IndexOfAny(WhitespaceButSpace) >= 0 || text.IndexOf("  ", StringComparison.Ordinal) >= 0;

    /// <summary>Every char <see cref="char.IsWhiteSpace(char)"/> accepts, except the plain space.</summary>
    private static SearchValues<char> CreateWhitespaceButSpace()
    {
        var chars = new List<char>();
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (char.IsWhiteSpace(c) && c != ' ')
            {
                chars.Add(c);
            }
        }

        return SearchValues.Create([.. chars]);
    }
}
