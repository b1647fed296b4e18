using Escale.Core.Territories;

namespace Escale.Core.Opportunities;

/// <summary>Rules shared by every writer of an opportunity typed in by a person (partner form, demo data).</summary>
public static class ManualOpportunity
{
    /// <summary>How far a renewal pushes the expiry (the dates a partner may type are <see cref="OpportunityDates"/>).</summary>
    public const int RenewalDays = 60;
    /// <summary>A published opportunity this close to its expiry may be renewed, and its publisher is reminded.</summary>
    public const int ReminderDays = 7;

    /// <summary>Same format as the importers' key (kind|employer|title|INSEE|contract), so a typed opportunity and an imported one meet.</summary>
    public static string DedupKey(OpportunityKind kind, string? employerName, string title, string inseeCode, ContractType? contract) =>
        string.Join('|', kind.ToString(), Slug.From(employerName ?? ""), Slug.From(title), inseeCode, contract?.ToString() ?? "");

    /// <summary>Copies the place facets from the commune: search filters and the map need no join.</summary>
    public static void PlaceIn(this Opportunity opportunity, Commune commune) =>
        opportunity.PlaceAt(commune.Id, commune.IntercommunalityId, commune.Latitude, commune.Longitude);

    /// <summary>Places the opportunity in a commune by its id, intercommunality and centre (imports read them without the entity).</summary>
    public static void PlaceAt(this Opportunity opportunity, int communeId, int intercommunalityId, double latitude, double longitude)
    {
        opportunity.CommuneId = communeId;
        opportunity.IntercommunalityId = intercommunalityId;
        opportunity.Latitude = latitude;
        opportunity.Longitude = longitude;
    }

    /// <summary>Renewal is offered from <see cref="ReminderDays"/> days before expiry, to a published opportunity only.</summary>
    public static bool CanRenew(OpportunityStatus status, DateOnly? expiresOn, DateOnly today) =>
        status == OpportunityStatus.Published && expiresOn is { } expires && expires <= today.AddDays(ReminderDays);

    /// <summary><see cref="RenewalDays"/> more days from the current expiry (or today, if it has passed).</summary>
    public static DateOnly RenewedExpiry(DateOnly expiresOn, DateOnly today) =>
        (expiresOn < today ? today : expiresOn).AddDays(RenewalDays);
}
