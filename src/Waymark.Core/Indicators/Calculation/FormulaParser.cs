using System.Globalization;
using System.Text;

namespace Waymark.Core.Indicators.Calculation;

/// <summary>
/// Reads a formula's text: first into tokens, then by recursive descent into <see cref="FormulaNode"/>s. Every
/// mistake becomes a plain-English message naming the character it is at (counting from 1), never an exception, and
/// brackets may nest only <see cref="Formula.MaxDepth"/> deep, so no text can exhaust the stack.
/// </summary>
internal sealed class FormulaParser
{
    private readonly List<Token> _tokens;
    private readonly List<string> _variables = [];
    private int _next;
    private int _depth;
    private (string Message, int? Position)? _error;

    private FormulaParser(List<Token> tokens) => _tokens = tokens;

    private enum Kind
    {
        Number,
        Name,
        Plus,
        Minus,
        Times,
        Divide,
        Open,
        Close,
        Comma,
        End,
    }

    public static FormulaParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FormulaParseResult.Failure("The formula is empty", null);
        }

        // Spaces are not counted, so that the normalised text (which adds them around operators) parses again.
        var length = text.Count(c => !char.IsWhiteSpace(c));
        if (length > Formula.MaxLength)
        {
            return FormulaParseResult.Failure(
                $"The formula is too long: it has {length} characters (not counting spaces), and at most "
                + $"{Formula.MaxLength} are allowed",
                null);
        }

        var tokens = new List<Token>();
        if (Tokenize(text, tokens) is { } lexError)
        {
            return FormulaParseResult.Failure(lexError.Message, lexError.Position);
        }

        var parser = new FormulaParser(tokens);
        var root = parser.ParseSum();
        if (root is not null && parser.Peek.Kind != Kind.End)
        {
            parser.FailAfterOperand(parser.Peek);
        }

        return parser._error is { } error
            ? FormulaParseResult.Failure(error.Message, error.Position)
            : FormulaParseResult.Success(new Formula(root!, parser._variables));
    }

    private Token Peek => _tokens[_next];

    private Token Previous => _tokens[_next - 1];

    // sum := product (('+' | '-') product)*
    private FormulaNode? ParseSum() => ParseLeftAssociative(ParseProduct, Kind.Plus, '+', Kind.Minus, '-');

    // product := negation (('×' | '*' | '÷' | '/') negation)*
    private FormulaNode? ParseProduct() => ParseLeftAssociative(ParseNegation, Kind.Times, '*', Kind.Divide, '/');

    // operand ((first | second) operand)*, folded to the left: A - B - C is (A - B) - C. A loop, so long is not deep.
    private FormulaNode? ParseLeftAssociative(
        Func<FormulaNode?> operand, Kind first, char firstOp, Kind second, char secondOp)
    {
        var left = operand();
        while (left is not null && (Peek.Kind == first || Peek.Kind == second))
        {
            var op = _tokens[_next++].Kind == first ? firstOp : secondOp;
            var right = operand();
            left = right is null ? null : new BinaryNode(op, left, right);
        }

        return left;
    }

    // negation := '-'* atom. A loop, not recursion: "------A" is long, not deep.
    private FormulaNode? ParseNegation()
    {
        var minuses = 0;
        while (Peek.Kind == Kind.Minus)
        {
            _next++;
            minuses++;
        }

        var node = ParseAtom();
        for (var i = 0; i < minuses && node is not null; i++)
        {
            node = new NegateNode(node);
        }

        return node;
    }

    // atom := number | variable | function '(' sum (',' sum)* ')' | '(' sum ')'
    private FormulaNode? ParseAtom()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case Kind.Number:
                _next++;
                return new NumberNode(token.Number);
            case Kind.Name when _tokens[_next + 1].Kind == Kind.Open:
                return ParseFunction();
            case Kind.Name when FunctionNode.Known.TryGetValue(token.Text, out var function):
                return Fail(
                    $"'{token.Text}' at character {token.Position} is a function: write it as {function.Usage}",
                    token.Position);
            case Kind.Name:
                _next++;
                var name = token.Text.ToUpperInvariant();
                if (!_variables.Contains(name))
                {
                    _variables.Add(name);
                }

                return new VariableNode(name);
            case Kind.Open:
                if (!Enter(token))
                {
                    return null;
                }

                _next++;
                var inner = ParseSum();
                if (inner is null || !Close(token, ""))
                {
                    return null;
                }

                return inner;
            case Kind.End:
                return Fail(
                    $"The formula ends too soon: a number or name is missing after '{Previous.Text}' at character "
                    + $"{Previous.Position}",
                    Previous.Position);
            default:
                return Fail($"Unexpected '{token.Text}' at character {token.Position}", token.Position);
        }
    }

    private FormulaNode? ParseFunction()
    {
        var nameToken = _tokens[_next];
        var name = nameToken.Text.ToLowerInvariant();
        if (!FunctionNode.Known.TryGetValue(name, out var function))
        {
            return Fail(
                $"Unknown function '{nameToken.Text}' at character {nameToken.Position}: the functions are min, max, "
                + "abs and round",
                nameToken.Position);
        }

        var open = _tokens[_next + 1];
        if (!Enter(open))
        {
            return null;
        }

        _next += 2;
        var arguments = new List<FormulaNode>();
        while (true)
        {
            var argument = ParseSum();
            if (argument is null)
            {
                return null;
            }

            arguments.Add(argument);
            if (Peek.Kind != Kind.Comma)
            {
                break;
            }

            _next++;
        }

        if (!Close(open, $" of {name}"))
        {
            return null;
        }

        if (arguments.Count != function.Arity)
        {
            var values = function.Arity == 1 ? "one value" : $"{function.Arity} values";
            return Fail(
                $"'{name}' at character {nameToken.Position} takes {values}, written {function.Usage}, but has "
                + $"{arguments.Count}",
                nameToken.Position);
        }

        // The places are fixed in the formula, so a formula cannot fail at evaluation for want of a sensible n.
        if (name == "round" && !IsWholePlaces(arguments[1]))
        {
            return Fail(
                $"In 'round' at character {nameToken.Position}, the number of decimal places must be a whole number "
                + "from 0 to 28",
                nameToken.Position);
        }

        return new FunctionNode(name, arguments);
    }

    // Opening a bracket: refuse past the depth limit, before recursing any further.
    private bool Enter(Token open)
    {
        if (++_depth > Formula.MaxDepth)
        {
            Fail(
                $"The formula is nested too deeply at character {open.Position}: at most {Formula.MaxDepth} brackets "
                + "may be open at once",
                open.Position);
            return false;
        }

        return true;
    }

    // Expects the ')' matching open; what stands there instead decides the message.
    private bool Close(Token open, string ofWhat)
    {
        if (Peek.Kind == Kind.Close)
        {
            _next++;
            _depth--;
            return true;
        }

        if (Peek.Kind == Kind.End)
        {
            Fail($"The '('{ofWhat} at character {open.Position} is not closed: a ')' is missing", open.Position);
        }
        else
        {
            FailAfterOperand(Peek);
        }

        return false;
    }

    // Something other than an operator follows a complete value.
    private void FailAfterOperand(Token token)
    {
        if (token.Kind is Kind.Number or Kind.Name or Kind.Open)
        {
            Fail($"An operator is missing before '{token.Text}' at character {token.Position}", token.Position);
        }
        else if (token.Kind == Kind.Comma)
        {
            Fail(
                $"Unexpected ',' at character {token.Position}: commas only separate the values of min, max and round",
                token.Position);
        }
        else
        {
            Fail($"Unexpected '{token.Text}' at character {token.Position}", token.Position);
        }
    }

    private FormulaNode? Fail(string message, int? position)
    {
        _error ??= (message, position);
        return null;
    }

    // Splits the text into tokens; returns the first mistake, if any.
    private static (string Message, int Position)? Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var position = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var start = i;
                i = AfterDigits(text, i);
                if (ThousandsSeparated(text, start, i) is { } written)
                {
                    var plain = written.Replace(",", "", StringComparison.Ordinal);
                    return ($"Use numbers without thousands separators: write {plain}, not {written} (character "
                        + $"{position}). Between the values of a function, put a space after the comma", position);
                }

                i = AfterFraction(text, i);
                var digits = text[start..i];
                if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                {
                    return ($"The number at character {position} is too large", position);
                }

                tokens.Add(new Token(Kind.Number, digits, position, n));
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Name, text[start..i], position, 0));
                continue;
            }

            Kind? kind = c switch
            {
                '+' => Kind.Plus,
                '-' => Kind.Minus,
                '*' or '×' => Kind.Times,
                '/' or '÷' => Kind.Divide,
                '(' => Kind.Open,
                ')' => Kind.Close,
                ',' => Kind.Comma,
                _ => null,
            };
            if (kind is null)
            {
                var shown = Rune.TryGetRuneAt(text, i, out var rune) ? rune.ToString() : c.ToString();
                var hint = c == '.' ? ": write a number with a digit before the point, like 0.5" : "";
                return ($"Unexpected character '{shown}' at character {position}{hint}", position);
            }

            tokens.Add(new Token(kind.Value, c.ToString(), position, 0));
            i++;
        }

        tokens.Add(new Token(Kind.End, "", text.Length + 1, 0));
        return null;
    }

    // "1,000" or "12,345,678.5": digits then groups of a comma and exactly three digits. Returns the number as written.
    private static string? ThousandsSeparated(string text, int start, int end)
    {
        var i = end;
        while (i + 3 < text.Length && text[i] == ',' && char.IsAsciiDigit(text[i + 1])
               && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])
               && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4])))
        {
            i += 4;
        }

        if (i == end)
        {
            return null;
        }

        return text[start..AfterFraction(text, i)];
    }

    private static int AfterDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    // A number's decimal part, if any: a point followed by at least one digit.
    private static int AfterFraction(string text, int i) =>
        i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]) ? AfterDigits(text, i + 1) : i;

    private static bool IsWholePlaces(FormulaNode node) =>
        node is NumberNode { Value: >= 0 and <= 28 } places && places.Value % 1 == 0;

    private readonly record struct Token(Kind Kind, string Text, int Position, decimal Number);
}
