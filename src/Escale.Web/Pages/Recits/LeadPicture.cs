using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Media;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Recits;

/// <summary>An image as a <c>&lt;picture&gt;</c> shows it: WebP for browsers that take it, JPEG otherwise, every width in a srcset.</summary>
public sealed record LeadPicture(string Key, IReadOnlyList<int> Widths, int Width, int Height, string Alt)
{
    public static async Task<LeadPicture?> LoadAsync(EscaleDbContext db, int? imageId, CancellationToken cancellationToken)
    {
        if (imageId is null)
        {
            return null;
        }
        var image = await db.MediaImages.AsNoTracking().SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        return image is null ? null : Of(image);
    }

    /// <summary>The images of several items at once (the cards of a page), by image id; an image without renditions is left out.</summary>
    public static async Task<IReadOnlyDictionary<int, LeadPicture>> LoadAsync(EscaleDbContext db, IReadOnlyCollection<int> imageIds, CancellationToken cancellationToken)
    {
        if (imageIds.Count == 0)
        {
            return new Dictionary<int, LeadPicture>();
        }
        var images = await db.MediaImages.AsNoTracking().Where(i => imageIds.Contains(i.Id)).ToListAsync(cancellationToken);
        return images.Select(i => (i.Id, Picture: Of(i))).Where(p => p.Picture is not null).ToDictionary(p => p.Id, p => p.Picture!);
    }

    private static LeadPicture? Of(MediaImage image)
    {
        if (image.RenditionWidths.Count == 0)
        {
            return null;
        }
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == ContentDraft.English && !string.IsNullOrWhiteSpace(image.AltTextEn);
        var widest = image.RenditionWidths.Max();
        return new LeadPicture(image.Key, [.. image.RenditionWidths.Order()], widest, image.HeightAt(widest), english ? image.AltTextEn! : image.AltTextFr);
    }

    public string Srcset(ImageFormat format) =>
        string.Join(", ", Widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"/media/{MediaImage.FileName(Key, w, format)} {w}w")));

    /// <summary>The widest JPEG: what link previews (Open Graph, Twitter cards) fetch, and all of them read JPEG.</summary>
    public string LargestJpeg => "/media/" + MediaImage.FileName(Key, Width, ImageFormat.Jpeg);

    /// <summary>The fallback for browsers without srcset: the middle width is enough for a page column.</summary>
    public string Src => "/media/" + MediaImage.FileName(Key, Widths[Widths.Count / 2], ImageFormat.Jpeg);
}
