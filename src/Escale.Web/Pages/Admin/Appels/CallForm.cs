using System.ComponentModel.DataAnnotations;
using Escale.Core.Calls;
using Escale.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Escale.Web.Pages.Admin.Appels;

/// <summary>
/// The call form's fields, their French messages and the rules that span fields (dates in order, bounds not crossed).
/// Dates are typed as Paris wall-clock time and stored in UTC.
/// </summary>
public sealed class CallForm
{
    [Required(ErrorMessage = "Indiquez le titre de l’appel.")]
    [StringLength(CallForProjects.TitleMaxLength, ErrorMessage = "Le titre ne doit pas dépasser {1} caractères.")]
    public string Title { get; set; } = "";

    public CallKind Kind { get; set; }

    [Required(ErrorMessage = "Résumez l’appel en une ou deux phrases.")]
    [StringLength(500, ErrorMessage = "Le résumé ne doit pas dépasser {1} caractères.")]
    public string Summary { get; set; } = "";

    [StringLength(20_000, ErrorMessage = "La description ne doit pas dépasser {1} caractères.")]
    public string? Description { get; set; }

    [StringLength(300, ErrorMessage = "L’organisateur ne doit pas dépasser {1} caractères.")]
    public string? Organiser { get; set; }

    [EmailAddress(ErrorMessage = "Indiquez une adresse e-mail valide (ex. : appels@exemple.fr).")]
    [StringLength(320, ErrorMessage = "L’adresse ne doit pas dépasser {1} caractères.")]
    public string? ContactEmail { get; set; }

    [StringLength(500, ErrorMessage = "Les thèmes ne doivent pas dépasser {1} caractères.")]
    public string? Themes { get; set; }

    public CallAudience Audience { get; set; }

    [Range(0, 120, ErrorMessage = "L’âge doit être compris entre {1} et {2} ans.")]
    public int? MinAge { get; set; }

    [Range(0, 120, ErrorMessage = "L’âge doit être compris entre {1} et {2} ans.")]
    public int? MaxAge { get; set; }

    public List<int> IntercommunalityIds { get; set; } = [];

    [Range(1, CallForProjects.TeamSizeLimit, ErrorMessage = "La taille d’équipe doit être comprise entre {1} et {2}.")]
    public int MinTeamSize { get; set; } = 1;

    [Range(1, CallForProjects.TeamSizeLimit, ErrorMessage = "La taille d’équipe doit être comprise entre {1} et {2}.")]
    public int MaxTeamSize { get; set; } = 1;

    public bool RequiresGuardianAuthorisationForAllMinors { get; set; }

    [StringLength(4000, ErrorMessage = "Les conditions ne doivent pas dépasser {1} caractères.")]
    public string? EligibilityConditions { get; set; }

    [Required(ErrorMessage = "Indiquez l’ouverture des candidatures.")]
    public DateTime? OpensAt { get; set; }

    [Required(ErrorMessage = "Indiquez la date limite des candidatures.")]
    public DateTime? ClosesAt { get; set; }

    public DateTime? ResultsExpectedAt { get; set; }

    public DateTime? FollowUpStartsAt { get; set; }

    public bool NormaliseScores { get; set; }

    [Range(2, 1000, ErrorMessage = "Le nombre d’évaluations doit être compris entre {1} et {2}.")]
    public int MinScoresForNormalisation { get; set; } = 5;

    public static CallForm From(CallForProjects call) => new()
    {
        Title = call.Title, Kind = call.Kind, Summary = call.Summary, Description = call.Description, Organiser = call.Organiser,
        ContactEmail = call.ContactEmail, Themes = call.Themes, Audience = call.Audience, MinAge = call.MinAge, MaxAge = call.MaxAge,
        IntercommunalityIds = [.. call.ResidentIntercommunalities.Select(e => e.Id)], MinTeamSize = call.MinTeamSize,
        MaxTeamSize = call.MaxTeamSize, RequiresGuardianAuthorisationForAllMinors = call.RequiresGuardianAuthorisationForAllMinors,
        EligibilityConditions = call.EligibilityConditions, OpensAt = ParisTime.ToLocal(call.OpensAt), ClosesAt = ParisTime.ToLocal(call.ClosesAt),
        ResultsExpectedAt = call.ResultsExpectedAt is { } results ? ParisTime.ToLocal(results) : null,
        FollowUpStartsAt = call.FollowUpStartsAt is { } followUp ? ParisTime.ToLocal(followUp) : null,
        NormaliseScores = call.NormaliseScores, MinScoresForNormalisation = call.MinScoresForNormalisation,
    };

    /// <summary>Adds the cross-field messages beside their fields.</summary>
    public void Validate(ModelStateDictionary modelState, string prefix)
    {
        if (!Enum.IsDefined(Kind))
        {
            modelState.AddModelError($"{prefix}.Kind", "Choisissez le type d’appel.");
        }
        if (!Enum.IsDefined(Audience))
        {
            modelState.AddModelError($"{prefix}.Audience", "Choisissez à qui s’adresse l’appel.");
        }
        if (Audience == CallAudience.Youth)
        {
            if (MinAge is null && MaxAge is null)
            {
                modelState.AddModelError($"{prefix}.MinAge", "Un appel réservé aux jeunes précise au moins un âge minimum ou maximum.");
            }
            if (MinAge is { } min && MaxAge is { } max && min > max)
            {
                modelState.AddModelError($"{prefix}.MaxAge", "L’âge maximum ne peut pas être inférieur à l’âge minimum.");
            }
        }
        if (Audience == CallAudience.Residents && IntercommunalityIds.Count == 0)
        {
            modelState.AddModelError($"{prefix}.IntercommunalityIds", "Choisissez au moins une intercommunalité dont les habitants peuvent candidater.");
        }
        if (MinTeamSize > MaxTeamSize)
        {
            modelState.AddModelError($"{prefix}.MaxTeamSize", "La taille d’équipe maximale ne peut pas être inférieure à la minimale.");
        }
        if (OpensAt is { } opens && ClosesAt is { } closes)
        {
            if (closes <= opens)
            {
                modelState.AddModelError($"{prefix}.ClosesAt", "La date limite doit être après l’ouverture des candidatures.");
            }
            else if (ResultsExpectedAt is { } results && results < closes)
            {
                modelState.AddModelError($"{prefix}.ResultsExpectedAt", "Les résultats ne peuvent pas être attendus avant la date limite.");
            }
            if (FollowUpStartsAt is { } followUp && followUp < closes)
            {
                modelState.AddModelError($"{prefix}.FollowUpStartsAt", "Le suivi des lauréats ne peut pas commencer avant la date limite.");
            }
        }
    }

    /// <summary>Copies the form onto the call; <paramref name="intercommunalities"/> are the chosen ones, loaded by the page.</summary>
    public void ApplyTo(CallForProjects call, IReadOnlyList<Escale.Core.Territories.Intercommunality> intercommunalities)
    {
        call.Title = Title.Trim();
        call.Kind = Kind;
        call.Summary = Summary.Trim();
        call.Description = Blank(Description);
        call.Organiser = Blank(Organiser);
        call.ContactEmail = Blank(ContactEmail);
        call.Themes = Blank(Themes);
        call.Audience = Audience;
        // Bounds that do not apply to the audience are not kept, so the public page never shows a stale condition.
        call.MinAge = Audience == CallAudience.Youth ? MinAge : null;
        call.MaxAge = Audience == CallAudience.Youth ? MaxAge : null;
        call.ResidentIntercommunalities.Clear();
        if (Audience == CallAudience.Residents)
        {
            call.ResidentIntercommunalities.AddRange(intercommunalities);
        }
        call.MinTeamSize = MinTeamSize;
        call.MaxTeamSize = MaxTeamSize;
        call.RequiresGuardianAuthorisationForAllMinors = RequiresGuardianAuthorisationForAllMinors;
        call.EligibilityConditions = Blank(EligibilityConditions);
        call.OpensAt = ParisTime.FromLocal(OpensAt!.Value);
        call.ClosesAt = ParisTime.FromLocal(ClosesAt!.Value);
        call.ResultsExpectedAt = ResultsExpectedAt is { } results ? ParisTime.FromLocal(results) : null;
        call.FollowUpStartsAt = FollowUpStartsAt is { } followUp ? ParisTime.FromLocal(followUp) : null;
        call.NormaliseScores = NormaliseScores;
        call.MinScoresForNormalisation = MinScoresForNormalisation;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
