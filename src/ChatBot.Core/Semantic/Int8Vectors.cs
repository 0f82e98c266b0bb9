using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ChatBot.Core.Semantic;

/// <summary>
/// Vectors as int8 with one scale each (value ≈ int8 × scale), a quarter of fp32's memory and memory traffic, and
/// their dot products with SIMD: 16-bit products summed pairwise into 32-bit lanes (AVX-512BW, else AVX2, else scalar).
/// For unit vectors the score's error is about 0.002 (the tests bound it), far below the gaps that rank papers.
/// </summary>
public static class Int8Vectors
{
    /// <summary>Quantises <paramref name="vector"/> into <paramref name="destination"/> and returns its scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> destination)
    {
        if (destination.Length < vector.Length)
        {
            throw new ArgumentException("The destination is shorter than the vector.", nameof(destination));
        }

        var largest = 0f;
        foreach (var value in vector)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        var scale = largest == 0 ? 1f : largest / 127f;
        for (var i = 0; i < vector.Length; i++)
        {
            destination[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
        }

        return scale;
    }

    public static void Dequantize(ReadOnlySpan<sbyte> values, float scale, Span<float> destination)
    {
        for (var i = 0; i < values.Length; i++)
        {
            destination[i] = values[i] * scale;
        }
    }

    /// <summary>The integer dot product of two int8 vectors of equal length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(b));
        }

        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b);
        var i = 0;
        var sum = 0;
        if (Avx512BW.IsSupported && a.Length >= 32)
        {
            var accumulator = Vector512<int>.Zero;
            for (; i <= a.Length - 32; i += 32)
            {
                var x = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref left, (nuint)i));
                var y = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref right, (nuint)i));
                accumulator = Avx512F.Add(accumulator, Avx512BW.MultiplyAddAdjacent(x, y));
            }

            sum = Vector512.Sum(accumulator);
        }
        else if (Avx2.IsSupported && a.Length >= 16)
        {
            var accumulator = Vector256<int>.Zero;
            for (; i <= a.Length - 16; i += 16)
            {
                var x = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref left, (nuint)i));
                var y = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref right, (nuint)i));
                accumulator = Avx2.Add(accumulator, Avx2.MultiplyAddAdjacent(x, y));
            }

            sum = Vector256.Sum(accumulator);
        }

        for (; i < a.Length; i++)
        {
            sum += Unsafe.Add(ref left, i) * Unsafe.Add(ref right, i);
        }

        return sum;
    }

    /// <summary>The plain loop, the reference the SIMD paths are tested against.</summary>
    internal static int DotScalar(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
