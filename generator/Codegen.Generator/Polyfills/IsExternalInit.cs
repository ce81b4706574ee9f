// netstandard2.0 lacks the marker type the compiler needs for init accessors and records;
// declaring it here is the documented way to use them on older targets.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
