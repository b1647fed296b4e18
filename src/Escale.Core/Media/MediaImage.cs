namespace Escale.Core.Media;

/// <summary>
/// An uploaded image. The pixels are not in the database: each rendition is a file
/// <c>{Key}-{width}.webp</c> and <c>{Key}-{width}.jpg</c> in the media folder (see docs/adr/0006-media-storage.md).
/// </summary>
public sealed class MediaImage
{
    public int Id { get; set; }
    /// <summary>Random and unguessable: the public file names, so that ids cannot be enumerated.</summary>
    public required string Key { get; set; }
    public required string AltTextFr { get; set; }
    public string? AltTextEn { get; set; }
    /// <summary>Size of the original once turned upright (EXIF orientation applied).</summary>
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>Widths of the stored renditions, smallest first; each exists in WebP and JPEG.</summary>
    public List<int> RenditionWidths { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string? UploadedByUserId { get; set; }

    public static string FileName(string key, int width, ImageFormat format) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key}-{width}.{(format == ImageFormat.WebP ? "webp" : "jpg")}");

    public string PathOf(int width, ImageFormat format) => "/media/" + FileName(Key, width, format);

    /// <summary>The height of a rendition, as the processor rounded it.</summary>
    public int HeightAt(int width) => ImageProcessor.ScaledHeight(Width, Height, width);
}
