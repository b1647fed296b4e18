using Escale.Core.Media;
using Microsoft.Extensions.Options;

namespace Escale.Web.Infrastructure.Media;

/// <summary>Processes an upload and writes its renditions to the media folder; the caller saves the returned row.</summary>
public sealed class MediaLibrary : IDisposable
{
    /// <summary>
    /// Decoding takes up to 4 bytes per allowed pixel (160 MB at 40 megapixels) plus the renditions: two uploads at a
    /// time per instance bound that memory; a third waits its turn.
    /// </summary>
    private readonly SemaphoreSlim _processing = new(2);

    public MediaLibrary(IOptions<MediaSettings> options, IWebHostEnvironment environment)
    {
        var settings = options.Value;
        Folder = Path.GetFullPath(settings.Folder, environment.ContentRootPath);
        Limits = ImageLimits.Default with { MaxBytes = settings.MaxBytes, MaxPixels = settings.MaxPixels };
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public ImageLimits Limits { get; }

    /// <summary>The new image (not yet saved) with its files written, or a French refusal and nothing written.</summary>
    public async Task<(MediaImage? Image, string? Refusal)> StoreAsync(
        Stream upload, string altTextFr, string? altTextEn, string? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ImageOutcome outcome;
        await _processing.WaitAsync(cancellationToken);
        try
        {
            outcome = await ImageProcessor.ProcessAsync(upload, Limits, cancellationToken);
        }
        finally
        {
            _processing.Release();
        }
        if (outcome.Image is not { } processed)
        {
            return (null, outcome.Refusal);
        }
        var image = new MediaImage
        {
            Key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)),
            AltTextFr = altTextFr,
            AltTextEn = altTextEn,
            Width = processed.Width,
            Height = processed.Height,
            RenditionWidths = [.. processed.Renditions.Select(r => r.Width).Distinct().Order()],
            CreatedAt = now,
            UploadedByUserId = userId,
        };
        try
        {
            foreach (var rendition in processed.Renditions)
            {
                // Written aside then moved, so that no instance ever serves half a file.
                var path = Path.Combine(Folder, MediaImage.FileName(image.Key, rendition.Width, rendition.Format));
                var temporary = path + ".tmp";
                await File.WriteAllBytesAsync(temporary, rendition.Bytes, cancellationToken);
                File.Move(temporary, path);
            }
        }
        catch
        {
            Delete(image);
            throw;
        }
        return (image, null);
    }

    public void Dispose() => _processing.Dispose();

    /// <summary>Removes an image's files, e.g. when its row could not be saved.</summary>
    public void Delete(MediaImage image)
    {
        foreach (var width in image.RenditionWidths)
        {
            foreach (var format in Enum.GetValues<ImageFormat>())
            {
                var path = Path.Combine(Folder, MediaImage.FileName(image.Key, width, format));
                File.Delete(path);
                File.Delete(path + ".tmp");
            }
        }
    }
}
