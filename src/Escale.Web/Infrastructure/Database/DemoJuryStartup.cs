using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

/// <summary>
/// In Development only, when <c>Demo:JuryApplications</c> is above 0 (default 0) and the demo contest does not exist yet:
/// a business-creation contest under evaluation with that many applications, each evaluated by ten demo jurors (harsh
/// and lenient ones, some recusals), scores normalised; the demo juror (<c>jury@demo.escale.test</c>) sits on it too,
/// with up to 500 applications at every stage (to do, draft, submitted, recused). The jury benchmark asks for 5,000.
/// Leads are accounts without a password: nobody signs in as them.
/// </summary>
public static class DemoJuryStartup
{
    public const string Slug = "concours-demonstration-jury";
    private const int Jurors = 10;
    private const int DemoJurorApplications = 500;

    public static async Task SeedDemoJuryAsync(this WebApplication app)
    {
        var count = app.Configuration.GetValue("Demo:JuryApplications", 0);
        if (!app.Environment.IsDevelopment() || count <= 0)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        if (await db.Calls.AnyAsync(c => c.Slug == Slug))
        {
            return;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var random = new Random(46);

        var jurorIds = new List<string>();
        for (var i = 1; i <= Jurors; i++)
        {
            var email = $"jure-{i}@demo.escale.test";
            var juror = await users.FindByEmailAsync(email);
            if (juror is null)
            {
                juror = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Juré de démonstration {i}", CreatedAt = now };
                await users.CreateAsync(juror);
                await users.AddToRoleAsync(juror, Roles.Jury);
            }
            jurorIds.Add(juror.Id);
        }
        var demoJuror = await db.Users.Where(u => u.Email == "jury@demo.escale.test").Select(u => u.Id).FirstOrDefaultAsync();

        var call = new CallForProjects
        {
            Slug = Slug,
            Title = "Concours de création d’entreprise — démonstration du jury",
            Kind = CallKind.BusinessCreationContest,
            Summary = "Un concours fictif pour essayer l’évaluation par le jury et la délibération.",
            PublishedAt = now.AddDays(-60),
            OpensAt = now.AddDays(-50),
            ClosesAt = now.AddDays(-10),
            ResultsExpectedAt = now.AddDays(20),
            MaxTeamSize = 3,
            NormaliseScores = true,
            MinScoresForNormalisation = 5,
            CreatedAt = now,
            UpdatedAt = now,
            Fields =
            [
                new CallField { Order = 1, Label = "Le projet en quelques lignes", Type = CallFieldType.LongText, Required = true, Visibility = FieldVisibility.Public },
                new CallField { Order = 2, Label = "Modèle économique", Type = CallFieldType.LongText, Visibility = FieldVisibility.Private },
                new CallField { Order = 3, Label = "Établissement ou employeur actuel", Type = CallFieldType.ShortText, Visibility = FieldVisibility.HiddenFromJury },
            ],
            Criteria =
            [
                new CallCriterion { Order = 1, Name = "Caractère innovant", Weight = 40 },
                new CallCriterion { Order = 2, Name = "Viabilité économique", Weight = 35 },
                new CallCriterion { Order = 3, Name = "Ancrage dans le territoire", Weight = 25 },
            ],
        };
        call.Jurors = [.. jurorIds.Select(id => new CallJuror { UserId = id, AddedAt = now })];
        if (demoJuror is not null)
        {
            call.Jurors.Add(new CallJuror { UserId = demoJuror, AddedAt = now });
        }
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var fields = call.Fields.Select(f => f.Id).ToList();
        var criteria = call.Criteria.Select(c => (c.Id, c.Weight)).ToList();
        db.ChangeTracker.Clear();

        // Each juror has their own habit: harsh ones score low, lenient ones high, which normalisation evens out.
        var bias = jurorIds.Select((_, i) => -2.5 + 5.0 * i / (Jurors - 1)).ToList();
        string[] sectors = ["une microbrasserie", "un atelier de réparation de vélos", "une conserverie de légumes", "un tiers-lieu numérique",
            "une ferme de noix", "un gîte d’étape", "une agence de tourisme à vélo", "une menuiserie écologique"];
        string[] places = ["Figeac", "Cahors", "Gourdon", "Souillac", "Gramat", "Saint-Céré", "Lalbenque", "Puy-l’Évêque"];
        for (var n = 0; n < count; n++)
        {
            var email = $"porteur-{n}@demo.escale.test";
            var lead = new ApplicationUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = $"Porteuse de projet {n}", CreatedAt = now,
            };
            db.Users.Add(lead);
            var merit = random.NextDouble() * 6 + 2;
            var application = new CallApplication
            {
                CallId = call.Id,
                LeadUserId = lead.Id,
                ProjectTitle = $"{char.ToUpperInvariant(sectors[n % sectors.Length][0])}{sectors[n % sectors.Length][1..]} à {places[n / sectors.Length % places.Length]} (n° {n + 1})",
                Status = ApplicationStatus.UnderEvaluation,
                SubmittedAt = now.AddDays(-12),
                CreatedAt = now.AddDays(-20),
                UpdatedAt = now.AddDays(-8),
                Members = [new ApplicationMember { Role = MemberRole.Lead, UserId = lead.Id, Name = $"Porteuse de projet {n}", Email = email, InvitedAt = now, ConfirmedAt = now }],
                Answers =
                [
                    new ApplicationAnswer { FieldId = fields[0], Value = $"Créer {sectors[n % sectors.Length]} à {places[n / sectors.Length % places.Length]}, avec deux emplois dès la première année." },
                    new ApplicationAnswer { FieldId = fields[1], Value = "Vente directe et en ligne ; prêt d’honneur et apport personnel." },
                    new ApplicationAnswer { FieldId = fields[2], Value = "Employeur actuel : une entreprise de la vallée du Lot" },
                ],
            };
            for (var j = 0; j < Jurors; j++)
            {
                var assignment = new JurorAssignment { JurorUserId = jurorIds[j], AssignedAt = now.AddDays(-8) };
                if ((n + j) % 37 == 0)
                {
                    assignment.ConflictDeclaredAt = now.AddDays(-6);
                    assignment.ConflictReason = "Je connais personnellement la porteuse du projet.";
                }
                else
                {
                    Score(assignment, merit + bias[j], criteria, random, now);
                }
                application.Assignments.Add(assignment);
            }
            if (demoJuror is not null && n < DemoJurorApplications)
            {
                var mine = new JurorAssignment { JurorUserId = demoJuror, AssignedAt = now.AddDays(-8) };
                switch (n % 4)
                {
                    case 0:
                        Score(mine, merit, criteria, random, now);
                        break;
                    case 1:
                        mine.Scores = [new JurorScore { CriterionId = criteria[0].Id, Score = 6, Comment = "À approfondir." }];
                        break;
                    case 2 when n % 20 == 2:
                        mine.ConflictDeclaredAt = now.AddDays(-5);
                        mine.ConflictReason = "Ancienne collègue de la porteuse.";
                        break;
                }
                application.Assignments.Add(mine);
            }
            db.CallApplications.Add(application);
            if (n % 250 == 249)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        app.Logger.LogInformation("Seeded the demo jury contest with {Count} applications", count);
    }

    private static void Score(JurorAssignment assignment, double level, List<(int Id, int Weight)> criteria, Random random, DateTimeOffset now)
    {
        assignment.Scores = [.. criteria.Select(c => new JurorScore
            { CriterionId = c.Id, Score = (int)Math.Clamp(Math.Round(level + random.NextDouble() * 2 - 1), 0, CallCriterion.MaxScore) })];
        assignment.WeightedScore = JuryRanking.WeightedTotal(criteria.Select(c => (c.Weight, assignment.Scores.First(s => s.CriterionId == c.Id).Score)));
        assignment.SubmittedAt = now.AddDays(-3);
    }
}
