using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace GalleryOrleans.Abstractions.Storage.Files;

/// <summary>
/// 1 MiB blocks aligned to 4 KiB in pinned arrays, as O_DIRECT writes need them, reused across uploads so
/// that many short uploads do not churn the large object heap.
/// </summary>
public static class AlignedBlocks
{
    public const int Alignment = 4096;
    public const int Size = 1024 * 1024;
    private const int MaxPooled = 64;

    private static readonly ConcurrentQueue<AlignedBlock> Free = new();

    public static AlignedBlock Rent() => Free.TryDequeue(out var block) ? block : AlignedBlock.Allocate();

    public static void Return(AlignedBlock block)
    {
        if (Free.Count < MaxPooled)
        {
            Free.Enqueue(block);
        }
    }
}

public sealed class AlignedBlock
{
    private readonly byte[] array;
    private readonly int start;

    private AlignedBlock(byte[] array, int start)
    {
        this.array = array;
        this.start = start;
    }

    public Memory<byte> Memory => array.AsMemory(start, AlignedBlocks.Size);

    public static AlignedBlock Allocate()
    {
        var array = GC.AllocateUninitializedArray<byte>(AlignedBlocks.Size + AlignedBlocks.Alignment, pinned: true);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var start = (int)((AlignedBlocks.Alignment - address % AlignedBlocks.Alignment) % AlignedBlocks.Alignment);
        return new AlignedBlock(array, start);
    }
}
