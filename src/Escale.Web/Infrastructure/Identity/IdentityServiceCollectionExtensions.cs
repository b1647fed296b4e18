using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Accounts and roles (ASP.NET Core Identity), the session cookie, the shared key ring, and who may open what.</summary>
    public static IServiceCollection AddEscaleIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // Length over composition (ANSSI, NIST SP 800-63B), plus a digit; no symbol required.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<EscaleDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "escale-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/compte/acces-refuse";
            options.ReturnUrlParameter = "retour";
            options.Events.OnRedirectToAccessDenied = RefuseInPlace;
        });

        // Several stateless instances must read each other's cookies and tokens: the key ring lives in the database.
        // The keys are stored unencrypted (hence DataProtection's start-up warning); the database's access rules
        // protect them, and ProtectKeysWithCertificate is the next step once a deployment has a certificate.
        services.AddDataProtection()
            .SetApplicationName("Escale")
            .PersistKeysToDbContext<EscaleDbContext>();

        services.AddAuthorizationBuilder().AddEscalePolicies();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeEscaleFolders());
        return services;
    }

    /// <summary>
    /// A signed-in visitor without the right gets a 403 on the address they asked for (shown by the site's
    /// error page), not a 302 to another address: the status tells the truth, and the URL stays shareable.
    /// </summary>
    private static Task RefuseInPlace(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
