namespace Escale.Web.Infrastructure.Media;

/// <summary>The <c>Media:*</c> settings.</summary>
public sealed class MediaSettings
{
    /// <summary>Where renditions are written, relative to the content root unless absolute. Shared by every instance.</summary>
    public string Folder { get; set; } = "data/media";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The decompression-bomb guard: largest width × height accepted, read from the header.</summary>
    public long MaxPixels { get; set; } = 40_000_000;
}
