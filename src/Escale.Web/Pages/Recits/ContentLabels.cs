using Escale.Core.Content;

namespace Escale.Web.Pages.Recits;

/// <summary>French names of content types, statuses and themes, used as translation keys.</summary>
public static class ContentLabels
{
    public static string Of(ContentType type) => type switch
    {
        ContentType.Portrait => "Portrait",
        ContentType.CompanyStory => "Pépite",
        ContentType.Event => "Événement",
        ContentType.QualityOfLife => "Vivre ici",
        ContentType.News => "Actualité",
        _ => type.ToString(),
    };

    public static string Of(ContentStatus status) => status switch
    {
        ContentStatus.Draft => "Brouillon",
        ContentStatus.InReview => "En relecture",
        ContentStatus.Published => "Publié",
        ContentStatus.Archived => "Archivé",
        _ => status.ToString(),
    };

    public static string Of(ContentTheme theme) => theme switch
    {
        ContentTheme.Nature => "Nature",
        ContentTheme.Heritage => "Patrimoine",
        ContentTheme.Sport => "Sport",
        ContentTheme.Health => "Santé",
        ContentTheme.Schools => "Écoles",
        ContentTheme.Childcare => "Petite enfance",
        ContentTheme.Mobility => "Mobilité",
        ContentTheme.Housing => "Logement",
        ContentTheme.Broadband => "Très haut débit",
        ContentTheme.Culture => "Culture",
        _ => theme.ToString(),
    };
}
