using Escale.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Escale.Web.Infrastructure.Identity;

/// <summary>
/// Who may open what, in one place: one named policy per audience, and the folders (or, where a folder mixes
/// audiences, the pages) each one guards. Pages carry no role strings. The authorization matrix test
/// (tests/Escale.Tests/Integration/AuthorizationMatrixTests.cs) lists every endpoint with its audience, so a new
/// page is refused until someone says who may see it. Minimal API endpoints that need one use these names too
/// (<c>RequireAuthorization(Policies.X)</c>).
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in person, whatever their role: their own account and personal data.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>The back office (<c>/admin</c>): the people who run the programme, not its public.</summary>
    public const string BackOffice = nameof(BackOffice);

    /// <summary>Who writes and publishes stories, events and campaigns.</summary>
    public const string Editors = nameof(Editors);

    /// <summary>Who approves or rejects opportunities, and imports them from their sources.</summary>
    public const string Moderators = nameof(Moderators);

    /// <summary>Who manages accounts and roles.</summary>
    public const string Administrators = nameof(Administrators);

    /// <summary>The partner space: partners publish their organisations' opportunities; the editorial team may look in.</summary>
    public const string Partners = nameof(Partners);

    /// <summary>Who may propose a portrait or a company story to the editorial team.</summary>
    public const string StoryProposers = nameof(StoryProposers);

    /// <summary>Welcome referents: the caseload and case files (each case further limited to their organisations' cases).</summary>
    public const string WelcomeReferents = nameof(WelcomeReferents);

    /// <summary>People moving in, following their own welcome journey in their space.</summary>
    public const string Newcomers = nameof(Newcomers);

    /// <summary>The teams running calls for projects and contests: build calls, check applications, assign jurors, deliberate, follow laureates.</summary>
    public const string CallTeams = nameof(CallTeams);

    /// <summary>Jurors of calls for projects (each evaluation further limited to the juror it is assigned to).</summary>
    public const string Jurors = nameof(Jurors);
    /// <summary>The brand co-creation's back office: its moderators (the editorial team) and the communication commission.</summary>
    public const string BrandTeam = nameof(BrandTeam);

    /// <summary>The communication commission, which answers each published brand proposal publicly.</summary>
    public const string BrandCommission = nameof(BrandCommission);

    public static AuthorizationBuilder AddEscalePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
        .AddPolicy(BackOffice, policy => policy.RequireRole(Roles.Administrator, Roles.Editor, Roles.WelcomeReferent, Roles.CommissionMember))
        .AddPolicy(Editors, policy => policy.RequireRole(Roles.Administrator, Roles.Editor))
        .AddPolicy(Moderators, policy => policy.RequireRole(Roles.Administrator, Roles.Editor))
        .AddPolicy(Administrators, policy => policy.RequireRole(Roles.Administrator))
        .AddPolicy(Partners, policy => policy.RequireRole(Roles.Partner, Roles.Editor, Roles.Administrator))
        .AddPolicy(StoryProposers, policy => policy.RequireRole(Roles.Partner, Roles.Ambassador))
        .AddPolicy(WelcomeReferents, policy => policy.RequireRole(Roles.WelcomeReferent))
        .AddPolicy(Newcomers, policy => policy.RequireRole(Roles.Newcomer))
        .AddPolicy(CallTeams, policy => policy.RequireRole(Roles.Administrator, Roles.Editor))
        .AddPolicy(Jurors, policy => policy.RequireRole(Roles.Jury))
        .AddPolicy(BrandTeam, policy => policy.RequireRole(Roles.Administrator, Roles.Editor, Roles.CommissionMember))
        .AddPolicy(BrandCommission, policy => policy.RequireRole(Roles.Administrator, Roles.CommissionMember));

    /// <summary>
    /// A folder is one audience. Nested folders add their policy to their parent's: a back-office subfolder needs
    /// both, so the back office's own rule stays the outer fence. Everything not listed is public.
    /// </summary>
    public static PageConventionCollection AuthorizeEscaleFolders(this PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Admin", BackOffice);
        pages.AuthorizeFolder("/Admin/Contenus", Editors);
        pages.AuthorizeFolder("/Admin/Campagnes", Editors);
        pages.AuthorizeFolder("/Admin/Kits", Editors);
        pages.AuthorizeFolder("/Admin/Moderation", Moderators);
        pages.AuthorizeFolder("/Admin/Imports", Moderators);
        pages.AuthorizeFolder("/Admin/Utilisateurs", Administrators);
        pages.AuthorizeFolder("/Admin/Courriels", Administrators);
        pages.AuthorizeFolder("/Admin/Dossiers", WelcomeReferents);
        pages.AuthorizeFolder("/Admin/Appels", CallTeams);
        pages.AuthorizeFolder("/Jury", Jurors);
        // A person's own applications, team invitations and laureate follow-up (each further limited to its team).
        pages.AuthorizeFolder("/Candidatures", SignedIn);
        // The brand co-creation: editors moderate, the communication commission answers; both see the queues.
        pages.AuthorizeFolder("/Admin/Marque", BrandTeam);
        pages.AuthorizePage("/Admin/Marque/Moderation", Editors);
        pages.AuthorizePage("/Admin/Marque/Reponse", BrandCommission);
        // Applying to a call starts from its public page, signed in.
        pages.AuthorizePage("/Appels/Candidater", SignedIn);
        pages.AuthorizeFolder("/EspacePartenaire", Partners);
        pages.AuthorizeFolder("/MonEspace", Newcomers);
        pages.AuthorizeFolder("/ProposerUnRecit", StoryProposers);
        // The welcome network's back office: each structure further limited to its coordinators and the network's managers (404 otherwise).
        pages.AuthorizeFolder("/EspaceReseau", SignedIn);
        // /Compte mixes audiences: signing in, signing up and resetting a password are for visitors.
        pages.AuthorizePage("/Compte/Index", SignedIn);
        pages.AuthorizePage("/Compte/MesDonnees", SignedIn);
        // /Jeunes/Marque: the proposals are public; proposing and one's own proposals need an account (voting and
        // commenting too, asked in the proposal page's handlers).
        pages.AuthorizePage("/Jeunes/Marque/Proposer", SignedIn);
        pages.AuthorizePage("/Jeunes/Marque/MesPropositions", SignedIn);
        return pages;
    }
}
