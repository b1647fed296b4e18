using System.Net;
using System.Reflection;
using System.Security.Claims;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Escale.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration;

/// <summary>
/// The authorization matrix: every page and endpoint the running application maps, and who may open it — an
/// anonymous visitor and each role. A new endpoint fails here until it is added to <see cref="Audiences"/>, so no
/// page becomes public, or closed, by accident. The rules themselves live in Escale.Web.Infrastructure.Identity.Policies.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AuthorizationMatrixTests(AppFixture apps)
{
    private const string Anonymous = "(anonymous)";

    private static readonly string[] Everyone = [Anonymous, .. Roles.All];
    private static readonly string[] SignedIn = [.. Roles.All];
    private static readonly string[] Staff = [Roles.Administrator, Roles.Editor, Roles.WelcomeReferent, Roles.CommissionMember];
    private static readonly string[] EditorialTeam = [Roles.Administrator, Roles.Editor];
    private static readonly string[] AdministratorsOnly = [Roles.Administrator];
    private static readonly string[] PartnerSpace = [Roles.Partner, Roles.Editor, Roles.Administrator];
    private static readonly string[] Proposers = [Roles.Partner, Roles.Ambassador];
    private static readonly string[] Referents = [Roles.WelcomeReferent];
    private static readonly string[] BrandTeam = [Roles.Administrator, Roles.Editor, Roles.CommissionMember];
    private static readonly string[] BrandCommission = [Roles.Administrator, Roles.CommissionMember];
    private static readonly string[] CallTeams = [Roles.Administrator, Roles.Editor];

    /// <summary>Every route of the application (as its pattern is written), and who may open it.</summary>
    private static readonly Dictionary<string, string[]> Audiences = new(StringComparer.Ordinal)
    {
        // Public portal
        ["/"] = Everyone,
        ["/Index"] = Everyone,
        ["/erreur/{code:int?}"] = Everyone,
        ["/territoire"] = Everyone,
        ["/intercommunalites"] = Everyone,
        ["/intercommunalites/{slug}"] = Everyone,
        ["/communes"] = Everyone,
        ["/communes/{code}/{slug?}"] = Everyone,
        ["/profils/{slug}"] = Everyone,
        ["/contact"] = Everyone,
        ["/mentions-legales"] = Everyone,
        ["/confidentialite"] = Everyone,
        ["/donnees-ouvertes"] = Everyone,
        ["/langue/{code:regex(^(fr|en)$)}"] = Everyone,
        ["/health"] = Everyone,
        ["/health/ready"] = Everyone,
        // Opportunities
        ["/offres"] = Everyone,
        ["/offres/carte"] = Everyone,
        ["/offres/carte.json"] = Everyone,
        ["/offres/{id:int}/{slug?}"] = Everyone,
        ["/offres/alertes/nouvelle"] = Everyone,
        ["/offres/alertes/confirmer/{token}"] = Everyone,
        ["/offres/alertes/desabonner/{token}"] = Everyone,
        ["/offres/reprise/demande/{token}"] = Everyone,
        ["/offres/flux.rss"] = Everyone,
        ["/offres/export.csv"] = Everyone,
        ["/offres/export.json"] = Everyone,
        ["/organisations/{slug}"] = Everyone,
        // Stories, events, quality of life, campaigns' public side
        ["/recits"] = Everyone,
        ["/recits/carte"] = Everyone,
        ["/recits/carte.json"] = Everyone,
        ["/recits/{slug}"] = Everyone,
        ["/recits/flux.rss"] = Everyone,
        ["/recits/flux.atom"] = Everyone,
        ["/evenements"] = Everyone,
        ["/evenements/{slug}"] = Everyone,
        ["/evenements/calendrier.ics"] = Everyone,
        ["/evenements/{slug}.ics"] = Everyone,
        // The welcome network: registering and the .ics of a registration ask a visitor to sign in (a challenge, in the handler)
        ["/reseau-accueil"] = Everyone,
        ["/reseau-accueil/evenements"] = Everyone,
        ["/reseau-accueil/evenements/{id:int}"] = Everyone,
        // The brand co-creation: voting and commenting ask a visitor to sign in (a challenge, in the handlers)
        ["/jeunes/marque"] = Everyone,
        ["/jeunes/marque/{id:int}"] = Everyone,
        ["/jeunes/marque/proposer"] = SignedIn,
        ["/jeunes/marque/mes-propositions"] = SignedIn,
        ["/vivre-ici"] = Everyone,
        ["/kits-accueil"] = Everyone,
        ["/kits-accueil/{persona}/{intercommunalite}/{handler?}"] = Everyone,
        ["/vivre-ici/{slug}"] = Everyone,
        ["/recherche"] = Everyone,
        ["/decouvrir/{slug}"] = Everyone,
        ["/c/{code}"] = Everyone,
        // Calls for projects: the public side (a draft answers 404), and the youth projects' showcase
        ["/appels"] = Everyone,
        ["/appels/flux"] = Everyone,
        ["/appels/{slug}"] = Everyone,
        ["/appels/{slug}/laureats"] = Everyone,
        ["/projets-de-jeunes"] = Everyone,
        ["/projets-de-jeunes/{slug}"] = Everyone,
        ["/sitemap.xml"] = Everyone,
        ["/robots.txt"] = Everyone,
        // Public API
        ["/api/v1/territoire"] = Everyone,
        ["/api/v1/territoire/carte"] = Everyone,
        ["/api/v1/intercommunalites"] = Everyone,
        ["/api/v1/intercommunalites/{siren}/carte"] = Everyone,
        ["/api/v1/communes"] = Everyone,
        ["/api/v1/communes/{code}"] = Everyone,
        ["/api/v1/communes/{code}/carte"] = Everyone,
        ["/api/v1/offres"] = Everyone,
        ["/api/v1/offres/{id:int}"] = Everyone,
        ["/api/v1/recherche"] = Everyone,
        ["/openapi/{documentName}.json"] = Everyone,
        // Accounts: the way in is public, the account itself is the signed-in person's
        ["/compte/connexion"] = Everyone,
        ["/compte/deconnexion"] = Everyone,
        ["/compte/inscription"] = Everyone,
        ["/compte/confirmer"] = Everyone,
        ["/compte/renvoyer-confirmation"] = Everyone,
        ["/compte/mot-de-passe-oublie"] = Everyone,
        ["/compte/reinitialiser-mot-de-passe"] = Everyone,
        ["/compte/acces-refuse"] = Everyone,
        ["/compte/efface"] = Everyone,
        // The household's project: anyone may describe one; the account is made with it
        ["/mon-projet"] = Everyone,
        ["/mon-projet/envoye/{cle:guid?}"] = Everyone,
        ["/compte"] = SignedIn,
        ["/compte/mes-donnees/{handler?}"] = SignedIn,
        // Development only: the page answers 404 in every other environment
        ["/dev/courriels/{id?}"] = Everyone,
        // Proposals of stories
        ["/proposer-un-recit"] = Proposers,
        ["/proposer-un-recit/merci"] = Proposers,
        // Partner space
        ["/espace-partenaire"] = PartnerSpace,
        ["/espace-partenaire/offres/{id:int?}"] = PartnerSpace,
        ["/espace-partenaire/organisations/{id:int?}"] = PartnerSpace,
        ["/espace-partenaire/orientations"] = PartnerSpace,
        ["/espace-partenaire/logements"] = PartnerSpace,
        ["/espace-partenaire/logement/{id:int?}"] = PartnerSpace,
        ["/espace-partenaire/orientations/{id:int}/{handler?}"] = PartnerSpace,
        // Shared spouse profiles: the folder's audience; the contact and the CV only after the household accepts (404 otherwise)
        ["/espace-partenaire/profils-conjoints"] = PartnerSpace,
        ["/espace-partenaire/profils-conjoints/{id:int}/{handler?}"] = PartnerSpace,
        // Each offer's candidates: the folder's audience, then only the offer's organisation and administrators (404 otherwise)
        ["/espace-partenaire/offres/{id:int}/candidats"] = PartnerSpace,
        ["/espace-partenaire/candidats/{id:int}/{handler?}"] = PartnerSpace,
        // The household's space, and the links its e-mails carry (a token is the key)
        ["/mon-espace"] = [Roles.Newcomer],
        ["/mon-espace/messages"] = [Roles.Newcomer],
        ["/mon-espace/documents/{handler?}/{id:int?}"] = [Roles.Newcomer],
        ["/mon-espace/projet"] = [Roles.Newcomer],
        ["/mon-espace/orientations/{handler?}/{id:int?}"] = [Roles.Newcomer],
        ["/mon-espace/evenements"] = [Roles.Newcomer],
        ["/mon-espace/logements/{handler?}/{id:int?}"] = [Roles.Newcomer],
        ["/mon-espace/logements/offre/{id:int}"] = [Roles.Newcomer],
        ["/mon-espace/conjoint/{handler?}/{id:int?}"] = [Roles.Newcomer],
        ["/mon-espace/acces"] = [Roles.Newcomer],
        ["/mon-espace/kit/{handler?}"] = [Roles.Newcomer],
        ["/questionnaire/{token}"] = Everyone,
        ["/propositions/desabonner/{token}"] = Everyone,
        // Calls for projects: applying is signed in; a guardian's consent page is reached by its link alone (a token is the key)
        ["/appels/{slug}/candidater"] = SignedIn,
        ["/appels/consentement/{token}"] = Everyone,
        ["/appels/consentement/retrait/{token}"] = Everyone,
        // A person's own applications and invitations (each further limited to its team, 404 otherwise)
        ["/candidatures"] = SignedIn,
        ["/candidatures/{id:int}"] = SignedIn,
        ["/candidatures/{id:int}/equipe"] = SignedIn,
        ["/candidatures/invitation/{token}"] = SignedIn,
        // Back office
        // The teams running calls: the applications of a call and the eligibility decision
        ["/admin/appels/{id:int}/candidatures"] = EditorialTeam,
        ["/admin/appels/{callId:int}/candidatures/{id:int}"] = EditorialTeam,
        ["/admin"] = Staff,
        ["/admin/contenus"] = EditorialTeam,
        ["/admin/contenus/edition/{id:int?}"] = EditorialTeam,
        ["/admin/contenus/{id:int}/apercu"] = EditorialTeam,
        ["/admin/contenus/{id:int}/historique"] = EditorialTeam,
        ["/admin/campagnes"] = EditorialTeam,
        ["/admin/kits"] = EditorialTeam,
        ["/admin/kits/{persona}/{handler?}/{stepId:int?}"] = EditorialTeam,
        ["/admin/campagnes/edition/{id:int?}"] = EditorialTeam,
        ["/admin/campagnes/{id:int}/rapport"] = EditorialTeam,
        ["/admin/campagnes/{id:int}/pages/{pageId:int}"] = EditorialTeam,
        ["/admin/campagnes/{id:int}/pages/{pageId:int}/apercu"] = EditorialTeam,
        // The teams running calls: the call builder and the laureates' follow-up files
        ["/admin/appels"] = CallTeams,
        ["/admin/appels/edition/{id:int?}"] = CallTeams,
        ["/admin/appels/{id:int}/formulaire/{handler?}"] = CallTeams,
        ["/admin/appels/{id:int}/grille"] = CallTeams,
        ["/admin/appels/{id:int}/jures/{handler?}"] = CallTeams,
        ["/admin/appels/{id:int}/suivi"] = CallTeams,
        ["/admin/appels/{id:int}/suivi/{followUpId:int}"] = CallTeams,
        // A laureate team's follow-up: signed in, then only the application's confirmed members (404 otherwise)
        ["/candidatures/{id:int}/suivi"] = SignedIn,
        ["/admin/moderation"] = EditorialTeam,
        ["/admin/moderation/{id:int}"] = EditorialTeam,
        ["/admin/imports"] = EditorialTeam,
        ["/admin/imports/formats"] = EditorialTeam,
        // The brand co-creation's back office: editors moderate, the communication commission answers
        ["/admin/marque"] = BrandTeam,
        ["/admin/marque/{id:int}/moderation"] = EditorialTeam,
        ["/admin/marque/{id:int}/reponse"] = BrandCommission,
        ["/admin/utilisateurs"] = AdministratorsOnly,
        ["/admin/courriels"] = AdministratorsOnly,
        ["/admin/utilisateurs/{id}"] = AdministratorsOnly,
        // Welcome referents: each case further limited to their organisations' (404 otherwise)
        ["/admin/dossiers"] = Referents,
        ["/admin/dossiers/{id:int}"] = Referents,
        ["/admin/dossiers/{id:int}/logement/{bookingId:int}"] = Referents,
        ["/admin/dossiers/{id:int}/kit/{handler?}"] = Referents,
        ["/admin/dossiers/organisation"] = Referents,
        // The welcome network's back office: each structure further limited to its coordinators and the network's managers (404 otherwise)
        ["/espace-reseau"] = SignedIn,
        ["/espace-reseau/structures/{id:int?}"] = SignedIn,
        ["/espace-reseau/structures/{id:int}/membres"] = SignedIn,
        ["/espace-reseau/structures/{structureId:int}/evenements/{id:int?}"] = SignedIn,
        ["/espace-reseau/envois/nouveau"] = SignedIn,
        ["/espace-reseau/envois/{id:int?}"] = SignedIn,
        // Calls for projects: the team's jury pages, and the jurors' own evaluations (each further limited to its juror: 404 otherwise)
        ["/admin/appels/{id:int}/jury/{handler?}"] = EditorialTeam,
        ["/admin/appels/{id:int}/jury/classement/{handler?}"] = EditorialTeam,
        ["/admin/appels/{id:int}/jury/candidatures/{applicationId:int}"] = EditorialTeam,
        ["/jury"] = [Roles.Jury],
        ["/jury/evaluations/{assignmentId:int}/{handler?}"] = [Roles.Jury],
    };

    /// <summary>Who each named policy admits, roles that have no page yet included.</summary>
    private static readonly Dictionary<string, string[]> PolicyAudiences = new(StringComparer.Ordinal)
    {
        [Policies.SignedIn] = SignedIn,
        [Policies.BackOffice] = Staff,
        [Policies.Editors] = EditorialTeam,
        [Policies.Moderators] = EditorialTeam,
        [Policies.Administrators] = AdministratorsOnly,
        [Policies.Partners] = PartnerSpace,
        [Policies.StoryProposers] = Proposers,
        [Policies.WelcomeReferents] = [Roles.WelcomeReferent],
        [Policies.Newcomers] = [Roles.Newcomer],
        [Policies.CallTeams] = CallTeams,
        [Policies.Jurors] = [Roles.Jury],
        [Policies.BrandTeam] = BrandTeam,
        [Policies.BrandCommission] = BrandCommission,
    };

    [Fact]
    public async Task EveryEndpoint_IsInTheMatrix_AndAdmitsExactlyItsAudience()
    {
        var app = await apps.AppAsync(DatabaseProvider.Sqlite);
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = RouteOf(endpoint);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } accepted ? string.Join(",", accepted) : "any method";
            if (!Audiences.TryGetValue(route, out var expected))
            {
                problems.Add($"{route} ({methods}) is not in the matrix: add it to AuthorizationMatrixTests.Audiences with who may open it.");
                continue;
            }
            var admitted = new List<string>();
            foreach (var who in Everyone)
            {
                if (await AdmitsAsync(endpoint, policies, authorization, As(who)))
                {
                    admitted.Add(who);
                }
            }
            if (!admitted.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                problems.Add($"{route} ({methods}) admits [{string.Join(", ", admitted)}], the matrix says [{string.Join(", ", expected)}].");
            }
        }
        var routes = endpoints.Select(RouteOf).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Audiences.Keys.Where(route => !routes.Contains(route))
            .Select(route => $"{route} is in the matrix but the application no longer maps it: remove it."));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EveryNamedPolicy_AdmitsExactlyItsRoles()
    {
        var app = await apps.AppAsync(DatabaseProvider.Sqlite);
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var names = typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

        var problems = new List<string>();
        foreach (var name in names)
        {
            if (!PolicyAudiences.TryGetValue(name, out var expected))
            {
                problems.Add($"Policy {name} is not in AuthorizationMatrixTests.PolicyAudiences: add it with the roles it admits.");
                continue;
            }
            var admitted = new List<string>();
            foreach (var who in Everyone)
            {
                if ((await authorization.AuthorizeAsync(As(who), name)).Succeeded)
                {
                    admitted.Add(who);
                }
            }
            if (!admitted.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                problems.Add($"Policy {name} admits [{string.Join(", ", admitted)}], expected [{string.Join(", ", expected)}].");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>One page per audience, asked over HTTP by a real signed-in person of each role (and by nobody).</summary>
    [Fact]
    public async Task SampleOfPages_AnswersEachPersonAsTheMatrixSays()
    {
        var app = await apps.AppAsync(DatabaseProvider.Sqlite);
        string[] sample =
        [
            "/", "/api/v1/offres", "/compte", "/compte/mes-donnees", "/proposer-un-recit", "/proposer-un-recit/merci",
            "/espace-partenaire", "/espace-partenaire/orientations", "/mon-espace", "/admin", "/admin/contenus", "/admin/campagnes",
            "/admin/moderation", "/admin/imports", "/admin/imports/formats", "/admin/utilisateurs", "/admin/dossiers", "/admin/kits",
            "/admin/appels", "/appels", "/projets-de-jeunes",
            "/espace-partenaire", "/espace-partenaire/orientations", "/espace-partenaire/profils-conjoints", "/mon-espace", "/admin", "/admin/contenus", "/admin/campagnes",
            "/admin/moderation", "/admin/imports", "/admin/imports/formats", "/admin/utilisateurs", "/admin/dossiers", "/jury",
            "/jeunes/marque", "/jeunes/marque/proposer", "/jeunes/marque/mes-propositions", "/admin/marque",
        ];

        var problems = new List<string>();
        foreach (var who in Everyone)
        {
            var client = app.CreateBrowserlessClient();
            if (who != Anonymous)
            {
                var user = await MailAppFixture.CreateUserAsync(app, roles: who);
                await client.SignInAsync(user.Email!, MailAppFixture.Password);
            }
            foreach (var path in sample)
            {
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                var admitted = Audiences[MatrixRouteOf(path)].Contains(who);
                var answer = Outcome(response);
                var expected = admitted ? "allowed" : who == Anonymous ? "sent to sign-in" : "refused";
                if (answer != expected)
                {
                    problems.Add($"{who} GET {path}: {answer} ({(int)response.StatusCode}), expected {expected}.");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The development pages are open to all in the matrix because they refuse to exist elsewhere.</summary>
    [Fact]
    public async Task DevelopmentPages_AnswerNotFound_OutsideDevelopment()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/dev/courriels", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Editor_OpensTheContentsFolder_AndIsRefusedTheUsersFolder(DatabaseProvider provider)
    {
        var app = await apps.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app, roles: Roles.Editor);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);

        var contents = await client.GetAsync(new Uri("/admin/contenus", UriKind.Relative));
        var users = await client.GetAsync(new Uri("/admin/utilisateurs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, contents.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }

    private static string MatrixRouteOf(string path) => path switch
    {
        "/compte/mes-donnees" => "/compte/mes-donnees/{handler?}",
        _ => path,
    };

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect when response.Headers.Location is { } location
            && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString).StartsWith("/compte/connexion", StringComparison.Ordinal) => "sent to sign-in",
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "refused",
        HttpStatusCode.OK => "allowed",
        var other => "answered " + other,
    };

    private static string RouteOf(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    /// <summary>What the authorization middleware decides for this endpoint and this person.</summary>
    private static async Task<bool> AdmitsAsync(Endpoint endpoint, IAuthorizationPolicyProvider policies, IAuthorizationService authorization, ClaimsPrincipal user)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }
        var policy = await AuthorizationPolicy.CombineAsync(
            policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        return policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }

    private static ClaimsPrincipal As(string who) => who == Anonymous
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, who), new Claim(ClaimTypes.Role, who)], IdentityConstants.ApplicationScheme));
}
