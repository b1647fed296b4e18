using System.Globalization;
using Escale.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Escale.Web.Pages.KitsAccueil;

/// <summary>
/// Prints a <see cref="WelcomeKit"/> as an A4 PDF that a screen reader can follow: a tagged PDF (PDF/UA structure:
/// headings, paragraphs and lists as structure elements, through PDFsharp's <see cref="UAManager"/>), with the kit's
/// title shown as the window's title and the reader's language. PDFsharp has no text layout of its own beyond one
/// rectangle, so the lines are wrapped here and a page is added when the next line does not fit.
/// </summary>
public sealed class WelcomeKitPdf
{
    public const string ContentType = "application/pdf";

    public WelcomeKitPdf(IWebHostEnvironment environment) => PdfFonts.Install(environment.WebRootPath);

    public byte[] Render(WelcomeKit kit)
    {
        var document = new PdfDocument();
        document.Info.Title = kit.Title;
        document.Info.Creator = "Escale";
        document.ViewerPreferences.DisplayDocTitle = true;
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(kit.Language);
        var writer = new PageWriter(document, accessibility.StructureBuilder);
        writer.Heading(kit.Title, 1);
        writer.Paragraph(kit.Lead);
        foreach (var section in kit.Sections)
        {
            writer.Heading(section.Title, 2);
            foreach (var block in section.Blocks)
            {
                if (block.Heading is not null)
                {
                    writer.Heading(block.Heading, 3);
                }
                if (block.Text is not null)
                {
                    writer.Paragraph(block.Text);
                }
                if (block.Items.Count > 0)
                {
                    writer.List(block.Items, block.Ordered);
                }
            }
        }
        writer.Paragraph(kit.Sources, small: true);
        writer.Close();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The cursor on the current page, and the structure element each drawing belongs to.</summary>
    private sealed class PageWriter(PdfDocument document, StructureBuilder structure)
    {
        private const double Margin = 56;
        private const double ListIndent = 18;
        private static readonly XFont Body = new(PdfFonts.Family, 10);
        private static readonly XFont Strong = new(PdfFonts.Family, 10, XFontStyleEx.Bold);
        private static readonly XFont Small = new(PdfFonts.Family, 8);
        private static readonly XFont[] Headings = [new(PdfFonts.Family, 18, XFontStyleEx.Bold), new(PdfFonts.Family, 14, XFontStyleEx.Bold), new(PdfFonts.Family, 11, XFontStyleEx.Bold)];
        private static readonly PdfBlockLevelElementTag[] HeadingTags = [PdfBlockLevelElementTag.Heading1, PdfBlockLevelElementTag.Heading2, PdfBlockLevelElementTag.Heading3];
        private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(0x1f, 0x29, 0x37));
        private static readonly XBrush Title = new XSolidBrush(XColor.FromArgb(0x0b, 0x4f, 0x6c));

        private readonly Dictionary<(XFont Font, string Text), double> _widths = [];
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        private double Width => _page!.Width.Point - 2 * Margin;
        private double Bottom => _page!.Height.Point - Margin;

        public void Heading(string text, int level)
        {
            var font = Headings[level - 1];
            var lineHeight = font.GetHeight() * 1.2;
            // Keeps a heading with the first lines that follow it.
            if (_page is null || _y + lineHeight + 4 * Body.GetHeight() > Bottom)
            {
                NewPage();
            }
            _y += level == 1 ? 0 : lineHeight * 0.5;
            structure.BeginElement(HeadingTags[level - 1]);
            Lines(text, font, level == 1 ? Title : Ink, Margin, Width);
            structure.End();
            _y += 4;
        }

        public void Paragraph(string text, bool small = false)
        {
            structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
            Lines(text, small ? Small : Body, Ink, Margin, Width);
            structure.End();
            _y += 6;
        }

        public void List(IReadOnlyList<KitItem> items, bool ordered)
        {
            structure.BeginElement(PdfBlockLevelElementTag.List);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                EnsureSpace(Body.GetHeight() * 2);
                structure.BeginElement(PdfBlockLevelElementTag.ListItem);
                structure.BeginElement(PdfBlockLevelElementTag.Label);
                _graphics!.DrawString(ordered ? (i + 1).ToString(CultureInfo.InvariantCulture) + "." : "•", Body, Ink,
                    new XRect(Margin, _y, ListIndent, Body.GetHeight()), XStringFormats.TopLeft);
                structure.End();
                structure.BeginElement(PdfBlockLevelElementTag.ListBody);
                var x = Margin + ListIndent;
                var width = Width - ListIndent;
                Lines(item.Text, ordered ? Body : Strong, Ink, x, width);
                foreach (var detail in item.Details.Where(d => d.Length > 0))
                {
                    Lines(detail, Body, Ink, x, width);
                }
                foreach (var contact in new[] { item.Phone, item.Email, item.Link }.OfType<string>())
                {
                    Lines(contact, Body, Ink, x, width);
                }
                structure.End();
                structure.End();
                _y += 3;
            }
            structure.End();
            _y += 4;
        }

        public void Close()
        {
            if (_page is null)
            {
                NewPage();
            }
            _graphics!.Dispose();
        }

        private void Lines(string text, XFont font, XBrush brush, double x, double width)
        {
            var lineHeight = font.GetHeight() * 1.25;
            foreach (var line in Wrap(text, font, width))
            {
                EnsureSpace(lineHeight);
                _graphics!.DrawString(line, font, brush, new XRect(x, _y, width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        private void EnsureSpace(double height)
        {
            if (_page is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            // The accessibility manager closes the open marked content on the old page's graphics as the page is added.
            _page = document.AddPage();
            _graphics?.Dispose();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        /// <summary>
        /// Greedy word wrap, measuring each word once (a kit repeats « Ecole primaire publique » dozens of times) and a
        /// line as the sum of its words and spaces; a word wider than the line (a long link) is cut where it must be.
        /// </summary>
        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            var space = Measure(" ", font);
            var line = new List<string>();
            var lineWidth = 0.0;
            foreach (var whole in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = whole;
                var wordWidth = Measure(word, font);
                if (line.Count > 0 && lineWidth + space + wordWidth > width)
                {
                    yield return string.Join(' ', line);
                    line.Clear();
                    lineWidth = 0;
                }
                while (line.Count == 0 && wordWidth > width && word.Length > 1)
                {
                    var fits = word.Length - 1;
                    while (fits > 1 && Measure(word[..fits], font) > width)
                    {
                        fits--;
                    }
                    yield return word[..fits];
                    word = word[fits..];
                    wordWidth = Measure(word, font);
                }
                lineWidth += (line.Count > 0 ? space : 0) + wordWidth;
                line.Add(word);
            }
            if (line.Count > 0)
            {
                yield return string.Join(' ', line);
            }
        }

        private double Measure(string text, XFont font)
        {
            if (!_widths.TryGetValue((font, text), out var measured))
            {
                measured = _graphics!.MeasureString(text, font).Width;
                _widths[(font, text)] = measured;
            }
            return measured;
        }
    }
}
