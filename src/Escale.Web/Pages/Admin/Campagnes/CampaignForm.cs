using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Escale.Core.Campaigns;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Escale.Web.Pages.Admin.Campagnes;

/// <summary>The campaign form's fields, their French messages, and the rules that span fields.</summary>
public sealed class CampaignForm
{
    [Required(ErrorMessage = "Indiquez le nom de la campagne.")]
    [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
    public string Name { get; set; } = "";

    public string? Slug { get; set; }

    [Required(ErrorMessage = "Indiquez la date de début.")]
    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public List<CampaignChannels> Channels { get; set; } = [];

    [StringLength(4000, ErrorMessage = "La description ne doit pas dépasser {1} caractères.")]
    public string? Description { get; set; }

    public CampaignStatus Status { get; set; }

    public Guid? CreationKey { get; set; }

    public CampaignChannels ChannelFlags => Channels.Aggregate(CampaignChannels.None, (all, c) => all | c);

    public static CampaignForm From(Campaign campaign) => new()
    {
        Name = campaign.Name, Slug = campaign.Slug, StartsOn = campaign.StartsOn, EndsOn = campaign.EndsOn,
        Channels = [.. CampaignRules.Split(campaign.Channels)], Description = campaign.Description, Status = campaign.Status,
    };

    /// <summary>Adds the cross-field messages beside their fields; the slug is normalised first (trimmed, lowercase).</summary>
    public void Validate(ModelStateDictionary modelState, string prefix)
    {
        Slug = Slug?.Trim().ToLowerInvariant();
        if (CampaignRules.SlugRefusal(Slug) is { } slugRefusal)
        {
            modelState.AddModelError($"{prefix}.Slug", slugRefusal);
        }
        if (StartsOn is { } starts && EndsOn is { } ends && ends < starts)
        {
            modelState.AddModelError($"{prefix}.EndsOn", "La fin de la campagne ne peut pas précéder son début.");
        }
        if (ChannelFlags == CampaignChannels.None)
        {
            modelState.AddModelError($"{prefix}.Channels", "Choisissez au moins un canal de diffusion.");
        }
        if (!Enum.IsDefined(Status))
        {
            modelState.AddModelError($"{prefix}.Status", "Choisissez un état.");
        }
    }

    public void ApplyTo(Campaign campaign)
    {
        campaign.Name = Name.Trim();
        campaign.Slug = Slug!;
        campaign.StartsOn = StartsOn!.Value;
        campaign.EndsOn = EndsOn;
        campaign.Channels = ChannelFlags;
        campaign.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        campaign.Status = Status;
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
