using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Infrastructure.RazorPages;

public static class RazorPagesServiceCollectionExtensions
{
    /// <summary>Razor Pages with localized views and validation messages (French, or English from the shared resource), anti-forgery, and UTF-8 HTML.</summary>
    public static IServiceCollection AddEscaleRazorPages(this IServiceCollection services)
    {
        services.AddRazorPages()
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // After every other setup, so that the attributes MVC infers ([Required] on non-nullable properties) are there to get a message.
        services.AddOptions<MvcOptions>().PostConfigure<IStringLocalizerFactory>((options, localizers) =>
        {
            var localizer = localizers.Create(typeof(SharedResource));
            options.ModelMetadataDetailsProviders.Add(new ValidationMessages());
            ValidationMessages.Localize(options.ModelBindingMessageProvider, localizer);
            CheckboxModelBinderProvider.Register(options.ModelBinderProviders, localizer);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "escale-af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // French text is written as UTF-8, not as numeric entities: smaller and readable pages.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return services;
    }
}
