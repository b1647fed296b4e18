using System.Globalization;
using SkiaSharp;

namespace Escale.Core.Media;

public enum ImageFormat
{
    WebP,
    Jpeg,
}

/// <param name="MaxBytes">Largest accepted upload.</param>
/// <param name="MaxPixels">Largest accepted width × height, checked from the header before any pixel is decoded.</param>
/// <param name="Widths">Rendition widths; none is wider than the original.</param>
public sealed record ImageLimits(long MaxBytes, long MaxPixels, IReadOnlyList<int> Widths)
{
    public static readonly ImageLimits Default = new(10 * 1024 * 1024, 40_000_000, [480, 960, 1600]);
}

public sealed record ImageRendition(int Width, int Height, ImageFormat Format, byte[] Bytes);

public sealed record ProcessedImage(int Width, int Height, IReadOnlyList<ImageRendition> Renditions);

/// <summary>Either an image ready to store or a French refusal to show beside the upload field.</summary>
public sealed record ImageOutcome(ProcessedImage? Image, string? Refusal);

/// <summary>
/// Turns an uploaded file into web renditions. Trusts nothing the client says (name, content type): the format comes
/// from the first bytes, the size is counted while reading, the pixel count is read from the header before decoding
/// (a small file can declare billions of pixels), and every rendition is re-encoded from pixels, which leaves EXIF,
/// GPS and any other metadata behind.
/// </summary>
public static class ImageProcessor
{
    public const string NotAnImage = "Ce fichier n’est pas une image JPEG, PNG ou WebP.";
    public const string Unreadable = "Cette image est illisible ou abîmée.";
    public const string Empty = "Le fichier est vide.";

    private const int WebPQuality = 80;
    private const int JpegQuality = 82;

    public static async Task<ImageOutcome> ProcessAsync(Stream input, ImageLimits limits, CancellationToken cancellationToken)
    {
        var bytes = await ReadAtMostAsync(input, limits.MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return Refuse(TooLarge(limits.MaxBytes));
        }
        return Process(bytes, limits);
    }

    public static ImageOutcome Process(byte[] bytes, ImageLimits limits)
    {
        if (bytes.Length == 0)
        {
            return Refuse(Empty);
        }
        if (bytes.LongLength > limits.MaxBytes)
        {
            return Refuse(TooLarge(limits.MaxBytes));
        }
        if (Sniff(bytes) is not { } sniffed)
        {
            return Refuse(NotAnImage);
        }
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != sniffed)
        {
            return Refuse(Unreadable);
        }
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            return Refuse(Unreadable);
        }
        if ((long)info.Width * info.Height > limits.MaxPixels)
        {
            return Refuse(string.Create(CultureInfo.InvariantCulture,
                $"L’image est trop grande : {info.Width} × {info.Height} pixels, au-delà de {limits.MaxPixels / 1_000_000} millions de pixels."));
        }

        using var decoded = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return Refuse(Unreadable);
        }
        // A 40-megapixel photo is 160 MB decoded: turn it upright in a second bitmap only when it has to be.
        using var turned = Orient(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        using var image = SKImage.FromBitmap(upright);
        var renditions = new List<ImageRendition>();
        foreach (var width in RenditionWidths(upright.Width, limits.Widths))
        {
            var height = ScaledHeight(upright.Width, upright.Height, width);
            renditions.Add(new ImageRendition(width, height, ImageFormat.WebP, Encode(image, width, height, ImageFormat.WebP)));
            renditions.Add(new ImageRendition(width, height, ImageFormat.Jpeg, Encode(image, width, height, ImageFormat.Jpeg)));
        }
        return new ImageOutcome(new ProcessedImage(upright.Width, upright.Height, renditions), null);
    }

    /// <summary>The configured widths narrower than the original, plus the original (capped at the widest) — never upscaled.</summary>
    public static IReadOnlyList<int> RenditionWidths(int originalWidth, IReadOnlyList<int> widths)
    {
        var widest = widths.Count == 0 ? originalWidth : Math.Min(originalWidth, widths.Max());
        return [.. widths.Where(w => w < widest).Append(widest).Distinct().Order()];
    }

    public static int ScaledHeight(int width, int height, int targetWidth) =>
        Math.Max(1, (int)Math.Round((double)height * targetWidth / width, MidpointRounding.AwayFromZero));

    /// <summary>The format the first bytes announce, whatever the file is called.</summary>
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SKEncodedImageFormat.Jpeg;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }
        return null;
    }

    private static ImageOutcome Refuse(string message) => new(null, message);

    public static string TooLarge(long maxBytes) =>
        string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"L’image dépasse {maxBytes / (1024.0 * 1024.0):0.#} Mo.");

    /// <summary>The stream's bytes, or null as soon as there are more than <paramref name="maxBytes"/> (the rest is not read).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream input, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
        return buffer.ToArray();
    }

    /// <summary>The pixels drawn upright, as the EXIF orientation tag says the camera meant them; null when they already are.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // x' = ScaleX·x + SkewX·y + TransX ; y' = SkewY·x + ScaleY·y + TransY
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is null)
        {
            return null;
        }
        var result = new SKBitmap(new SKImageInfo(swaps ? source.Height : source.Width, swaps ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix.Value);
        // Quarter turns and flips map pixels one to one: no smoothing needed.
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }

    private static byte[] Encode(SKImage image, int width, int height, ImageFormat format)
    {
        var opaque = format == ImageFormat.Jpeg;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        var canvas = surface.Canvas;
        // JPEG has no transparency: transparent pixels become white rather than black.
        canvas.Clear(opaque ? SKColors.White : SKColors.Transparent);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(opaque ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Webp, opaque ? JpegQuality : WebPQuality);
        return encoded.ToArray();
    }
}
