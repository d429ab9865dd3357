using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// Exact dot product of two signed-byte vectors. 512 products of at most 127 * 127 sum to under 2^23, so the
/// 32-bit integer result is exact, unlike a float sum whose value depends on the order of additions.
/// </summary>
public static class Int8Dot
{
    public static int Dot(ReadOnlySpan<sbyte> left, ReadOnlySpan<sbyte> right)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(right));
        }
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported)
        {
            ref var a = ref MemoryMarshal.GetReference(left);
            ref var b = ref MemoryMarshal.GetReference(right);
            var (even, odd) = (Vector256<int>.Zero, Vector256<int>.Zero);
            // Sign-extend 16 bytes to 16 shorts, multiply and add adjacent pairs into 8 ints; two chains keep both ports busy.
            for (; i + 32 <= left.Length; i += 32)
            {
                even = Avx2.Add(even, Products(ref a, ref b, i));
                odd = Avx2.Add(odd, Products(ref a, ref b, i + 16));
            }
            for (; i + 16 <= left.Length; i += 16)
            {
                even = Avx2.Add(even, Products(ref a, ref b, i));
            }
            sum = Vector256.Sum(Avx2.Add(even, odd));
        }
        for (; i < left.Length; i++)
        {
            sum += left[i] * right[i];
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Products(ref sbyte a, ref sbyte b, int offset) =>
        Avx2.MultiplyAddAdjacent(
            Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref a, (nuint)offset)),
            Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref b, (nuint)offset)));
}
