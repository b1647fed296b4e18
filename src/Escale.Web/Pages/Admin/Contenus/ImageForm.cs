namespace Escale.Web.Pages.Admin.Contenus;

/// <summary>The lead-image upload form of the edit page: a file and its text alternative, required in French.</summary>
public sealed class ImageForm
{
    public const int AltMaxLength = 300;

    public IFormFile? File { get; set; }

    public string? AltFr { get; set; }

    public string? AltEn { get; set; }
}
