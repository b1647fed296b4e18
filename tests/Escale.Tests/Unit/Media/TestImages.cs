using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Escale.Tests.Unit.Media;

/// <summary>Images made in memory for the upload tests: real encodings from SkiaSharp, and hand-built hostile files.</summary>
public static class TestImages
{
    /// <summary>A <paramref name="width"/> × <paramref name="height"/> image, left half red and right half blue.</summary>
    public static byte[] Encoded(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height) => Encoded(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width, int height) => Encoded(width, height, SKEncodedImageFormat.Png);

    /// <summary>A JPEG with an EXIF segment saying "rotate 90° clockwise" (orientation 6) and a camera serial to leak.</summary>
    public static byte[] JpegWithExifOrientation(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        tiff.AddRange([0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]); // big-endian TIFF, first IFD at 8
        tiff.AddRange([0x00, 0x01]); // one entry
        tiff.AddRange([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00]); // Orientation SHORT = 6
        tiff.AddRange([0x00, 0x00, 0x00, 0x00]); // no next IFD
        tiff.AddRange(Encoding.ASCII.GetBytes(ExifSecret));
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public const string ExifSecret = "SERIAL-CAMERA-42";

    /// <summary>A valid, tiny PNG whose header declares <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        // A zlib stream of a few zero bytes: far too short for the declared size, which a decoder would only find out late.
        byte[] idat = [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01];
        return [.. (byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .. Chunk("IHDR", header), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    public static byte[] Svg => """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"""u8.ToArray();

    public static byte[] Script => "#!/bin/sh\nrm -rf /\n"u8.ToArray();

    public static byte[] Gif => [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3B];

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
