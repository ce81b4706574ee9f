using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Codegen.Runtime.Validation;

/// <summary>
/// Collects constraint violations while generated validators walk a request. Paths are built only when a
/// problem is found, so a valid request costs no allocations beyond this object.
/// </summary>
public sealed class ValidationContext
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);
    private List<string>? _problems;

    /// <summary>Creates a context with the given options.</summary>
    public ValidationContext(ValidationOptions options) => Options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The options in force.</summary>
    public ValidationOptions Options { get; }

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<string> Problems => (IReadOnlyList<string>?)_problems ?? Array.Empty<string>();

    /// <summary>Throws <see cref="RequestValidationException"/> when any problem was found.</summary>
    public void ThrowIfInvalid(string typeName)
    {
        if (_problems is { Count: > 0 })
        {
            throw new RequestValidationException(typeName, _problems);
        }
    }

    /// <summary>Joins a member name onto a path.</summary>
    public static string Member(string path, string member) => path.Length == 0 ? member : path + "." + member;

    /// <summary>Joins a list index onto a path.</summary>
    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Joins a map key onto a path.</summary>
    public static string Key(string path, string key) => path + "[\"" + key + "\"]";

    /// <summary>Reports a required member that is missing.</summary>
    public void Missing(string path, string? member = null) => Add(Describe(path, member) + ": required member is missing");

    /// <summary>Checks a length (of a string in characters, or of a list, map or blob) against the model's bounds.</summary>
    public void Length(string path, string? member, int length, long? min, long? max)
    {
        if (min is { } minimum && length < minimum)
        {
            Add($"{Describe(path, member)}: length {length.ToString(CultureInfo.InvariantCulture)}, minimum {minimum.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Options.CheckMaximums && max is { } maximum && length > maximum)
        {
            Add($"{Describe(path, member)}: length {length.ToString(CultureInfo.InvariantCulture)}, maximum {maximum.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>The length of a string as the model counts it: in Unicode code points.</summary>
    public static int CodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsLowSurrogate(value[i]) || i == 0 || !char.IsHighSurrogate(value[i - 1]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Checks a number against the model's range.</summary>
    public void Range(string path, string? member, double value, long? min, long? max)
    {
        if (min is { } minimum && value < minimum)
        {
            Add($"{Describe(path, member)}: value below the minimum {minimum.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Options.CheckMaximums && max is { } maximum && value > maximum)
        {
            Add($"{Describe(path, member)}: value above the maximum {maximum.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Checks a string against the model's pattern (when patterns are checked). The value is not quoted.</summary>
    public void Pattern(string path, string? member, string value, string pattern)
    {
        if (!Options.CheckPatterns)
        {
            return;
        }

        var regex = Patterns.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                // A pattern .NET cannot read (the models use ECMA-262 syntax) is not checked: the service checks it.
                return null;
            }
        });
        try
        {
            if (regex is not null && !regex.IsMatch(value))
            {
                Add($"{Describe(path, member)}: does not match the pattern {pattern}");
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Left to the service.
        }
    }

    // Paths are built only for problems, so checking a valid request allocates nothing.
    private static string Describe(string path, string? member) => member is null ? path : Member(path, member);

    private void Add(string problem) => (_problems ??= new List<string>()).Add(problem);
}
