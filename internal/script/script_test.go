package script_test

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/golden"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/script"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// sites are the sample and the build tests' general-case site, each at
// the clock of its whole-site golden.
var sites = []struct {
	name string
	src  string
	now  time.Time
}{
	{"sample", filepath.Join("..", "..", "bulletins"), time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)},
	{"site", filepath.Join("..", "build", "testdata", "site", "bulletins"), time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC)},
}

func loadSite(t *testing.T, src string, now time.Time) (*bulletin.Site, []*bulletin.Bulletin) {
	t.Helper()
	root, err := os.OpenRoot(src)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	s, bs, errs := load.Dir(root.FS(), "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return s, bulletin.Public(bs, now)
}

// TestGolden keeps the script of every published bulletin of both sites.
func TestGolden(t *testing.T) {
	for _, site := range sites {
		s, bs := loadSite(t, site.src, site.now)
		if len(bs) == 0 {
			t.Fatalf("%s: no bulletins", site.name)
		}
		tracked := bulletin.ByID(bulletin.Track(bs)) // so that a moved event reads as moved
		for _, b := range bs {
			var text, md bytes.Buffer
			sc := script.New(s, b, nil, tracked)
			sc.WriteText(&text)
			sc.WriteMarkdown(&md)
			golden.Check(t, filepath.Join("testdata", site.name, b.ID+".txt"), text.Bytes())
			golden.Check(t, filepath.Join("testdata", site.name, b.ID+".md"), md.Bytes())
		}
	}
}

var urlRE = regexp.MustCompile(`(?i)https?://|www\.|mailto:|@[a-z0-9-]+\.[a-z]`)

// TestNoURLReadOut checks that no address appears before the list of links
// that ends each script, and that every address of the bulletin is in that
// list.
func TestNoURLReadOut(t *testing.T) {
	for _, site := range sites {
		s, bs := loadSite(t, site.src, site.now)
		for _, b := range bs {
			for name, data := range map[string][]byte{"txt": script.Text(s, b, nil), "md": script.Markdown(s, b, nil)} {
				read, links, ok := strings.Cut(string(data), script.LinksHeading)
				if !ok {
					t.Errorf("%s.%s: no %q", b.ID, name, script.LinksHeading)
					continue
				}
				if loc := urlRE.FindStringIndex(read); loc != nil {
					t.Errorf("%s.%s reads out an address: %q", b.ID, name, read[max(0, loc[0]-30):min(len(read), loc[1]+30)])
				}
				var want []string
				for _, src := range append([]string{b.Scripture.Text, b.Intro.String(), s.About}, bodies(b)...) {
					_, ls := markdown.Spoken(src, s.BaseURL)
					for _, l := range ls {
						want = append(want, l.URL)
					}
				}
				want = append(want, s.URL(bulletin.BulletinPath(b)))
				for _, u := range want {
					if !strings.Contains(links, u) {
						t.Errorf("%s.%s does not list %s", b.ID, name, u)
					}
				}
			}
		}
	}
}

func bodies(b *bulletin.Bulletin) []string {
	var out []string
	for _, pt := range b.Points {
		out = append(out, pt.Body.String())
	}
	return out
}

// TestMarkdownKeepsIDs checks that the Markdown script names the bulletin,
// every point and every event by ID, and reads as the same words as the
// text script.
func TestMarkdownKeepsIDs(t *testing.T) {
	for _, site := range sites {
		s, bs := loadSite(t, site.src, site.now)
		for _, b := range bs {
			md := string(script.Markdown(s, b, nil))
			want := []string{"<!-- bulletin: " + b.ID + " -->"}
			for _, pt := range b.Points {
				want = append(want, "<!-- id: "+pt.ID+" -->")
				for _, e := range pt.Events {
					want = append(want, "<!-- event: "+e.ID+" -->")
				}
			}
			for _, w := range want {
				if !strings.Contains(md, w) {
					t.Errorf("%s.md lacks %s", b.ID, w)
				}
			}
			// Every line of the text script is in the Markdown one, once
			// the Markdown is read as text.
			read, _, _ := strings.Cut(md, script.LinksHeading)
			plain := markdown.Text(read)
			text, _, _ := strings.Cut(string(script.Text(s, b, nil)), "* * *")
			for _, p := range strings.Split(strings.TrimSpace(text), "\n") {
				if !strings.Contains(plain, p) && !strings.Contains(plain, strings.TrimSuffix(p, ".")) {
					t.Errorf("%s: the Markdown script lacks %q", b.ID, p)
				}
			}
		}
	}
}

// TestEscape checks that text full of Markdown's special characters reads
// back as itself.
func TestEscape(t *testing.T) {
	s, bs := loadSite(t, sites[0].src, sites[0].now)
	b := *bs[0]
	pt := *b.Points[0]
	pt.Title = "# Not a heading *or* _emphasis_ [or](a link) `code` <b>html</b> &amp; 1. \\ end"
	pt.Body = spool.Of(`Pray for \*stars\* and \_lines\_, \<tags\>, 2 \* 3, a \[bracket\] and \# hash.`)
	b.Points = []*bulletin.Point{&pt}
	md := script.Markdown(s, &b, nil)
	plain := markdown.Text(string(md))
	for _, want := range []string{
		"Praise: " + pt.Title,
		"Pray for *stars* and _lines_, <tags>, 2 * 3, a [bracket] and # hash.",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("the Markdown script does not read back %q:\n%s", want, md)
		}
	}
	if !bytes.Contains(script.Text(s, &b, nil), []byte("Praise: "+pt.Title+".")) {
		t.Errorf("the text script changed the title")
	}
}

// TestREADMEScript: the script the README shows is the sample's, as the
// build writes it today.
func TestREADMEScript(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "sample", "2026-11-27.txt"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(readme), "<summary>scripts/2026-11-27.txt</summary>\n\n```text\n")
	shown, _, ok := strings.Cut(rest, "```\n")
	if !ok || shown != strings.TrimRight(string(want), "\n")+"\n" {
		t.Errorf("the README's script is not the sample's scripts/2026-11-27.txt; copy it from internal/script/testdata/sample/2026-11-27.txt")
	}
}

// TestLanguage checks that a script speaks its bulletin's language, or
// its site's when the bulletin does not say, by its base language, and
// English when it has no words of its own for it.
func TestLanguage(t *testing.T) {
	base, err := url.Parse("https://example.org/prayer/")
	if err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation("America/Santo_Domingo")
	if err != nil {
		t.Fatal(err)
	}
	s := &bulletin.Site{Title: "IJM Prayer Bulletin", Language: "en", BaseURL: base,
		Org: bulletin.Org{Name: "International Justice Mission"}, Regions: []*bulletin.Region{{ID: "latin-america", Name: "Latin America"}}}
	newBulletin := func(lang string) *bulletin.Bulletin {
		start := time.Date(2026, 11, 30, 9, 0, 0, 0, loc)
		b := &bulletin.Bulletin{ID: "2026-11-27", Language: lang, Title: "Bulletin", Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
			Scripture: bulletin.Scripture{Reference: "1 John 3:16", Version: "NIV"}}
		pt := &bulletin.Point{ID: "trial", Region: "latin-america", Kind: bulletin.Prayer, Title: "Trial", Bulletin: b}
		pt.Events = []*bulletin.Event{{ID: "trial", Kind: bulletin.Hearing, Status: bulletin.Postponed, Title: "Trial",
			Start: start, End: start.Add(time.Hour), Zone: loc, Point: pt}}
		b.Points = []*bulletin.Point{pt}
		return b
	}
	tests := []struct {
		site, bulletin string
		want           []string
	}{
		{"en", "es-MX", []string{
			"Viernes 27 de noviembre de 2026\n",
			"Este es IJM Prayer Bulletin, de International Justice Mission, del viernes 27 de noviembre de 2026.\n",
			"Nuestra lectura bíblica es Primera de John, capítulo 3, versículo 16, en la NIV.\n",
			"Oración: Trial.\n",
			"Audiencia judicial: Trial. Iba a celebrarse el lunes 30 de noviembre a las 9 de la mañana, hora de República Dominicana; se ha aplazado y se anunciará una nueva fecha.\n",
			"Enlaces (no se leen en voz alta)\n",
			"- Este boletín: https://example.org/prayer/bulletins/2026-11-27/\n",
		}},
		{"en", "de", []string{
			"Friday the 27th of November 2026\n",
			"This is the IJM Prayer Bulletin, from International Justice Mission, for Friday the 27th of November 2026.\n",
			"Our scripture is from First John, chapter 3, verse 16, in the NIV.\n",
			"Prayer: Trial.\n",
			"Court hearing: Trial. It was to be heard on Monday the 30th of November at 9 in the morning, Dominican Republic time; it has been postponed, and a new date will be announced.\n",
			script.LinksHeading + "\n",
		}},
		{"fr", "", []string{
			"Vendredi 27 novembre 2026\n",
			"Voici IJM Prayer Bulletin, de la part d’International Justice Mission, pour le vendredi 27 novembre 2026.\n",
			"Notre lecture biblique : Premier John, chapitre 3, verset 16, dans la NIV.\n",
			"Prière : Trial.\n",
			"Audience au tribunal : Trial. L’audience devait se tenir le lundi 30 novembre à 9 heures, heure de Saint-Domingue ; elle a été reportée et une nouvelle date sera annoncée.\n",
		}},
		{"en", "pt-BR", []string{
			"Sexta-feira, 27 de novembro de 2026\n",
			"Nossa leitura bíblica é Primeira John, capítulo 3, versículo 16, na NIV.\n",
			"Audiência judicial: Trial. A audiência estava marcada para segunda-feira, 30 de novembro, às 9 da manhã, horário de Santo Domingo; foi adiada e uma nova data será anunciada.\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.site+"/"+tt.bulletin, func(t *testing.T) {
			site := *s
			site.Language = tt.site
			text := string(script.Text(&site, newBulletin(tt.bulletin), nil))
			for _, want := range tt.want {
				if !strings.Contains(text, want) {
					t.Errorf("the script lacks %q:\n%s", want, text)
				}
			}
		})
	}
}
