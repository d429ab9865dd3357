using System.Buffers.Binary;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>
/// Random fingerprints with planted near copies. A copy imitates one kind of edit, so that only one hash
/// comparison of <see cref="GalleryOrleans.Grains.Similarity.NearDuplicateRule"/> links it, and flips a
/// random number of bits up to two past the threshold, so that some copies land just outside it.
/// </summary>
public static class SyntheticFingerprints
{
    public static ImageFingerprint[] Generate(int count, int threshold, double plantedShare, int seed)
    {
        var random = new Random(seed);
        var fingerprints = new ImageFingerprint[count];
        for (var i = 0; i < count; i++)
        {
            fingerprints[i] = i > 0 && random.NextDouble() < plantedShare
                ? EditedCopy(fingerprints[random.Next(i)], threshold, random)
                : new ImageFingerprint(NextHash(random), NextHash(random), NextHash(random));
        }

        return fingerprints;
    }

    private static ImageFingerprint EditedCopy(ImageFingerprint original, int threshold, Random random)
    {
        var flips = random.Next(threshold + 3);
        return random.Next(3) switch
        {
            // Global edit (recompression, brightness): the whole-frame hashes move a little.
            0 => new ImageFingerprint(
                Flip(original.PHash, flips, random), Flip(original.CentrePHash, flips, random), NextHash(random)),
            // Crop: the copy's whole frame is the original's centre.
            1 => new ImageFingerprint(Flip(original.CentrePHash, flips, random), NextHash(random), NextHash(random)),
            // Overlay: only the local gradient hash survives.
            _ => new ImageFingerprint(NextHash(random), NextHash(random), Flip(original.DHash, flips, random)),
        };
    }

    private static ulong Flip(ulong hash, int bits, Random random)
    {
        var flipped = hash;
        while (ulong.PopCount(flipped ^ hash) < (ulong)bits)
        {
            flipped ^= 1UL << random.Next(64);
        }

        return flipped;
    }

    private static ulong NextHash(Random random)
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        random.NextBytes(bytes);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }
}
