using System.Globalization;
using System.Numerics;
using System.Text;

namespace Watchbot.Extraction.Evaluation;

/// <summary>Text the way <c>score_extraction.py</c> writes it, so the two reports compare line by line: <c>f"{x:.2f}"</c>,
/// <c>s[:n]</c>, <c>re.sub(r"\s+", " ", s)</c>, <c>str(list)</c> and <c>str(number)</c>.</summary>
public static class PyText
{
    /// <summary><c>f"{x:.2f}"</c>: the exact binary value rounded half to even (0.125 is "0.12", where .NET's "F2" says "0.13").</summary>
    public static string Fixed2(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return x.ToString(CultureInfo.InvariantCulture);
        }

        var negative = x < 0;
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        // |x| = mantissa * 2^(exponent - 1075); hundredths = round_half_even(|x| * 100).
        var shift = exponent - 1075;
        var scaled = new BigInteger(mantissa) * 100;
        BigInteger hundredths;
        if (shift >= 0)
        {
            hundredths = scaled << shift;
        }
        else
        {
            var quotient = scaled >> -shift;
            var remainder = scaled - (quotient << -shift);
            var half = BigInteger.One << (-shift - 1);
            var compare = remainder.CompareTo(half);
            hundredths = compare > 0 || (compare == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
        }

        var whole = BigInteger.DivRem(hundredths, 100, out var cents);
        var sign = negative ? "-" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{(int)cents:00}");
    }

    /// <summary><c>s[:n]</c>: the first <paramref name="n"/> code points.</summary>
    public static string Head(string? s, int n)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }

        var end = 0;
        for (var taken = 0; taken < n && end < s.Length; taken++)
        {
            end += char.IsHighSurrogate(s[end]) && end + 1 < s.Length && char.IsLowSurrogate(s[end + 1]) ? 2 : 1;
        }

        return s[..end];
    }

    /// <summary><c>re.sub(r"\s+", " ", s)</c>: every run of white space (Python's, which includes \x1c-\x1f) becomes one space.</summary>
    public static string CollapseSpace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var inSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f')
            {
                if (!inSpace)
                {
                    sb.Append(' ');
                }

                inSpace = true;
                continue;
            }

            sb.Append(c);
            inSpace = false;
        }

        return sb.ToString();
    }

    /// <summary><c>str(x)</c> of a JSON number: 5 for an integer, 6.1 for a fraction.</summary>
    public static string Number(double x) =>
        x == Math.Floor(x) && Math.Abs(x) < 1e16 ? ((long)x).ToString(CultureInfo.InvariantCulture) : x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><c>str(list_of_strings)</c>: ['a', 'b'], a string holding ' (and no ") in double quotes.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Repr)) + "]";

    /// <summary><c>str(x)</c> of an optional string: None when absent.</summary>
    public static string Str(string? s) => s ?? "None";

    private static string Repr(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                _ => c.ToString(),
            });
        }

        return sb.Append(quote).ToString();
    }
}
