package script_test

import (
	"bytes"
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
				for _, src := range append([]string{b.Scripture.Text, b.Intro, s.About}, bodies(b)...) {
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
		out = append(out, pt.Body)
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
	pt.Body = `Pray for \*stars\* and \_lines\_, \<tags\>, 2 \* 3, a \[bracket\] and \# hash.`
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
