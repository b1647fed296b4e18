using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Escale.Tests.Infrastructure;
using SkiaSharp;

namespace Escale.Tests.Integration.Pages.Shared;

/// <summary>
/// Browsers ask for /favicon.ico whatever the page links: it is served, and it is wwwroot/favicon.svg drawn at 16, 32
/// and 48 pixels. After changing the SVG, run this class with ESCALE_WRITE_FAVICON=1 to write the new favicon.ico.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class FaviconTests(AppFixture apps)
{
    private static readonly string WebRoot = Path.Combine(RepoPaths.Root, "src", "Escale.Web", "wwwroot");

    [Fact]
    public async Task FaviconIco_Answers200WithAnIcon()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var response = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0, 3, 0 }, bytes[..6]);
    }

    [Fact]
    public async Task EveryPage_LinksTheSvgIconAndTheIcoFallback()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        var (_, page) = await client.GetPageAsync("/");

        Assert.NotNull(page.QuerySelector("link[rel=icon][href='/favicon.svg'][type='image/svg+xml']"));
        Assert.NotNull(page.QuerySelector("link[rel=icon][href='/favicon.ico'][sizes]"));
    }

    [Fact]
    public void FaviconIco_IsTheSvgDrawnAt16_32And48Pixels()
    {
        var expected = Ico(File.ReadAllText(Path.Combine(WebRoot, "favicon.svg")), [16, 32, 48]);
        var path = Path.Combine(WebRoot, "favicon.ico");
        if (Environment.GetEnvironmentVariable("ESCALE_WRITE_FAVICON") == "1")
        {
            File.WriteAllBytes(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(expected),
            "wwwroot/favicon.ico is not favicon.svg drawn: run this test with ESCALE_WRITE_FAVICON=1 to write it.");
    }

    /// <summary>An .ico file holding one PNG per size (allowed since Windows Vista, read by every browser).</summary>
    private static byte[] Ico(string svg, int[] sizes)
    {
        var images = sizes.Select(size => Png(svg, size)).ToList();
        using var ico = new MemoryStream();
        using var writer = new BinaryWriter(ico);
        writer.Write((short)0);
        writer.Write((short)1);
        writer.Write((short)images.Count);
        var offset = 6 + (16 * images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            writer.Write((byte)sizes[i]);
            writer.Write((byte)sizes[i]);
            writer.Write((byte)0);
            writer.Write((byte)0);
            writer.Write((short)1);
            writer.Write((short)32);
            writer.Write(images[i].Length);
            writer.Write(offset);
            offset += images[i].Length;
        }
        images.ForEach(writer.Write);
        return ico.ToArray();
    }

    /// <summary>Draws the icon's shapes: the rounded square and the letter's path are all favicon.svg holds.</summary>
    private static byte[] Png(string svg, int size)
    {
        var root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        var viewBox = root.Attribute("viewBox")!.Value.Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.Scale(size / viewBox[2], size / viewBox[3]);
            foreach (var shape in root.Elements())
            {
                using var paint = new SKPaint { IsAntialias = true, Color = SKColor.Parse(shape.Attribute("fill")!.Value) };
                float Number(string name) => float.Parse(shape.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
                if (shape.Name == ns + "rect")
                {
                    canvas.DrawRoundRect(Number("x"), Number("y"), Number("width"), Number("height"), Number("rx"), Number("rx"), paint);
                }
                else if (shape.Name == ns + "path")
                {
                    using var path = SKPath.ParseSvgPathData(shape.Attribute("d")!.Value);
                    canvas.DrawPath(path, paint);
                }
                else
                {
                    throw new NotSupportedException($"favicon.svg holds a <{shape.Name.LocalName}>: teach this drawing about it.");
                }
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
