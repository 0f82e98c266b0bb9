using System.Text;

namespace ChatBot.Console;

/// <summary>
/// Reads one line from an interactive terminal with editing (arrows, Home/End, Backspace/Delete,
/// Escape clears) and history (Up/Down). Returns null on Ctrl+D at an empty line. Lines redraw with
/// ANSI sequences, which every terminal .NET supports understands.
/// </summary>
internal sealed class LineEditor(CommandHistory history)
{
    public string? ReadLine(string prompt)
    {
        var buffer = new StringBuilder();
        var cursor = 0;
        var recalled = history.Entries.Count;
        System.Console.Write(prompt);
        while (true)
        {
            var key = System.Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    System.Console.WriteLine();
                    return buffer.ToString();
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    if (buffer.Length == 0)
                    {
                        System.Console.WriteLine();
                        return null;
                    }

                    break;
                case ConsoleKey.Backspace when cursor > 0:
                    buffer.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < buffer.Length:
                    buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < buffer.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = buffer.Length;
                    break;
                case ConsoleKey.Escape:
                    buffer.Clear();
                    cursor = 0;
                    break;
                case ConsoleKey.UpArrow when recalled > 0:
                    Recall(buffer, history.Entries[--recalled], out cursor);
                    break;
                case ConsoleKey.DownArrow when recalled < history.Entries.Count:
                    recalled++;
                    Recall(buffer, recalled < history.Entries.Count ? history.Entries[recalled] : "", out cursor);
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        buffer.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            Redraw(prompt, buffer, cursor);
        }
    }

    private static void Recall(StringBuilder buffer, string line, out int cursor)
    {
        buffer.Clear().Append(line);
        cursor = buffer.Length;
    }

    private static void Redraw(string prompt, StringBuilder buffer, int cursor)
    {
        var back = buffer.Length - cursor;
        System.Console.Write($"\r{prompt}{buffer}\u001b[K{(back > 0 ? $"\u001b[{back}D" : "")}");
    }
}
