using System.Globalization;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The household changes the main answers of its project as its plans move: timeline, arrival month, target
/// intercommunalities (and drops communes it chose), housing, needs, children's ages, each adult's wish. The change is
/// on the case's timeline; the matches follow at once.
/// </summary>
public sealed class ProjetModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ProjectInput
    {
        public MoveTimeline Timeline { get; set; }
        /// <summary>"2027-03", as an &lt;input type=month&gt; sends it.</summary>
        public string? ArrivalMonth { get; set; }
        public List<int> IntercommunalityIds { get; set; } = [];
        public List<int> CommuneIds { get; set; } = [];
        public List<HousingNeeds> Housing { get; set; } = [];
        public int? HousingBudget { get; set; }
        public int? HousingRooms { get; set; }
        public List<HouseholdNeeds> Needs { get; set; } = [];
        public string? ChildrenAges { get; set; }
        public List<AdultWish> Wishes { get; set; } = [];
    }

    public sealed record Choice(int Id, string Name);

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Intercommunalities { get; private set; } = [];
    public IReadOnlyList<Choice> ChosenCommunes { get; private set; } = [];
    public IReadOnlyList<string> AdultNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var welcomeCase = await db.CaseOf(users.GetUserId(User)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        var project = welcomeCase.Project;
        Input = new ProjectInput
        {
            Timeline = project.Timeline,
            ArrivalMonth = project.ArrivalOn?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            IntercommunalityIds = [.. project.TargetIntercommunalityIds],
            CommuneIds = [.. project.TargetCommuneIds],
            Housing = [.. Enum.GetValues<HousingNeeds>().Where(h => h != HousingNeeds.None && project.Housing.HasFlag(h))],
            HousingBudget = project.HousingBudget,
            HousingRooms = project.HousingRooms,
            Needs = [.. Enum.GetValues<HouseholdNeeds>().Where(n => n != HouseholdNeeds.None && project.Needs.HasFlag(n))],
            ChildrenAges = string.Join(", ", project.ChildrenAges),
            Wishes = [.. project.Adults.Select(a => a.Wish)],
        };
        await LoadChoicesAsync(project, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        var project = welcomeCase.Project;
        DateOnly? arrival = null;
        if (!string.IsNullOrWhiteSpace(Input.ArrivalMonth))
        {
            if (!DateOnly.TryParseExact(Input.ArrivalMonth.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                ModelState.AddModelError("Input.ArrivalMonth", t["Le mois d’arrivée doit s’écrire comme « 2027-03 »."]);
            }
            else if (month < FirstOfMonth(DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow()))))
            {
                ModelState.AddModelError("Input.ArrivalMonth", t["Le mois d’arrivée ne peut pas être passé."]);
            }
            else
            {
                arrival = month;
            }
        }
        var ages = new List<int>();
        foreach (var part in (Input.ChildrenAges ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age > 25)
            {
                ModelState.AddModelError("Input.ChildrenAges", t["Écrivez l’âge de chaque enfant en années, séparés par des virgules (par exemple « 6, 11 »)."]);
                break;
            }
            ages.Add(age);
        }
        var known = await db.Intercommunalities.Where(e => Input.IntercommunalityIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (known.Count != Input.IntercommunalityIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.IntercommunalityIds", t["Choisissez des intercommunalités de la liste."]);
        }
        if (Input.HousingBudget is < 0 or > 10_000_000)
        {
            ModelState.AddModelError("Input.HousingBudget", t["Indiquez un budget en euros."]);
        }
        if (Input.HousingRooms is < 1 or > 20)
        {
            ModelState.AddModelError("Input.HousingRooms", t["Indiquez un nombre de pièces entre 1 et 20."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(project, cancellationToken);
            return Page();
        }
        project.Timeline = Input.Timeline;
        project.ArrivalOn = arrival;
        project.TargetIntercommunalityIds = [.. known.Order()];
        // Communes can only be dropped here: adding one goes through the project form's commune search.
        project.TargetCommuneIds = [.. project.TargetCommuneIds.Where(Input.CommuneIds.Contains)];
        project.Housing = Input.Housing.Aggregate(HousingNeeds.None, (all, h) => all | h);
        project.HousingBudget = Input.HousingBudget;
        project.HousingRooms = Input.HousingRooms;
        project.Needs = Input.Needs.Aggregate(HouseholdNeeds.None, (all, n) => all | n);
        project.ChildrenAges = ages;
        for (var i = 0; i < project.Adults.Count && i < Input.Wishes.Count; i++)
        {
            project.Adults[i].Wish = Input.Wishes[i];
        }
        welcomeCase.IsBusinessProject = project.IsBusinessProject;
        welcomeCase.Record(CaseEventKind.ProjectEdited, welcomeCase.HouseholdActor(userId), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Votre projet est à jour ; vos propositions aussi.";
        return RedirectToPage();
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private async Task LoadChoicesAsync(HouseholdProject project, CancellationToken cancellationToken)
    {
        Intercommunalities = await db.Intercommunalities.OrderBy(e => e.Name).Select(e => new Choice(e.Id, e.Name)).ToListAsync(cancellationToken);
        ChosenCommunes = await db.Communes.Where(c => project.TargetCommuneIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        AdultNames = project.Adults.Select(a => a.FirstName).ToList();
    }
}
