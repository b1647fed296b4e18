namespace Escale.Core.Content;

public enum ContentAction
{
    /// <summary>Send to an editor for review.</summary>
    Submit,
    /// <summary>Publish now, or at a given time.</summary>
    Publish,
    /// <summary>Send back to draft (from review, or withdraw from publication).</summary>
    ReturnToDraft,
    Archive,
}

/// <summary>
/// Draft → in review → published → archived. Only editors publish, archive or send back; a proposer may only submit.
/// </summary>
public static class ContentWorkflow
{
    /// <summary>The refusal, in French, or null when the action is allowed.</summary>
    public static string? Refusal(ContentStatus from, ContentAction action, bool isEditor) => (action, from) switch
    {
        (ContentAction.Submit, ContentStatus.Draft) => null,
        (ContentAction.Submit, _) => "Seul un brouillon peut être envoyé en relecture.",
        (_, _) when !isEditor => "Seule l’équipe éditoriale peut faire cela.",
        (ContentAction.Publish, ContentStatus.Draft or ContentStatus.InReview or ContentStatus.Published) => null,
        (ContentAction.Publish, _) => "Un contenu archivé doit d’abord revenir en brouillon.",
        (ContentAction.ReturnToDraft, ContentStatus.InReview or ContentStatus.Published or ContentStatus.Archived) => null,
        (ContentAction.ReturnToDraft, _) => "Ce contenu est déjà un brouillon.",
        (ContentAction.Archive, ContentStatus.Published) => null,
        (ContentAction.Archive, _) => "Seul un contenu publié peut être archivé.",
        _ => "Action inconnue.",
    };

    /// <summary>
    /// Applies an allowed action; <paramref name="publishAt"/> schedules a publication (null: now). UpdatedAt is stamped
    /// when the item is saved (UpdatedAtInterceptor).
    /// </summary>
    public static void Apply(ContentItem item, ContentAction action, DateTimeOffset now, DateTimeOffset? publishAt = null)
    {
        switch (action)
        {
            case ContentAction.Submit:
                item.Status = ContentStatus.InReview;
                break;
            case ContentAction.Publish:
                item.Status = ContentStatus.Published;
                item.PublishAt = publishAt is { } at && at > now ? at : now;
                item.PublishedAt = now;
                break;
            case ContentAction.ReturnToDraft:
                item.Status = ContentStatus.Draft;
                item.PublishAt = null;
                break;
            case ContentAction.Archive:
                item.Status = ContentStatus.Archived;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
