using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Codegen.Testing;

/// <summary>
/// Seeded random values for the differential tests (against the AWS SDKs for .NET and JavaScript), biased towards edge cases: unicode (including characters
/// outside the Basic Multilingual Plane), empty strings, the JSON escapes, extreme numbers, empty and long
/// collections, unknown enum values. The same seed gives the same values on every run and machine
/// (<see cref="Random"/> with a seed is deterministic), so a failing case is reproduced from its seed alone.
/// </summary>
public sealed class Gen
{
    /// <summary>Strings that have broken JSON writers and readers before; picked often.</summary>
    private static readonly string[] EdgeStrings =
    {
        string.Empty,
        " ",
        "plain",
        "héllo wörld – ünïcödé",
        "日本語のテキスト",
        "😀",
        "a😀b𝄞c🏳️‍🌈",
        "👩‍👩‍👧‍👦 family",
        "\U00010348\U0001F4A9\U000E0001",
        "e\u0301 combining",
        "עברית العربية",
        "quote \" backslash \\ slash /",
        "tab\tnewline\ncr\r",
        "\u0000\u0001\u001f control",
        "\u007f DEL",
        "\u2028 line and paragraph \u2029 separators",
        "\ufeff BOM",
        "<script>alert('x')</script> & +",
        "null",
        "true",
        "12345",
        "-0.0e-0",
        "{\"not\":\"json\"}",
        "\uffff\ufffe",
        "lone \ud800 high and \udc00 low surrogates", // not Unicode scalars: both sides send U+FFFD for each
    };

    private static readonly (int From, int To)[] CharacterRanges =
    {
        (0x20, 0x7e),       // ASCII printable
        (0xa0, 0x17f),      // Latin-1 supplement, Latin extended-A
        (0x370, 0x3ff),     // Greek
        (0x400, 0x4ff),     // Cyrillic
        (0x4e00, 0x4fff),   // CJK
        (0x1f600, 0x1f64f), // emoticons (astral: surrogate pairs in UTF-16)
        (0x10000, 0x1007f), // Linear B (astral)
        (0x0, 0x1f),        // C0 controls (escaped in JSON)
    };

    private readonly Random _random;

    public Gen(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
    }

    public int Seed { get; }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    /// <summary>A value or, with probability <paramref name="absent"/>, nothing (for optional members).</summary>
    public T? Maybe<T>(Func<T> value, double absent = 0.4)
        where T : class => Chance(absent) ? null : value();

    /// <summary>As <see cref="Maybe{T}"/>, for value types.</summary>
    public T? MaybeValue<T>(Func<T> value, double absent = 0.4)
        where T : struct => Chance(absent) ? null : value();

    public bool Bool() => _random.Next(2) == 0;

    /// <summary>An edge-case string, a random unicode string, or occasionally a long one.</summary>
    public string String()
    {
        var roll = _random.Next(10);
        if (roll < 4)
        {
            return Pick(EdgeStrings);
        }

        if (roll == 9 && Chance(0.2))
        {
            return new string('x', 1000) + RandomText(_random.Next(1, 200));
        }

        return RandomText(_random.Next(0, 16));
    }

    /// <summary>A short identifier-like string (for map keys and names), still sometimes unicode or empty.</summary>
    public string Key()
    {
        var roll = _random.Next(10);
        return roll switch
        {
            0 => Pick(EdgeStrings),
            1 => RandomText(_random.Next(1, 6)),
            _ => "k" + _random.Next(0, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private string RandomText(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var (from, to) = CharacterRanges[_random.Next(CharacterRanges.Length)];
            var code = _random.Next(from, to + 1);
            builder.Append(char.ConvertFromUtf32(code));
        }

        return builder.ToString();
    }

    public int Int() => _random.Next(8) switch
    {
        0 => 0,
        1 => -1,
        2 => int.MaxValue,
        3 => int.MinValue,
        4 => 1,
        5 => _random.Next(-1000, 1000),
        _ => _random.Next(int.MinValue, int.MaxValue),
    };

    public long Long() => _random.Next(8) switch
    {
        0 => 0L,
        1 => -1L,
        2 => long.MaxValue,
        3 => long.MinValue,
        4 => 9007199254740993L, // 2^53 + 1: not exact as a double
        5 => _random.Next(-1000, 1000),
        _ => _random.NextInt64(long.MinValue, long.MaxValue),
    };

    public double Double() => _random.Next(12) switch
    {
        0 => 0d,
        1 => -1.5d,
        2 => double.MaxValue,
        3 => double.Epsilon,
        4 => -double.MaxValue,
        5 => 1e-300,
        6 => 0.1d + 0.2d,
        7 => _random.Next(-1000, 1000),
        8 => 123456789.125d,
        _ => (_random.NextDouble() - 0.5d) * Math.Pow(10, _random.Next(-20, 20)),
    };

    /// <summary>Random bytes: often empty or tiny, sometimes a few hundred.</summary>
    public byte[] Bytes()
    {
        var length = _random.Next(6) switch
        {
            0 => 0,
            1 => 1,
            2 => _random.Next(2, 4),
            5 => _random.Next(100, 600),
            _ => _random.Next(4, 48),
        };
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// A timestamp with millisecond precision (the precision of the epoch-seconds wire form), between 1900 and 2200,
    /// often on whole seconds, sometimes at the epoch or just before it.
    /// </summary>
    public DateTimeOffset Timestamp()
    {
        var milliseconds = _random.Next(6) switch
        {
            0 => 0L,
            1 => -1L,
            2 => 1_000L * _random.NextInt64(-2_208_988_800L, 7_258_118_400L),
            3 => 1L,
            _ => _random.NextInt64(-2_208_988_800_000L, 7_258_118_400_000L),
        };
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>
    /// A timestamp as an application has one (e.g. <see cref="DateTimeOffset.UtcNow"/>): often with ticks finer than
    /// the millisecond, which the epoch-seconds wire form cannot carry.
    /// </summary>
    public DateTimeOffset PreciseTimestamp()
    {
        var timestamp = Timestamp();
        return Chance(0.5) ? timestamp.AddTicks(_random.Next(1, (int)TimeSpan.TicksPerMillisecond)) : timestamp;
    }

    /// <summary>A known value of an enum, or (one time in four) a value the model does not list.</summary>
    /// <remarks>
    /// Unknown values never differ from a known one by case alone: the SDK maps such a value to the known spelling
    /// before sending it (<c>ConstantClass.Intern</c>, "mapping any-cased values ... to the specific casing required
    /// by the service"), while the generated enums keep the value as given. Enum values are case-sensitive on the
    /// wire, so that is a deliberate difference of the SDK, not one the protocol allows; it is not exercised here.
    /// </remarks>
    public string Enum(IReadOnlyList<string> known)
    {
        if (known.Count > 0 && !Chance(0.25))
        {
            return Pick(known);
        }

        return _random.Next(4) switch
        {
            0 => "FUTURE_VALUE_" + _random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => known.Count > 0 ? Pick(known) + "_V2" : "V2",
            2 => string.Empty,
            _ => "Ünknown😀",
        };
    }

    public List<T> List<T>(Func<T> item, int max = 4)
    {
        var count = _random.Next(5) == 0 ? 0 : _random.Next(1, max + 1);
        return Enumerable.Range(0, count).Select(_ => item()).ToList();
    }

    /// <summary>A map with distinct keys from <paramref name="key"/> (or <see cref="Key"/>).</summary>
    public Dictionary<string, T> Map<T>(Func<T> value, int max = 4, Func<string>? key = null)
    {
        var count = _random.Next(5) == 0 ? 0 : _random.Next(1, max + 1);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            map[(key ?? Key)()] = value();
        }

        return map;
    }
}
