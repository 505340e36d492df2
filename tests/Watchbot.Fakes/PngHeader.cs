using System.Buffers.Binary;

namespace Watchbot.Fakes;

/// <summary>Reads what a PNG says it is: the 8-byte signature, then the IHDR chunk first, with the width and height
/// (big-endian) and a bit depth and colour type the format allows. Null when the bytes are not a PNG.</summary>
public static class PngHeader
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height)? Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 33 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8, 4));
        if (length != 13 || !bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        var depth = bytes[24];
        var colour = bytes[25];
        var ends = bytes.AsSpan(bytes.Length - 8, 4).SequenceEqual("IEND"u8);
        return width > 0 && height > 0 && depth is 1 or 2 or 4 or 8 or 16 && colour is 0 or 2 or 3 or 4 or 6 && ends ? (width, height) : null;
    }
}
