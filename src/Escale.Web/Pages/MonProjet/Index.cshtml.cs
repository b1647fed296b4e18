using System.Globalization;
using System.Net.Mail;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.Compte;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonProjet;

/// <summary>
/// « Mon projet d'installation »: five steps posted to this one page (plain forms, no JavaScript needed), then the
/// account and the case. Each « Continuer » checks its own step; the final submit checks them all again, since
/// hidden fields come back as the visitor's browser sends them.
/// </summary>
public sealed partial class IndexModel(
    EscaleDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, CaseIntake intake,
    IEmailOutbox outbox, WelcomePack pack, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public const int LastStep = 5;

    /// <summary>
    /// Submissions run a few at a time, the others wait their turn without holding a thread: hashing a password is
    /// slow on purpose, and a crowd of them at once starves the thread pool until database commands time out.
    /// </summary>
    private static readonly SemaphoreSlim SubmissionGate = new(Math.Max(2, Environment.ProcessorCount));

    public static readonly IReadOnlyList<string> StepTitles =
        ["Votre foyer", "Votre profil, vos lieux, votre calendrier", "Logement et besoins", "Comment vous nous avez connus", "Votre compte et vos accords"];

    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    [BindProperty]
    public int Step { get; set; } = 1;

    /// <summary>The button pressed: next, back, submit, add-adult, remove-adult-{i}, search-{i}.</summary>
    [BindProperty]
    public string? Go { get; set; }

    /// <summary>Left empty by people, who never see it; robots fill every field.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public sealed record Option(string Value, string Label);
    public sealed record Group(string Label, IReadOnlyList<Option> Options);

    public IReadOnlyList<Option> Personas { get; private set; } = [];
    public IReadOnlyList<Option> Intercommunalities { get; private set; } = [];
    public IReadOnlyList<Group> Communes { get; private set; } = [];
    public IReadOnlyList<Group> NafDivisions { get; private set; } = [];
    /// <summary>The ROME occupations found by an adult's « Chercher », by the adult's row.</summary>
    public Dictionary<int, IReadOnlyList<Option>> SearchResults { get; } = [];
    /// <summary>The labels of the occupations already chosen.</summary>
    public Dictionary<string, string> Occupations { get; private set; } = [];
    public string? Campaign { get; private set; }
    public string? SignedInName { get; private set; }
    /// <summary>The e-mail typed on the last step already has an account: the field says so, with a way to sign in.</summary>
    public bool EmailHasAccount { get; private set; }
    public int FirstResponseWorkingDays => pack.FirstResponseWorkingDays;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.SubmissionKey = Guid.NewGuid();
        Input.Adults = [new AdultInput(), new AdultInput()];
        if (Campagnes.CampaignCookies.LastTouch(Request) is not null)
        {
            Input.HeardFrom = HeardFrom.Campaign;
        }
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            LogHoneypot(logger);
            return RedirectToPage("/MonProjet/Envoye");
        }
        if (Input.SubmissionKey == Guid.Empty)
        {
            Input.SubmissionKey = Guid.NewGuid();
        }
        Step = Math.Clamp(Step, 1, LastStep);
        var (action, index) = ParseGo(Go);
        switch (action)
        {
            case "back":
                ModelState.Clear();
                Step = Math.Max(1, Step - 1);
                break;
            case "add-adult":
                ModelState.Clear();
                if (Input.Adults.Count < ProjectForm.MaxAdults)
                {
                    Input.Adults.Add(new AdultInput());
                }
                break;
            case "remove-adult" when index < Input.Adults.Count && Input.Adults.Count > 1:
                ModelState.Clear();
                Input.Adults.RemoveAt(index);
                break;
            case "search" when index < Input.Adults.Count:
                ModelState.Clear();
                await SearchAsync(index, cancellationToken);
                break;
            case "submit" when Step == LastStep:
                await SubmissionGate.WaitAsync(cancellationToken);
                try
                {
                    if (await ValidateAllAsync(cancellationToken) && await SubmitAsync(cancellationToken) is { } done)
                    {
                        return done;
                    }
                }
                finally
                {
                    SubmissionGate.Release();
                }
                break;
            default:
                if (await ValidateAsync(Step, cancellationToken))
                {
                    ModelState.Clear();
                    Step = Math.Min(LastStep, Step + 1);
                }
                break;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static (string Action, int Index) ParseGo(string? go)
    {
        var value = go ?? "next";
        var dash = value.LastIndexOf('-');
        return dash > 0 && int.TryParse(value[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (value[..dash], index)
            : (value, 0);
    }

    /// <summary>Creates the account (when not signed in), then the case, in one transaction; null when the form must show again.</summary>
    private async Task<IActionResult?> SubmitAsync(CancellationToken cancellationToken)
    {
        var key = Input.SubmissionKey;
        if (await intake.FindAsync(key, cancellationToken) is not null)
        {
            return RedirectToPage("/MonProjet/Envoye", new { cle = key });
        }
        var signedIn = await users.GetUserAsync(User);
        var project = Input.ToProject();
        var romeCodes = project.Adults.Select(a => a.RomeCode).OfType<string>().ToList();
        var labels = await db.RomeOccupations.Where(r => romeCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Label, cancellationToken);
        project.Adults.ForEach(a => a.OccupationLabel = a.RomeCode is null ? null : labels.GetValueOrDefault(a.RomeCode));

        var user = signedIn ?? new ApplicationUser
        {
            UserName = Input.Email!.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.Name!.Trim(),
            CreatedAt = time.GetUtcNow(),
            CampaignCode = Campagnes.CampaignCookies.LastTouch(Request),
            FirstCampaignCode = Campagnes.CampaignCookies.FirstTouch(Request),
        };
        if (signedIn is null)
        {
            // The password is checked and hashed before the transaction: hashing is slow on purpose, and a
            // transaction that waits on it holds a database connection that a crowd of submissions needs.
            var errors = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange((await validator.ValidateAsync(users, user, Input.Password)).Errors);
            }
            if (errors.Count > 0)
            {
                return await RefusedAccountAsync(IdentityResult.Failed([.. errors]), cancellationToken);
            }
            user.PasswordHash = users.PasswordHasher.HashPassword(user, Input.Password!);
        }
        int caseId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (signedIn is null)
            {
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return await RefusedAccountAsync(created, cancellationToken);
                }
                // Stored by AddToRoleAsync's save, as /compte/inscription does.
                await this.QueueConfirmationAsync(outbox, users, user);
                await users.AddToRoleAsync(user, Roles.Newcomer);
            }
            else
            {
                if (!await users.IsInRoleAsync(user, Roles.Newcomer))
                {
                    await users.AddToRoleAsync(user, Roles.Newcomer);
                }
            }
            var welcomeCase = await intake.CreateAsync(new CaseIntakeRequest(
                key, user.Id, user.Email!, user.DisplayName ?? Input.Name ?? "", project, Input.PersonaId,
                Campagnes.CampaignCookies.LastTouch(Request), Campagnes.CampaignCookies.FirstTouch(Request),
                Input.ConsentMatchEmails, Input.ConsentFollowUp), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            caseId = welcomeCase.Id;
        }
        catch (DbUpdateException)
        {
            // Two submits at once: the unique index on the submission key (or on the e-mail) stopped the second.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await intake.FindAsync(key, cancellationToken) is not null)
            {
                return RedirectToPage("/MonProjet/Envoye", new { cle = key });
            }
            if (signedIn is null && await users.FindByEmailAsync(Input.Email!.Trim()) is not null)
            {
                ShowEmailHasAccount();
                Step = LastStep;
                return null;
            }
            throw;
        }
        LogCreated(logger, caseId);
        if (signedIn is not null)
        {
            // The new role shows at once: /mon-espace is for newcomers.
            await signIn.RefreshSignInAsync(signedIn);
        }
        return RedirectToPage("/MonProjet/Envoye", new { cle = key });
    }

    private async Task<IActionResult?> RefusedAccountAsync(IdentityResult result, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Step = LastStep;
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            // The same form sent twice: its first post made the account and the case.
            if (await intake.FindAsync(Input.SubmissionKey, cancellationToken) is not null)
            {
                return RedirectToPage("/MonProjet/Envoye", new { cle = Input.SubmissionKey });
            }
            ShowEmailHasAccount();
            return null;
        }
        foreach (var field in result.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email"))
        {
            ModelState.AddModelError(field.Key, string.Join(" ", field.Select(e => e.Description)));
        }
        return null;
    }

    private void ShowEmailHasAccount()
    {
        EmailHasAccount = true;
        ModelState.AddModelError("Input.Email", "Un compte existe déjà avec cette adresse.");
    }

    private async Task SearchAsync(int index, CancellationToken cancellationToken)
    {
        var adult = Input.Adults[index];
        var query = adult.OccupationQuery?.Trim() ?? "";
        if (query.Length < 2)
        {
            ModelState.AddModelError($"Input.Adults[{index}].OccupationQuery", RomeSearch.TooShortMessage);
            return;
        }
        SearchResults[index] = (await RomeSearch.FindAsync(db, query, cancellationToken)).Select(r => new Option(r.Code, r.Label)).ToList();
        if (SearchResults[index].Count == 0)
        {
            ModelState.AddModelError($"Input.Adults[{index}].OccupationQuery", RomeSearch.NothingFoundMessage);
        }
    }

    /// <summary>Checks every step again (hidden fields come back as the browser sends them); shows the first that fails.</summary>
    private async Task<bool> ValidateAllAsync(CancellationToken cancellationToken)
    {
        for (var step = 1; step <= LastStep; step++)
        {
            if (!await ValidateAsync(step, cancellationToken))
            {
                Step = step;
                return false;
            }
        }
        return true;
    }

    /// <summary>Checks one step, adding French messages beside its fields.</summary>
    private async Task<bool> ValidateAsync(int step, CancellationToken cancellationToken)
    {
        var before = ModelState.ErrorCount;
        switch (step)
        {
            case 1:
                await ValidateHouseholdAsync(cancellationToken);
                break;
            case 2:
                await ValidatePlacesAsync(cancellationToken);
                break;
            case 3:
                ValidateHousing();
                break;
            case 4:
                ValidateSource();
                break;
            default:
                ValidateAccount();
                break;
        }
        return ModelState.ErrorCount == before && ModelState.IsValid;
    }

    private async Task ValidateHouseholdAsync(CancellationToken cancellationToken)
    {
        if (!Input.NamedAdults.Any())
        {
            Input.Adults = Input.Adults.Count == 0 ? [new AdultInput()] : Input.Adults;
            Error("Adults[0].FirstName", "Indiquez au moins un adulte : son prénom suffit.");
        }
        var chosen = Input.Adults.Select(a => a.RomeCode).OfType<string>().ToList();
        var known = await db.RomeOccupations.Where(r => chosen.Contains(r.Code)).Select(r => r.Code).ToListAsync(cancellationToken);
        var divisions = Input.Adults.Select(a => a.NafCode).OfType<string>().ToList();
        var knownDivisions = await db.NafActivities.Where(n => divisions.Contains(n.Code) && n.Level == "division").Select(n => n.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < Input.Adults.Count; i++)
        {
            var adult = Input.Adults[i];
            var field = $"Adults[{i.ToString(CultureInfo.InvariantCulture)}].";
            if (string.IsNullOrWhiteSpace(adult.FirstName))
            {
                continue;
            }
            if (adult.FirstName.Length > 100 || adult.LastName?.Length > 100)
            {
                Error(field + "FirstName", "Un prénom ou un nom ne dépasse pas 100 caractères.");
            }
            if (adult.Wish is null)
            {
                Error(field + "Wish", "Dites ce que cette personne souhaite faire ici.");
            }
            if (adult.RomeCode is not null && !known.Contains(adult.RomeCode))
            {
                adult.RomeCode = null;
                Error(field + "OccupationQuery", "Ce métier n’existe pas dans la liste : cherchez-le à nouveau.");
            }
            else if (adult.RomeCode is null && !string.IsNullOrWhiteSpace(adult.OccupationQuery))
            {
                Error(field + "OccupationQuery", "Cliquez sur « Chercher », puis choisissez un métier dans la liste (ou videz ce champ).");
            }
            if (adult.ExperienceYears is < 0 or > 60)
            {
                Error(field + "ExperienceYears", "Indiquez un nombre d’années entre 0 et 60.");
            }
            if (adult.IsBusiness)
            {
                if (adult.NafCode is null)
                {
                    Error(field + "NafCode", "Choisissez l’activité de votre projet d’entreprise.");
                }
                else if (!knownDivisions.Contains(adult.NafCode))
                {
                    Error(field + "NafCode", "Cette activité n’existe pas dans la liste : choisissez-en une.");
                }
                if (adult.Budget is < 0 or > 50_000_000)
                {
                    Error(field + "Budget", "Indiquez un budget en euros, entre 0 et 50 000 000.");
                }
            }
        }
        if (Input.ParsedChildrenAges() is not { } ages || ages.Count > 15)
        {
            Error(nameof(ProjectForm.ChildrenAges), "Indiquez les âges en nombres entiers, séparés par des virgules (par exemple : 6, 11).");
        }
        else if (ages.Any(age => age is < 0 or > 25))
        {
            Error(nameof(ProjectForm.ChildrenAges), "Un âge d’enfant va de 0 à 25 ans.");
        }
    }

    private async Task ValidatePlacesAsync(CancellationToken cancellationToken)
    {
        if (Input.PersonaId is { } personaId && !await db.Personas.AnyAsync(p => p.Id == personaId, cancellationToken))
        {
            Error(nameof(ProjectForm.PersonaId), "Ce profil n’existe pas : choisissez-en un dans la liste.");
        }
        if (Input.CurrentPlace?.Length > 200)
        {
            Error(nameof(ProjectForm.CurrentPlace), "Ce lieu ne dépasse pas 200 caractères.");
        }
        var epcis = Input.IntercommunalityIds.Distinct().ToList();
        var communes = Input.CommuneIds.Distinct().ToList();
        if (Input.Anywhere && (epcis.Count > 0 || communes.Count > 0))
        {
            Error(nameof(ProjectForm.Anywhere), "Choisissez « N’importe où » ou des lieux précis, pas les deux.");
        }
        else if (!Input.Anywhere && epcis.Count == 0 && communes.Count == 0)
        {
            Error(nameof(ProjectForm.IntercommunalityIds), "Choisissez au moins une intercommunalité ou une commune, ou « N’importe où ».");
        }
        if (await db.Intercommunalities.CountAsync(e => epcis.Contains(e.Id), cancellationToken) != epcis.Count)
        {
            Error(nameof(ProjectForm.IntercommunalityIds), "Une intercommunalité choisie n’existe pas : choisissez dans la liste.");
        }
        if (await db.Communes.CountAsync(c => communes.Contains(c.Id), cancellationToken) != communes.Count)
        {
            Error(nameof(ProjectForm.CommuneIds), "Une commune choisie n’existe pas : choisissez dans la liste.");
        }
        if (Input.Timeline is null)
        {
            Error(nameof(ProjectForm.Timeline), "Dites quand vous pensez vous installer.");
        }
        if (!string.IsNullOrEmpty(Input.ArrivalMonth))
        {
            var thisMonth = DateOnly.FromDateTime(ParisTime.ToLocal(time.GetUtcNow()));
            thisMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
            if (Input.ParsedArrival() is not { } arrival)
            {
                Error(nameof(ProjectForm.ArrivalMonth), "Indiquez le mois sous la forme AAAA-MM (par exemple 2027-03).");
            }
            else if (arrival < thisMonth)
            {
                Error(nameof(ProjectForm.ArrivalMonth), "Le mois d’arrivée est déjà passé : choisissez ce mois-ci ou un mois à venir.");
            }
            else if (Horizon(Input.Timeline) is { } months && arrival > thisMonth.AddMonths(months))
            {
                Error(nameof(ProjectForm.ArrivalMonth), $"Ce mois est au-delà du délai choisi ({WelcomeLabels.Timeline(Input.Timeline!.Value).ToLower(CultureInfo.GetCultureInfo("fr-FR"))}) : corrigez l’un ou l’autre.");
            }
            else if (arrival > thisMonth.AddYears(5))
            {
                Error(nameof(ProjectForm.ArrivalMonth), "Choisissez un mois dans les cinq ans à venir.");
            }
        }
    }

    private static int? Horizon(MoveTimeline? timeline) => timeline switch
    {
        MoveTimeline.WithinSixMonths => 6,
        MoveTimeline.WithinYear => 12,
        MoveTimeline.WithinTwoYears => 24,
        _ => null,
    };

    private void ValidateHousing()
    {
        if (Input.HousingBudget is < 0 or > 5_000_000)
        {
            Error(nameof(ProjectForm.HousingBudget), "Indiquez un budget en euros, entre 0 et 5 000 000.");
        }
        if (Input.HousingRooms is < 1 or > 20)
        {
            Error(nameof(ProjectForm.HousingRooms), "Indiquez un nombre de pièces entre 1 et 20.");
        }
        if ((Input.HousingBudget is not null || Input.HousingRooms is not null) && Input.Housing.Count == 0)
        {
            Error(nameof(ProjectForm.Housing), "Cochez le logement que vous cherchez (louer, acheter, temporaire).");
        }
    }

    private void ValidateSource()
    {
        if (Input.HeardFrom is null)
        {
            Error(nameof(ProjectForm.HeardFrom), "Dites-nous comment vous avez connu le territoire.");
        }
        else if (Input.HeardFrom is HeardFrom.Ambassador && string.IsNullOrWhiteSpace(Input.HeardFromDetail))
        {
            Error(nameof(ProjectForm.HeardFromDetail), "Indiquez le code que l’ambassadeur vous a donné (ou son nom).");
        }
        if (Input.HeardFromDetail?.Length > 200)
        {
            Error(nameof(ProjectForm.HeardFromDetail), "Cette précision ne dépasse pas 200 caractères.");
        }
        if (!string.IsNullOrWhiteSpace(Input.Phone) && (Input.Phone.Length > 30 || Input.Phone.Count(char.IsAsciiDigit) < 9 || Input.Phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '.' or '-' or '(' or ')'))))
        {
            Error(nameof(ProjectForm.Phone), "Ce numéro de téléphone n’est pas valide (par exemple : 06 12 34 56 78).");
        }
        if (Input.Message?.Length > 2000)
        {
            Error(nameof(ProjectForm.Message), "Le message ne dépasse pas 2 000 caractères.");
        }
    }

    private void ValidateAccount()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            if (string.IsNullOrWhiteSpace(Input.Name))
            {
                Error(nameof(ProjectForm.Name), "Indiquez votre nom.");
            }
            else if (Input.Name.Length > 200)
            {
                Error(nameof(ProjectForm.Name), "Le nom ne doit pas dépasser 200 caractères.");
            }
            if (string.IsNullOrWhiteSpace(Input.Email))
            {
                Error(nameof(ProjectForm.Email), "Indiquez votre adresse électronique.");
            }
            else if (Input.Email.Length > 256 || !MailAddress.TryCreate(Input.Email.Trim(), out var address) || address.Address != Input.Email.Trim())
            {
                Error(nameof(ProjectForm.Email), "Cette adresse électronique n’est pas valide.");
            }
            if (string.IsNullOrEmpty(Input.Password))
            {
                Error(nameof(ProjectForm.Password), "Choisissez un mot de passe.");
            }
            else if (Input.Password != Input.ConfirmPassword)
            {
                Error(nameof(ProjectForm.ConfirmPassword), "Les deux mots de passe ne sont pas identiques.");
            }
        }
        if (!Input.ConsentAccompaniment)
        {
            Error(nameof(ProjectForm.ConsentAccompaniment), "Sans cet accord, les référents ne peuvent pas recevoir votre projet : cochez-le pour l’envoyer.");
        }
    }

    private void Error(string field, string message) => ModelState.AddModelError("Input." + field, message);

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Campaign = Campagnes.CampaignCookies.LastTouch(Request);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            SignedInName = user.DisplayName ?? user.Email;
        }
        var personas = await db.Personas.AsNoTracking().OrderBy(p => p.Position).ToListAsync(cancellationToken);
        Personas = personas.Select(p => new Option(p.Id.ToString(CultureInfo.InvariantCulture), p.Name.Current)).ToList();
        var epcis = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, Communes = e.Communes.OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToList() })
            .ToListAsync(cancellationToken);
        Intercommunalities = epcis.Select(e => new Option(e.Id.ToString(CultureInfo.InvariantCulture), e.Name)).ToList();
        Communes = epcis.Where(e => e.Communes.Count > 0)
            .Select(e => new Group(e.Name, e.Communes.Select(c => new Option(c.Id.ToString(CultureInfo.InvariantCulture), c.Name)).ToList())).ToList();
        var naf = await db.NafActivities.AsNoTracking().Where(n => n.Level == "section" || n.Level == "division")
            .Select(n => new { n.Code, n.Level, n.Label, n.Section }).ToListAsync(cancellationToken);
        NafDivisions = naf.Where(n => n.Level == "section").OrderBy(n => n.Code, StringComparer.Ordinal)
            .Select(s => new Group(Sentence(s.Label), naf.Where(d => d.Level == "division" && d.Section == s.Code).OrderBy(d => d.Code, StringComparer.Ordinal)
                .Select(d => new Option(d.Code, d.Label)).ToList()))
            .Where(g => g.Options.Count > 0).ToList();
        var codes = Input.Adults.Select(a => a.RomeCode).OfType<string>().ToList();
        Occupations = await db.RomeOccupations.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Label, cancellationToken);
        if (Input.Adults.Count == 0)
        {
            Input.Adults.Add(new AdultInput());
        }
    }

    /// <summary>NAF sections are written in capitals ("AGRICULTURE, SYLVICULTURE ET PÊCHE"); a list reads better in a sentence's case.</summary>
    private static string Sentence(string label)
    {
        var culture = CultureInfo.GetCultureInfo("fr-FR");
        var lower = label.ToLower(culture);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], culture) + lower[1..];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Welcome project submitted: case {CaseId}")]
    private static partial void LogCreated(ILogger logger, int caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Welcome project refused: the hidden field was filled (a robot)")]
    private static partial void LogHoneypot(ILogger logger);
}
