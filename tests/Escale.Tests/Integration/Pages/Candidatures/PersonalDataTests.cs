using System.Text.Json;
using Escale.Core.Calls;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Compte;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Escale.Tests.Infrastructure.ApplicationSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Candidatures;

/// <summary>Applications in the personal data export and erasure of their lead and of a member.</summary>
[Collection(ApplicationsCollection.Name)]
public sealed class PersonalDataTests(ApplicationAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Export_ListsTheApplicationAndTheGuardian_AndErasingTheLeadDeletesIt_ErasingAMemberRemovesThem(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now, fields: new FieldSpec("Votre dossier", CallFieldType.File));
        var lead = await SignedInAsync(app);
        var id = await StartedAsync(lead.Client, call, BornYearsAgo(now, 14), "Sam Parent", $"parent-{Guid.NewGuid():N}@test.escale");
        await PressAsync(lead.Client, id, "enregistrer", files: new Dictionary<string, (string, byte[])> { [$"fichier-{call.Fields[0].Id}"] = ("projet.pdf", Pdf) });
        var otherCall = await CallAsync(app, now);
        var otherLead = await SignedInAsync(app);
        var otherId = await StartedAsync(otherLead.Client, otherCall, BornYearsAgo(now, 20));
        await PostFormAsync(otherLead.Client, ApplicationPath(otherId) + "/equipe", "#inviter",
            new Dictionary<string, string> { ["Invite.Name"] = "Lou", ["Invite.Email"] = lead.User.Email! });
        var invitation = LinkIn(await fixture.Mail.WaitForMessageAsync(lead.User.Email!), "/candidatures/invitation/");
        await PostFormAsync(lead.Client, invitation, "main form", new Dictionary<string, string> { ["Input.DateOfBirth"] = BornYearsAgo(now, 20) });

        await using var scope = app.Scope();
        var personalData = scope.ServiceProvider.GetRequiredService<PersonalData>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(lead.User.Id);
        var export = JsonSerializer.Serialize(await personalData.ExportAsync(user!, CancellationToken.None));
        await personalData.EraseAsync(user!, CancellationToken.None);

        Assert.Contains("Un tiers-lieu pour les jeunes", export, StringComparison.Ordinal);
        Assert.Contains("projet.pdf", export, StringComparison.Ordinal);
        Assert.Contains("Sam Parent", export, StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", export, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CallApplications.AnyAsync(a => a.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.ApplicationFiles.AnyAsync(f => f.FileName == "projet.pdf" && db.ApplicationAnswers.Any(a => a.Id == f.AnswerId && a.ApplicationId == id))));
        var other = await ApplicationAsync(app, otherId);
        Assert.Equal(ApplicationStatus.Draft, other.Status);
        Assert.DoesNotContain(other.Members, m => m.UserId == lead.User.Id || m.Email == lead.User.Email);
    }
}
