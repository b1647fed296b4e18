using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Pages.ReseauAccueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspaceReseau;

/// <summary>
/// Writing to the network: a segment (intercommunality, structure kind, member role; a coordinator's own structure), a
/// preview of the exact recipients, then the sending of that list. The preview posts a hash of the list; if the list has
/// changed when sending, nothing is sent and the new list is shown. The form's one-time key makes a double submit send once.
/// </summary>
public sealed class EnvoiModel(EscaleDbContext db, UserManager<ApplicationUser> users, WelcomeNetworkAccess access, NetworkMailings mailings) : PageModel
{
    public sealed class MailingInput
    {
        public Guid SubmissionKey { get; set; }

        public string? RecipientsHash { get; set; }

        [Display(Name = "Intercommunalité")]
        public int? IntercommunalityId { get; set; }

        [Display(Name = "Type de structure")]
        public WelcomeStructureKind? Kind { get; set; }

        [Display(Name = "Rôle des membres")]
        public WelcomeMemberRole? Role { get; set; }

        [Display(Name = "Structure")]
        public int? StructureId { get; set; }

        [Display(Name = "Objet")]
        [Required(ErrorMessage = "Indiquez l’objet du message.")]
        [StringLength(200, ErrorMessage = "L’objet ne doit pas dépasser {1} caractères.")]
        public string? Subject { get; set; }

        [Display(Name = "Message")]
        [Required(ErrorMessage = "Écrivez le message.")]
        [StringLength(8000, ErrorMessage = "Le message ne doit pas dépasser {1} caractères.")]
        public string? Body { get; set; }
    }

    public sealed record Option(int Id, string Name);

    [BindProperty]
    public MailingInput Input { get; set; } = new();

    public bool IsManager { get; private set; }
    public IReadOnlyList<Option> Intercommunalities { get; private set; } = [];
    public IReadOnlyList<Option> Structures { get; private set; } = [];
    /// <summary>The previewed recipients, when the form was previewed.</summary>
    public IReadOnlyList<MailingRecipient>? Recipients { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Input.SubmissionKey = Guid.NewGuid();
        if (!IsManager)
        {
            Input.StructureId = Structures[0].Id;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApercuAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!CheckSegment() || !ModelState.IsValid)
        {
            return Page();
        }
        await PreviewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnvoyerAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!CheckSegment() || !ModelState.IsValid)
        {
            return Page();
        }
        if (string.IsNullOrEmpty(Input.RecipientsHash) || Input.SubmissionKey == Guid.Empty)
        {
            ModelState.AddModelError("", "Vérifiez d’abord la liste des destinataires avec « Voir les destinataires ».");
            await PreviewAsync(cancellationToken);
            return Page();
        }
        var sender = await users.GetUserAsync(User);
        var (result, mailingId) = await mailings.SendAsync(Segment(), Input.Subject!.Trim(), Input.Body!.Trim(), Input.RecipientsHash, Input.SubmissionKey,
            sender?.Id, sender?.DisplayName ?? sender?.Email ?? "Escale", cancellationToken);
        switch (result)
        {
            case MailingSendResult.NoRecipient:
                ModelState.AddModelError("", "Aucun destinataire ne correspond à ces critères : ce message ne peut pas être envoyé. Élargissez les critères.");
                await PreviewAsync(cancellationToken);
                return Page();
            case MailingSendResult.RecipientsChanged:
                ModelState.AddModelError("", "La liste des destinataires a changé depuis l’aperçu : rien n’a été envoyé. Vérifiez la nouvelle liste ci-dessous, puis envoyez.");
                await PreviewAsync(cancellationToken);
                return Page();
            default:
                TempData["StatusMessage"] = result == MailingSendResult.Sent ? "Message envoyé." : "Ce message était déjà envoyé : il n’est pas reparti.";
                return Redirect($"/espace-reseau/envois/{mailingId}");
        }
    }

    private MailingSegment Segment() => new(Input.IntercommunalityId, Input.Kind, Input.Role, Input.StructureId);

    private async Task PreviewAsync(CancellationToken cancellationToken)
    {
        Recipients = await mailings.RecipientsAsync(Segment(), cancellationToken);
        Input.RecipientsHash = Recipients.Count == 0 ? null : MailingRecipients.Hash(Recipients);
        ModelState.Remove($"{nameof(Input)}.{nameof(MailingInput.RecipientsHash)}");
        if (Recipients.Count == 0 && ModelState.ErrorCount == 0)
        {
            ModelState.AddModelError("", "Aucun destinataire ne correspond à ces critères : ce message ne peut pas être envoyé. Élargissez les critères.");
        }
    }

    /// <summary>A coordinator writes to one of their structures only; the filters must name what exists.</summary>
    private bool CheckSegment()
    {
        if (!IsManager && (Input.StructureId is not { } structure || Structures.All(s => s.Id != structure)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MailingInput.StructureId)}", "Choisissez l’une de vos structures.");
        }
        if (Input.StructureId is { } chosen && Structures.All(s => s.Id != chosen))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MailingInput.StructureId)}", "Choisissez une structure de la liste.");
        }
        if (Input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MailingInput.Kind)}", "Choisissez un type de la liste.");
        }
        if (Input.Role is { } role && !Enum.IsDefined(role))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MailingInput.Role)}", "Choisissez un rôle de la liste.");
        }
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        IsManager = await access.IsManagerAsync(User, cancellationToken);
        var coordinated = IsManager ? null : await access.CoordinatedAsync(User, cancellationToken);
        if (coordinated is { Count: 0 })
        {
            return false;
        }
        Structures = await db.WelcomeStructures.AsNoTracking().Where(s => coordinated == null || coordinated.Contains(s.Id)).OrderBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name)).ToListAsync(cancellationToken);
        Intercommunalities = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name).Select(e => new Option(e.Id, e.Name)).ToListAsync(cancellationToken);
        return true;
    }
}
