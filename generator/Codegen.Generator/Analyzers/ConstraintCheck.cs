using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Analyzers;

/// <summary>A broken constraint: the rule and the message, worded as the runtime words it.</summary>
internal readonly record struct ConstraintProblem(DiagnosticDescriptor Descriptor, string Message);

/// <summary>
/// The model's constraints applied to constant values, with the rules and the wording of the runtime's request
/// validation (runtime Validation/ValidationContext, called by the validators that Emit/ValidationEmitter writes):
/// string lengths in code points, numeric ranges, patterns matched as .NET reads them (unanchored, a pattern .NET
/// cannot read is not checked), and the problem texts (<c>UserCode: length 5, minimum 6</c>). A test runs both on
/// the same values and compares the texts.
/// </summary>
internal static class ConstraintCheck
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    public static string Missing(string path) => path + ": required member is missing";

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Checks a non-null constant of a member or element of <paramref name="type"/>.</summary>
    public static void Constant(TypeRef type, object value, string path, List<ConstraintProblem> problems)
    {
        switch (type.Kind)
        {
            case ShapeKind.String when value is string text:
                Length(path, CodePoints(text), type.Min, type.Max, problems);
                if (type.Pattern is { } pattern && !Matches(text, pattern))
                {
                    problems.Add(new(AnalyzerDescriptors.PatternViolated, $"{path}: does not match the pattern {pattern}"));
                }

                break;
            case ShapeKind.Byte or ShapeKind.Short or ShapeKind.Integer or ShapeKind.Long or ShapeKind.Float or ShapeKind.Double when IsNumber(value):
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (type.Min is { } minimum && number < minimum)
                {
                    problems.Add(new(AnalyzerDescriptors.ConstraintViolated, $"{path}: value below the minimum {minimum.ToString(CultureInfo.InvariantCulture)}"));
                }

                if (type.Max is { } maximum && number > maximum)
                {
                    problems.Add(new(AnalyzerDescriptors.ConstraintViolated, $"{path}: value above the maximum {maximum.ToString(CultureInfo.InvariantCulture)}"));
                }

                break;
        }
    }

    /// <summary>Checks the length of a string (in code points), list, map or blob.</summary>
    public static void Length(string path, int length, long? min, long? max, List<ConstraintProblem> problems)
    {
        if (min is { } minimum && length < minimum)
        {
            problems.Add(new(AnalyzerDescriptors.ConstraintViolated, $"{path}: length {length.ToString(CultureInfo.InvariantCulture)}, minimum {minimum.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (max is { } maximum && length > maximum)
        {
            problems.Add(new(AnalyzerDescriptors.ConstraintViolated, $"{path}: length {length.ToString(CultureInfo.InvariantCulture)}, maximum {maximum.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    /// <summary>The length of a string as the model counts it: in Unicode code points (a surrogate pair is one).</summary>
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

    /// <summary>Whether the pattern accepts the value; true when .NET cannot read the pattern or gives up (the service checks it).</summary>
    public static bool Matches(string value, string pattern)
    {
        var regex = Patterns.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
        try
        {
            return regex is null || regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;
}
