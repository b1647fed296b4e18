using System.Text;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Infrastructure;

/// <summary>Calls in evaluation, applications with their team and answers, jurors and evaluations, made directly in the database, each test its own.</summary>
public static class JurySteps
{
    public const string PublicAnswer = "Un tiers-lieu numérique au cœur du causse";
    public const string PrivateAnswer = "Budget prévisionnel de 12 400 euros";
    public const string HiddenAnswer = "Lycée Champollion de Figeac, réponse masquée";
    public const string HiddenFileName = "piece-identite-masquee.pdf";
    public const string PrivateFileName = "dossier-technique.pdf";

    public sealed record SignedInPerson(ApplicationUser User, HttpClient Client);

    public sealed record Team(CallApplication Application, ApplicationUser Lead, IReadOnlyList<ApplicationMember> Members);

    public static async Task<SignedInPerson> JurorAsync(EscaleAppFactory app, CallForProjects call)
    {
        var user = await MailAppFixture.CreateUserAsync(app, true, Roles.Jury);
        await app.WithDbAsync(db =>
        {
            db.CallJurors.Add(new CallJuror { CallId = call.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return new SignedInPerson(user, client);
    }

    public static async Task<SignedInPerson> TeamMemberAsync(EscaleAppFactory app)
    {
        var user = await MailAppFixture.CreateUserAsync(app, true, Roles.Editor);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return new SignedInPerson(user, client);
    }

    /// <summary>A call whose deadline passed, with a public, a private and a jury-hidden field (and a file of each of the last two), and a grid of 60 + 40.</summary>
    public static async Task<CallForProjects> CallAsync(EscaleAppFactory app, bool normalise = false, int minScores = 5)
    {
        var now = DateTimeOffset.UtcNow;
        var key = Guid.NewGuid().ToString("N")[..8];
        var call = new CallForProjects
        {
            Slug = "appel-jury-" + key,
            Title = "Appel jury " + key,
            Summary = "Un appel pour tester le jury.",
            PublishedAt = now.AddDays(-40),
            OpensAt = now.AddDays(-30),
            ClosesAt = now.AddDays(-1),
            NormaliseScores = normalise,
            MinScoresForNormalisation = minScores,
            MaxTeamSize = 3,
            CreatedAt = now,
            UpdatedAt = now,
            Fields =
            [
                new CallField { Order = 1, Label = "Résumé du projet", Type = CallFieldType.LongText, Visibility = FieldVisibility.Public },
                new CallField { Order = 2, Label = "Budget", Type = CallFieldType.ShortText, Visibility = FieldVisibility.Private },
                new CallField { Order = 3, Label = "Établissement scolaire", Type = CallFieldType.ShortText, Visibility = FieldVisibility.HiddenFromJury },
                new CallField { Order = 4, Label = "Dossier technique", Type = CallFieldType.File, Visibility = FieldVisibility.Private },
                new CallField { Order = 5, Label = "Pièce d’identité", Type = CallFieldType.File, Visibility = FieldVisibility.HiddenFromJury },
            ],
            Criteria =
            [
                new CallCriterion { Order = 1, Name = "Innovation", Weight = 60 },
                new CallCriterion { Order = 2, Name = "Faisabilité", Weight = 40 },
            ],
        };
        await app.WithDbAsync(db =>
        {
            db.Calls.Add(call);
            return db.SaveChangesAsync();
        });
        return call;
    }

    /// <summary>An application of a team of three (a lead and two confirmed members, one a minor with a school), answered on every field.</summary>
    public static async Task<Team> ApplicationAsync(EscaleAppFactory app, CallForProjects call, ApplicationStatus status = ApplicationStatus.UnderEvaluation)
    {
        var lead = await MailAppFixture.CreateUserAsync(app);
        var key = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var fields = call.Fields.OrderBy(f => f.Order).ToList();
        var application = new CallApplication
        {
            CallId = call.Id,
            LeadUserId = lead.Id,
            ProjectTitle = "Projet " + key,
            Status = status,
            SubmittedAt = now.AddDays(-5),
            CreatedAt = now,
            UpdatedAt = now,
            Members =
            [
                new ApplicationMember { Role = MemberRole.Lead, UserId = lead.Id, Name = "Léonie Meneuse" + key, Email = lead.Email!, InvitedAt = now, ConfirmedAt = now,
                    DateOfBirth = new DateOnly(2011, 3, 4), School = "Collège Masqué " + key },
                new ApplicationMember { Role = MemberRole.Member, Name = "Hugo Coéquipier" + key, Email = $"m1-{key}@test.escale", InvitedAt = now, ConfirmedAt = now,
                    DateOfBirth = new DateOnly(2010, 6, 7) },
                new ApplicationMember { Role = MemberRole.Member, Name = "Inès Partenaire" + key, Email = $"m2-{key}@test.escale", InvitedAt = now, ConfirmedAt = now },
            ],
            Answers =
            [
                new ApplicationAnswer { FieldId = fields[0].Id, Value = PublicAnswer },
                new ApplicationAnswer { FieldId = fields[1].Id, Value = PrivateAnswer },
                new ApplicationAnswer { FieldId = fields[2].Id, Value = HiddenAnswer },
                new ApplicationAnswer { FieldId = fields[3].Id, Value = PrivateFileName, File = new ApplicationFile
                    { FileName = PrivateFileName, ContentType = "application/pdf", SizeBytes = 12, Content = Encoding.ASCII.GetBytes("%PDF-1.4 ok\n") } },
                new ApplicationAnswer { FieldId = fields[4].Id, Value = HiddenFileName, File = new ApplicationFile
                    { FileName = HiddenFileName, ContentType = "application/pdf", SizeBytes = 12, Content = Encoding.ASCII.GetBytes("%PDF-1.4 no\n") } },
            ],
        };
        await app.WithDbAsync(db =>
        {
            db.CallApplications.Add(application);
            return db.SaveChangesAsync();
        });
        return new Team(application, lead, application.Members);
    }

    /// <summary>An assignment; with <paramref name="scores"/> (one per criterion, in the grid's order) it is submitted, with a reason recused.</summary>
    public static async Task<JurorAssignment> AssignAsync(EscaleAppFactory app, CallForProjects call, int applicationId, string jurorUserId, int[]? scores = null, string? conflict = null)
    {
        var now = DateTimeOffset.UtcNow;
        var criteria = call.Criteria.OrderBy(c => c.Order).ToList();
        var assignment = new JurorAssignment { ApplicationId = applicationId, JurorUserId = jurorUserId, AssignedAt = now };
        if (scores is not null)
        {
            assignment.Scores = [.. criteria.Zip(scores).Select(p => new JurorScore { CriterionId = p.First.Id, Score = p.Second })];
            assignment.WeightedScore = JuryRanking.WeightedTotal(criteria.Zip(scores).Select(p => (p.First.Weight, p.Second)));
            assignment.SubmittedAt = now;
        }
        if (conflict is not null)
        {
            assignment.ConflictDeclaredAt = now;
            assignment.ConflictReason = conflict;
        }
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        db.JurorAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment;
    }
}
