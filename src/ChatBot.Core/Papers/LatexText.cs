using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace ChatBot.Core.Papers;

/// <summary>
/// Turns the LaTeX that arXiv titles and abstracts carry into readable plain text: <c>\textbf{Mamba}</c> reads
/// <c>Mamba</c>, <c>$O(n^2)$</c> reads <c>O(n²)</c>, <c>\%</c> reads <c>%</c>, <c>--</c> an en dash, a tie
/// (<c>Fig.~2</c>) a space, citations and labels disappear, accents (<c>B\'ezier</c>) compose, Greek letters and
/// common symbols become their characters, and a macro only its paper defines (<c>\method</c>) reads as its name.
/// Text without LaTeX comes back as it was; <c>~30%</c> and <c>$5 and $10</c> stay as written. Malformed input
/// (an unclosed brace or dollar, a cut-off command) never throws, and the work is linear in the text's length.
/// </summary>
public static class LatexText
{
    private const int MaxDepth = 16;

    private static readonly SearchValues<char> Markup = SearchValues.Create("\\$~`{}");
    private static readonly SearchValues<char> MathMarks = SearchValues.Create("\\^_");

    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε", ["zeta"] = "ζ",
        ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν",
        ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "φ", ["varphi"] = "φ",
        ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω", ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ",
        ["Pi"] = "Π", ["Sigma"] = "Σ", ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["mp"] = "∓", ["div"] = "÷", ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥",
        ["neq"] = "≠", ["ne"] = "≠", ["approx"] = "≈", ["sim"] = "~", ["simeq"] = "≃", ["equiv"] = "≡", ["propto"] = "∝", ["ll"] = "≪", ["gg"] = "≫",
        ["infty"] = "∞", ["partial"] = "∂", ["nabla"] = "∇", ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["in"] = "∈", ["notin"] = "∉",
        ["subset"] = "⊂", ["subseteq"] = "⊆", ["cup"] = "∪", ["cap"] = "∩", ["forall"] = "∀", ["exists"] = "∃", ["emptyset"] = "∅",
        ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["Rightarrow"] = "⇒", ["Leftarrow"] = "⇐", ["leftrightarrow"] = "↔",
        ["mapsto"] = "↦", ["uparrow"] = "↑", ["downarrow"] = "↓", ["ell"] = "ℓ", ["prime"] = "′", ["circ"] = "∘", ["star"] = "⋆", ["ast"] = "*",
        ["mid"] = "|", ["vert"] = "|", ["lVert"] = "‖", ["rVert"] = "‖", ["Vert"] = "‖", ["langle"] = "⟨", ["rangle"] = "⟩",
        ["ldots"] = "…", ["dots"] = "…", ["cdots"] = "⋯", ["textellipsis"] = "…", ["degree"] = "°", ["textdegree"] = "°",
        ["textasciitilde"] = "~", ["textbackslash"] = "\\", ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">",
        ["textendash"] = "–", ["textemdash"] = "—", ["S"] = "§", ["P"] = "¶", ["copyright"] = "©", ["dag"] = "†", ["ddag"] = "‡",
        ["ie"] = "i.e.", ["eg"] = "e.g.", ["etal"] = "et al.", ["etc"] = "etc.", ["vs"] = "vs.", ["wrt"] = "w.r.t.",
        ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["aa"] = "å", ["AA"] = "Å", ["ae"] = "æ", ["AE"] = "Æ",
        ["oe"] = "œ", ["OE"] = "Œ", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ",
        ["quad"] = " ", ["qquad"] = " ", ["newline"] = " ", ["linebreak"] = " ", ["space"] = " ", ["enspace"] = " ", ["thinspace"] = " ",
        ["log"] = "log", ["ln"] = "ln", ["exp"] = "exp", ["max"] = "max", ["min"] = "min", ["arg"] = "arg", ["argmax"] = "argmax", ["argmin"] = "argmin",
        ["sin"] = "sin", ["cos"] = "cos", ["tan"] = "tan", ["lim"] = "lim", ["sup"] = "sup", ["inf"] = "inf", ["det"] = "det", ["dim"] = "dim",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Commands whose argument is not text to read: citations, references, labels, notes and layout.
    private static readonly FrozenSet<string> Dropped = new[]
    {
        "cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "nocite", "ref", "eqref", "autoref", "cref", "Cref",
        "pageref", "label", "footnote", "footnotemark", "thanks", "vspace", "hspace", "includegraphics", "bibliography", "bibliographystyle",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Switches and sizing that change how text looks, not what it says.
    private static readonly FrozenSet<string> Ignored = new[]
    {
        "bf", "it", "em", "rm", "sf", "tt", "sc", "sl", "up", "md", "normalfont", "bfseries", "itshape", "ttfamily", "scshape", "rmfamily",
        "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "left", "right", "big", "Big",
        "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle", "textstyle", "scriptstyle", "noindent", "centering", "limits",
        "nolimits", "protect", "relax", "xspace", "par", "maketitle", "hfill", "vfill", "mathstrut", "strut", "!", "nobreak",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Accent commands and the combining mark each puts on the letter after it.
    private static readonly FrozenDictionary<char, char> Accents = new Dictionary<char, char>
    {
        ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['"'] = '\u0308', ['~'] = '\u0303', ['='] = '\u0304', ['.'] = '\u0307',
        ['c'] = '\u0327', ['v'] = '\u030C', ['u'] = '\u0306', ['H'] = '\u030B', ['k'] = '\u0328', ['r'] = '\u030A',
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, char> Superscripts = Pairs("0123456789+-=()niTaAbBcdDeEgGhHjJklLmMNoOpPrRstTuUvVwWxyz*", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀᵃᴬᵇᴮᶜᵈᴰᵉᴱᵍᴳʰᴴʲᴶᵏˡᴸᵐᴹᴺᵒᴼᵖᴾʳᴿˢᵗᵀᵘᵁᵛⱽʷᵂˣʸᶻ*");

    private static readonly FrozenDictionary<char, char> Subscripts = Pairs("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ");

    /// <summary><paramref name="text"/> with its LaTeX turned into plain text, whitespace folded; the text itself when it has none.</summary>
    public static string ToPlain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Markup) < 0 && !text.Contains("--", StringComparison.Ordinal))
        {
            return text;
        }

        var converter = new Converter(text);
        var output = new StringBuilder(text.Length);
        converter.Convert(0, text.Length, output, math: false, depth: 0);
        return PaperText.CollapseWhitespace(output.ToString().Normalize(NormalizationForm.FormC));
    }

    private static FrozenDictionary<char, char> Pairs(string from, string to)
    {
        var pairs = new Dictionary<char, char>();
        for (var i = 0; i < from.Length; i++)
        {
            pairs.TryAdd(from[i], to[i]);
        }

        return pairs.ToFrozenDictionary();
    }

    /// <summary>One text's conversion: where each brace closes is worked out once, so nothing is scanned twice.</summary>
    private sealed class Converter
    {
        private readonly string _text;
        private readonly int[] _closingBrace;
        private readonly bool _looksLikeLatex;
        private readonly List<int> _dollarClosers = [];
        private readonly List<int> _dollarClosersBeforeDigits = [];
        private readonly bool _hasOpeningQuotes;

        public Converter(string text)
        {
            _text = text;
            _looksLikeLatex = text.Contains('\\', StringComparison.Ordinal);
            _hasOpeningQuotes = text.Contains("``", StringComparison.Ordinal);
            _closingBrace = new int[text.Length];
            var open = new Stack<int>();
            for (var i = 0; i < text.Length; i++)
            {
                _closingBrace[i] = -1;
                if (text[i] == '\\')
                {
                    i++; // an escaped brace is no group
                    if (i < text.Length)
                    {
                        _closingBrace[i] = -1;
                    }
                }
                else if (text[i] == '{')
                {
                    open.Push(i);
                }
                else if (text[i] == '}' && open.Count > 0)
                {
                    _closingBrace[open.Pop()] = i;
                }
                else if (text[i] == '$' && i > 0 && !char.IsWhiteSpace(text[i - 1]))
                {
                    (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) ? _dollarClosersBeforeDigits : _dollarClosers).Add(i);
                }
            }
        }

        public void Convert(int start, int end, StringBuilder output, bool math, int depth)
        {
            var i = start;
            while (i < end)
            {
                var c = _text[i];
                switch (c)
                {
                    case '\\':
                        i = Command(i, end, output, math, depth);
                        break;
                    case '$' when !math:
                        i = Dollar(i, end, output, depth);
                        break;
                    case '{' or '}' when math || _looksLikeLatex:
                        i++;
                        break;
                    case '^' or '_' when math:
                        i = Script(i, end, output, depth, c == '^' ? Superscripts : Subscripts);
                        break;
                    case '~':
                        output.Append(math || IsTie(output, i, end) ? ' ' : '~');
                        i++;
                        break;
                    case '-' when !math && i + 1 < end && _text[i + 1] == '-':
                        var em = i + 2 < end && _text[i + 2] == '-';
                        output.Append(em ? '\u2014' : '\u2013');
                        i += em ? 3 : 2;
                        break;
                    case '`' when i + 1 < end && _text[i + 1] == '`':
                        output.Append('\u201C');
                        i += 2;
                        break;
                    case '\'' when _hasOpeningQuotes && i + 1 < end && _text[i + 1] == '\'':
                        output.Append('\u201D');
                        i += 2;
                        break;
                    default:
                        output.Append(c);
                        i++;
                        break;
                }
            }
        }

        // A tie joins a word (or an abbreviation's dot) to what follows: "Fig.~2", "at~https://…". After a space,
        // a bracket or a digit it is the approximate sign or a range: "~30%", "(~2%)", "13~15M".
        // Two in a row ("~~strikes~~") are no tie either.
        private bool IsTie(StringBuilder output, int at, int end) =>
            output.Length > 0 && (char.IsLetter(output[^1]) || output[^1] is '.' or ')')
            && at + 1 < end && !char.IsWhiteSpace(_text[at + 1]) && _text[at + 1] != '~';

        private int Command(int at, int end, StringBuilder output, bool math, int depth)
        {
            var i = at + 1;
            if (i >= end)
            {
                return end;
            }

            var c = _text[i];
            if (!char.IsAsciiLetter(c))
            {
                switch (c)
                {
                    case '\\':
                        output.Append(' ');
                        return i + 1;
                    case ',' or ';' or ':' or ' ':
                        output.Append(' ');
                        return i + 1;
                    case '!' or '/' or '-':
                        return i + 1;
                    case '(' or '[':
                        return Delimited(i + 1, end, c == '(' ? "\\)" : "\\]", output, depth);
                    case ')' or ']':
                        return i + 1;
                }

                if (!math && Accents.TryGetValue(c, out var mark) && !(c is '.' or '=' && i + 1 < end && !char.IsLetter(_text[i + 1]) && _text[i + 1] != '{'))
                {
                    return Accent(i + 1, end, mark, output, depth);
                }

                output.Append(c); // \% \& \_ \# \$ \{ \}
                return i + 1;
            }

            var nameEnd = i;
            while (nameEnd < end && char.IsAsciiLetter(_text[nameEnd]))
            {
                nameEnd++;
            }

            var name = _text[i..nameEnd];
            var next = nameEnd < end && _text[nameEnd] == '*' ? nameEnd + 1 : nameEnd;
            if (name.Length == 1 && Accents.TryGetValue(name[0], out var letterMark) && next < end && _text[next] == '{')
            {
                return Accent(next, end, letterMark, output, depth);
            }

            if (Dropped.Contains(name))
            {
                TrimTrailingSpace(output);
                return SkipArguments(next, end);
            }

            if (Ignored.Contains(name))
            {
                return next;
            }

            switch (name)
            {
                case "frac" or "dfrac" or "tfrac":
                    return Fraction(next, end, output, depth);
                case "sqrt":
                    return Root(next, end, output, depth);
                case "href":
                    // \href{url}{text}: the text is what reads.
                    var afterUrl = Group(next, end, out _, out _);
                    return afterUrl == next ? next : Argument(afterUrl, end, output, math, depth);
                case "textsuperscript" or "textsubscript":
                    var after = Group(next, end, out var from, out var to);
                    AppendScript(from, to, output, depth, name == "textsuperscript" ? Superscripts : Subscripts, name == "textsuperscript" ? '^' : '_');
                    return after;
            }

            if (Symbols.TryGetValue(name, out var symbol))
            {
                output.Append(symbol);
                return SkipEmptyGroup(next, end);
            }

            if (next < end && _text[next] == '{')
            {
                // \textbf{…}, \emph{…}, \mathcal{…}, \text{…}, a paper's own \name{…}: the argument is what reads.
                return Argument(next, end, output, math, depth);
            }

            output.Append(name); // \method, \hiformer: a macro the paper defines; its name is the best guess
            return SkipEmptyGroup(next, end);
        }

        private int Dollar(int at, int end, StringBuilder output, int depth)
        {
            if (at + 1 < end && _text[at + 1] == '$')
            {
                var close = _text.IndexOf("$$", at + 2, end - at - 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    output.Append("$$");
                    return at + 2;
                }

                MathMode(at + 2, close, output, depth);
                return close + 2;
            }

            // Pandoc's rule (pandoc.org/MANUAL.html, tex_math_dollars): the opening $ has a non-space right after it,
            // the closing $ a non-space right before it and no digit right after it, so "$20,000 and $30,000" is no math.
            var closer = at + 1 < end && !char.IsWhiteSpace(_text[at + 1]) ? NextDollarCloser(at + 2, end) : -1;
            if (closer < 0)
            {
                output.Append('$');
                return at + 1;
            }

            MathMode(at + 1, closer, output, depth);
            return closer + 1;
        }

        // The first $ at or after `from` that may close inline math (precomputed: a text of lone $ stays linear).
        // Pandoc's rule wants no digit after it; "$\sim$30\%" is arXiv's usual way to write ~30%, so a $ before a
        // digit closes too when what it closes is plainly math (a command, a script).
        private int NextDollarCloser(int from, int end)
        {
            var strict = First(_dollarClosers, from, end);
            var beforeDigit = First(_dollarClosersBeforeDigits, from, end);
            if (beforeDigit >= 0 && (strict < 0 || beforeDigit < strict) && _text.AsSpan(from - 1, beforeDigit - from + 1).IndexOfAny(MathMarks) >= 0)
            {
                return beforeDigit;
            }

            return strict;
        }

        private static int First(List<int> positions, int from, int end)
        {
            var index = positions.BinarySearch(from);
            index = index < 0 ? ~index : index;
            return index < positions.Count && positions[index] < end ? positions[index] : -1;
        }

        private int Delimited(int start, int end, string closing, StringBuilder output, int depth)
        {
            var close = _text.IndexOf(closing, start, end - start, StringComparison.Ordinal);
            var stop = close < 0 ? end : close;
            MathMode(start, stop, output, depth);
            return close < 0 ? end : close + closing.Length;
        }

        private void MathMode(int start, int end, StringBuilder output, int depth)
        {
            if (depth < MaxDepth)
            {
                Convert(start, end, output, math: true, depth + 1);
            }
            else
            {
                output.Append(_text, start, end - start);
            }
        }

        private int Script(int at, int end, StringBuilder output, int depth, FrozenDictionary<char, char> marks)
        {
            var i = at + 1;
            while (i < end && _text[i] == ' ')
            {
                i++;
            }

            if (i >= end)
            {
                return end;
            }

            int from, to, after;
            if (_text[i] == '{')
            {
                after = Group(i, end, out from, out to);
            }
            else if (_text[i] == '\\')
            {
                // ^\prime, _\theta: the command's reading is the script.
                var piece = new StringBuilder();
                after = Command(i, end, piece, math: true, depth + 1);
                AppendScript(piece.ToString(), output, marks, _text[at]);
                return after;
            }
            else
            {
                (from, to, after) = (i, i + 1, i + 1);
            }

            AppendScript(from, to, output, depth, marks, _text[at]);
            return after;
        }

        private void AppendScript(int from, int to, StringBuilder output, int depth, FrozenDictionary<char, char> marks, char sign)
        {
            var piece = new StringBuilder();
            if (depth < MaxDepth)
            {
                Convert(from, to, piece, math: true, depth + 1);
            }
            else
            {
                piece.Append(_text, from, to - from);
            }

            AppendScript(piece.ToString(), output, marks, sign);
        }

        private static void AppendScript(string piece, StringBuilder output, FrozenDictionary<char, char> marks, char sign)
        {
            var text = piece.Trim();
            if (text.Length == 0)
            {
                return;
            }

            if (text.All(marks.ContainsKey))
            {
                foreach (var c in text)
                {
                    output.Append(marks[c]);
                }

                return;
            }

            // No script form for every character: written as plain ASCII does, x^(t+1), W_QK.
            output.Append(sign == '^' && text == "′" ? "" : sign.ToString());
            output.Append(text.Length > 1 && sign == '^' ? $"({text})" : text);
        }

        private int Fraction(int at, int end, StringBuilder output, int depth)
        {
            var afterTop = Group(at, end, out var topFrom, out var topTo);
            var afterBottom = Group(afterTop, end, out var bottomFrom, out var bottomTo);
            if (afterTop == at || afterBottom == afterTop)
            {
                return afterBottom;
            }

            var top = Read(topFrom, topTo, depth);
            var bottom = Read(bottomFrom, bottomTo, depth);
            output.Append(Wrapped(top)).Append('/').Append(Wrapped(bottom));
            return afterBottom;
        }

        private int Root(int at, int end, StringBuilder output, int depth)
        {
            var i = at;
            if (i < end && _text[i] == '[')
            {
                var close = _text.IndexOf(']', i, end - i);
                i = close < 0 ? end : close + 1;
            }

            var after = Group(i, end, out var from, out var to);
            output.Append('√');
            if (after != i)
            {
                output.Append(Wrapped(Read(from, to, depth)));
            }

            return after;
        }

        private string Read(int from, int to, int depth)
        {
            var piece = new StringBuilder();
            if (depth < MaxDepth)
            {
                Convert(from, to, piece, math: true, depth + 1);
            }

            return piece.ToString().Trim();
        }

        private static string Wrapped(string text) => text.Length <= 1 || text.All(char.IsLetterOrDigit) ? text : $"({text})";

        private int Accent(int at, int end, char mark, StringBuilder output, int depth)
        {
            var i = at;
            string letter;
            if (i < end && _text[i] == '{')
            {
                var after = Group(i, end, out var from, out var to);
                var piece = new StringBuilder();
                if (depth < MaxDepth)
                {
                    Convert(from, to, piece, math: false, depth + 1);
                }

                letter = piece.ToString();
                i = after;
            }
            else if (i < end && _text[i] == '\\')
            {
                var piece = new StringBuilder();
                i = Command(i, end, piece, math: false, depth + 1);
                letter = piece.ToString();
            }
            else
            {
                while (i < end && _text[i] == ' ')
                {
                    i++;
                }

                letter = i < end ? _text[i].ToString() : "";
                i = Math.Min(i + 1, end);
            }

            // The dotless i and j take the accent as the plain letters do: \'{\i} is í.
            letter = letter.Replace('ı', 'i').Replace('ȷ', 'j');
            output.Append(letter);
            if (letter.Length > 0)
            {
                output.Append(mark);
            }

            return i;
        }

        /// <summary>The braced group at <paramref name="at"/> (after spaces): its inside, and where it ends; <paramref name="at"/> when there is none.</summary>
        private int Group(int at, int end, out int from, out int to)
        {
            var i = at;
            while (i < end && _text[i] == ' ')
            {
                i++;
            }

            if (i >= end || _text[i] != '{')
            {
                from = to = at;
                return at;
            }

            var close = _closingBrace[i];
            from = i + 1;
            to = close < 0 || close >= end ? end : close;
            return close < 0 || close >= end ? end : close + 1;
        }

        private int Argument(int at, int end, StringBuilder output, bool math, int depth)
        {
            var after = Group(at, end, out var from, out var to);
            if (depth < MaxDepth)
            {
                Convert(from, to, output, math, depth + 1);
            }
            else
            {
                output.Append(_text, from, to - from);
            }

            return after;
        }

        // Optional [..] arguments and one braced argument, not read.
        private int SkipArguments(int at, int end)
        {
            var i = at;
            while (i < end && _text[i] == '[')
            {
                var close = _text.IndexOf(']', i, end - i);
                i = close < 0 ? end : close + 1;
            }

            return Group(i, end, out _, out _);
        }

        // "\ldots{}" and "\LaTeX{}": the empty group only ends the command's name.
        private int SkipEmptyGroup(int at, int end) =>
            at + 1 < end && _text[at] == '{' && _text[at + 1] == '}' ? at + 2 : at;

        private static void TrimTrailingSpace(StringBuilder output)
        {
            while (output.Length > 0 && output[^1] is ' ' or '~' or '\u00A0')
            {
                output.Length--;
            }
        }
    }
}
