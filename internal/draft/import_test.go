package draft_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/draft"
	"github.com/prayerfeed/prayerfeed/internal/golden"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
)

// sample loads the sample site of the repository.
func sample(t *testing.T) (*bulletin.Site, []*bulletin.Bulletin, string) {
	t.Helper()
	root, err := os.OpenRoot(filepath.Join("..", "..", "bulletins"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	site, all, errs := load.Dir(root.FS(), "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "bulletins", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return site, all, oneLanguage(data)
}

// loadDraft loads a draft beside site.yaml, and fails on any problem or
// warning.
func loadDraft(t *testing.T, siteYAML string, d *draft.Draft) *bulletin.Bulletin {
	t.Helper()
	name := filepath.ToSlash(filepath.Join(d.Date.String()[:4], d.Date.String()+".yaml"))
	site, all, errs := load.Dir(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, name: {Data: d.YAML}}, "bulletins")
	verrs, warns := bulletin.ValidateAll(site, all, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	errs.Append(verrs)
	if len(errs) > 0 || len(all) != 1 {
		t.Fatalf("the draft has problems:\n%v\n%s", errs, d.YAML)
	}
	for _, w := range warns {
		if !strings.Contains(w.Error(), "id_domain") {
			t.Errorf("the draft has a warning: %v", w)
		}
	}
	return all[0]
}

// words returns what a reader reads of Markdown: its words, without
// link addresses.
func words(src string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(markdown.Text(linkURL.ReplaceAllString(src, "]"))), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 127 && r != '“' && r != '”' && r != '’' && r != '‘' && r != '—')
	}), " ")
}

var linkURL = regexp.MustCompile(`\]\([^)]*\)`)

// TestImportSeeds imports the two bulletins the sample was written from:
// the drafts' scripture, regions, kinds and every word of every point
// are the sample's.
func TestImportSeeds(t *testing.T) {
	site, all, siteYAML := sample(t)
	for _, want := range all {
		t.Run(want.Date.Format("2006-01-02"), func(t *testing.T) {
			name := filepath.Join("testdata", "seeds", want.Date.Format("2006-01-02")+".txt")
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := draft.Text(name, data)
			if err != nil {
				t.Fatal(err)
			}
			opts := draft.Options{Name: filepath.Base(name), Default: bulletin.DateOf(want.Date), Title: "Old title"}
			d := draft.Import(site, text, opts)
			golden.Check(t, name+".yaml.golden", d.YAML)
			if again := draft.Import(site, text, opts); string(again.YAML) != string(d.YAML) {
				t.Errorf("imported twice, the drafts differ")
			}
			got := loadDraft(t, siteYAML, d)
			if !got.Draft || got.Title != want.Title {
				t.Errorf("draft %v, title %q; want a draft titled %q", got.Draft, got.Title, want.Title)
			}
			if got.Scripture.Text != want.Scripture.Text || got.Scripture.Reference != want.Scripture.Reference {
				t.Errorf("scripture %q — %s\nwant %q — %s", got.Scripture.Text, got.Scripture.Reference, want.Scripture.Text, want.Scripture.Reference)
			}
			if len(got.Points) != len(want.Points) {
				t.Fatalf("%d points, want %d:\n%s", len(got.Points), len(want.Points), d.YAML)
			}
			for i, pt := range got.Points {
				w := want.Points[i]
				if pt.Region != w.Region || pt.Kind != w.Kind {
					t.Errorf("point %d: %s %s, want %s %s", i+1, pt.Region, pt.Kind, w.Region, w.Kind)
				}
				if words(pt.Body.String()) != words(w.Body.String()) {
					t.Errorf("point %d says:\n%s\nwant:\n%s", i+1, words(pt.Body.String()), words(w.Body.String()))
				}
			}
			if d.Unplaced != 0 {
				t.Errorf("%d texts not placed", d.Unplaced)
			}
		})
	}
}

// TestImport imports bulletins written in other ways than the seeds.
func TestImport(t *testing.T) {
	_, _, siteYAML := sample(t)
	siteYAML = strings.Replace(siteYAML, "    name: Africa\n", "    name: Africa\n    aliases: [Africa & Europe, Africa + Europe]\n", 1)
	site, _, errs := load.Dir(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}, "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	type pt struct{ region, kind, starts string }
	for _, tc := range []struct {
		name, file, text string
		date, title      string
		verse, ref, ver  string
		points           []pt
		unplaced         int
		guessed          []string // lines of the draft
	}{{
		name: "markdown", file: "b.md",
		text: "# Prayer Bulletin\n\nFriday, 4 December 2026\n\n> “Seek justice.” — Isaiah 1:17 (ESV)\n\n" +
			"## Africa + Europe\n\nPlease pray for the\ncourts in Kampala.\n\nRejoice: a verdict!\n\n" +
			"**South Asia**\n\n- Pray for the lawyers\n- Pray for the girls\n\n## Middle East\n\nPraise God for Amman.\n",
		date: "2026-12-04", title: "Prayer Bulletin", verse: "Seek justice.", ref: "Isaiah 1:17", ver: "ESV",
		points: []pt{{"africa", "prayer", "Please pray for the courts"}, {"africa", "praise", "Rejoice: a verdict!"},
			{"south-asia", "prayer", "Pray for the lawyers"}, {"south-asia", "prayer", "Pray for the girls"}, {"TODO", "praise", "Praise God for Amman."}},
		unplaced: 1,
	}, {
		name: "inline regions", file: "b.txt",
		text: "Prayer points for November 27, 2026\n\n\"Let justice roll on like a river\"\n- Amos 5:24 NIV\n\n" +
			"Africa: Praise God for the rescue of 20 children.\n\nLatin America: Pray for the hearing in Guatemala City.\n",
		date: "2026-11-27", title: "Prayer points for November 27, 2026", verse: "Let justice roll on like a river", ref: "Amos 5:24", ver: "NIV",
		points: []pt{{"africa", "praise", "Praise God for the rescue"}, {"latin-america", "prayer", "Pray for the hearing"}},
	}, {
		name: "inline forms", file: "b.md",
		text: "Weekly prayer\n\n“Be strong.” — Joshua 1:9\n\n## Africa\n\n**South Asia:** Pray for Ruth’s recovery.\n\n" +
			"Southeast Asia – praise God for a verdict.\n\nAsia: Pray for the families in Nepal.\n\nStaff Care\n\nThank you for praying with us.\n\nThe Prayer Team\n",
		date: "2026-12-11", title: "Weekly prayer", verse: "Be strong.", ref: "Joshua 1:9",
		points: []pt{{"south-asia", "prayer", "Pray for Ruth’s recovery."}, {"southeast-asia", "praise", "praise God for a verdict."},
			{"africa", "prayer", "Asia: Pray for the families in Nepal."}, {"TODO", "prayer", "Thank you for praying"}},
		unplaced: 2, guessed: []string{`region: africa  # guessed: it starts with "Asia:"`, "#   The Prayer Team"},
	}, {
		name: "no scripture, no heading", file: "b.txt",
		text: "Please pray for our staff.\n\nThank you!\n",
		date: "2026-12-11", title: "Old title",
		points:   []pt{{"TODO", "prayer", "Please pray for our staff."}, {"TODO", "prayer", "Thank you!"}},
		unplaced: 3,
	}, {
		name: "email", file: "b.eml",
		text: "From: a@example.org\r\nSubject: Prayer\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=XX\r\n\r\n--XX\r\n" +
			"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
			"IJM Prayer Request\r\n\r\n=93Sing to the Lord!=94\r\n\r\n=97 Jeremiah 20:13\r\n\r\nSouth Asia\r\n\r\nPlease pray for the caf=E9 owners in Chennai, whose =\r\ncase is heard this week.\r\n" +
			"--XX\r\nContent-Type: text/html\r\n\r\n<p>ignored</p>\r\n--XX--\r\n",
		date: "2026-12-11", title: "IJM Prayer Request", verse: "Sing to the Lord!", ref: "Jeremiah 20:13",
		points: []pt{{"south-asia", "prayer", "Please pray for the café owners in Chennai, whose case"}},
	}, {
		name: "html email", file: "b.eml",
		text: "Subject: Prayer\r\nDate: Thu, 3 Dec 2026 23:30:00 -0800\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>p{}</style></head><body><h1>Weekly prayer</h1>" +
			"<p>“Be strong.”</p><p>— Joshua 1:9</p><h2>Southeast Asia</h2><p>Pray for <b>Manila</b>: see <a href=\"https://example.org/\">the story</a>.</p></body></html>",
		date: "2026-12-04", title: "Weekly prayer", verse: "Be strong.", ref: "Joshua 1:9",
		points: []pt{{"southeast-asia", "prayer", "Pray for **Manila**: see [the story](https://example.org/)."}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			text, sent, err := draft.Text(tc.file, []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			d := draft.Import(site, text, draft.Options{Name: tc.file, Default: bulletin.Date{Year: 2026, Month: 12, Day: 11}, Title: "Old title",
				Sent: sent})
			got := loadDraft(t, siteYAML, d)
			if d.Date.String() != tc.date || got.Title != tc.title {
				t.Errorf("date %s, title %q; want %s, %q", d.Date, got.Title, tc.date, tc.title)
			}
			if tc.verse != "" && (got.Scripture.Text != tc.verse || got.Scripture.Reference != tc.ref || got.Scripture.Version != tc.ver) {
				t.Errorf("scripture %q %q %q, want %q %q %q", got.Scripture.Text, got.Scripture.Reference, got.Scripture.Version, tc.verse, tc.ref, tc.ver)
			}
			if len(got.Points) != len(tc.points) {
				t.Fatalf("%d points, want %d:\n%s", len(got.Points), len(tc.points), d.YAML)
			}
			for i, p := range got.Points {
				w := tc.points[i]
				if p.Region != w.region || string(p.Kind) != w.kind || !strings.HasPrefix(p.Body.String(), w.starts) {
					t.Errorf("point %d: %s %s %q, want %s %s %q…", i+1, p.Region, p.Kind, p.Body.String(), w.region, w.kind, w.starts)
				}
			}
			for _, g := range tc.guessed {
				if !strings.Contains(string(d.YAML), g) {
					t.Errorf("the draft has no %q:\n%s", g, d.YAML)
				}
			}
			if d.Unplaced != tc.unplaced {
				t.Errorf("%d not placed, want %d:\n%s", d.Unplaced, tc.unplaced, d.YAML)
			}
		})
	}
}

// FuzzImport: whatever the text, the draft loads without a problem.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"2026-11-20.txt", "2026-11-27.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "seeds", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("# T\n\n> “a” — John 3:16 (NIV)\n\n**Africa**\n\n- Pray\n- Praise\n\nAfrica: x: y # z\n\n'quoted' & *star\n")
	root, err := os.OpenRoot(filepath.Join("..", "..", "bulletins"))
	if err != nil {
		f.Fatal(err)
	}
	defer root.Close()
	site, _, _ := load.Dir(root.FS(), "bulletins")
	data, _ := os.ReadFile(filepath.Join("..", "..", "bulletins", "site.yaml"))
	siteYAML := []byte(oneLanguage(data))
	f.Fuzz(func(t *testing.T, text string) {
		clean, _, _ := draft.Text("f.txt", []byte(text))
		d := draft.Import(site, clean, draft.Options{Default: bulletin.Date{Year: 2026, Month: 12, Day: 11}, Title: "T"})
		name := "2026/" + d.Date.String() + ".yaml"
		_, all, errs := load.Dir(fstest.MapFS{"site.yaml": {Data: siteYAML}, name: {Data: d.YAML}}, "bulletins")
		for _, e := range errs {
			// A paragraph too long for a point is the writer's to split.
			if !strings.HasSuffix(e.Msg, "so split it") {
				t.Fatalf("%q: the draft has problems:\n%v\n%s", text, errs, d.YAML)
			}
		}
		if len(all) != 1 {
			t.Fatalf("%q: the draft is no bulletin:\n%s", text, d.YAML)
		}
	})
}

// TestImportDateFlag: a date given overrides the text's, and the draft
// says what the text said.
func TestImportDateFlag(t *testing.T) {
	site, _, _ := sample(t)
	d := draft.Import(site, "Weekly prayer\n\nFriday, 11 December 2026\n\n“Be strong.” — Joshua 1:9\n\nAfrica\n\nPray for Gulu.\n",
		draft.Options{Date: bulletin.Date{Year: 2027, Month: 1, Day: 8}})
	if want := "date: 2027-01-08  # as -date said; the text says 2026-12-11\n"; !strings.Contains(string(d.YAML), want) {
		t.Errorf("the draft has no %q:\n%s", want, d.YAML)
	}
}

// TestImportIDs: a region called "point" and points that could not be
// placed never share an id; a short line that prays is a point, not a
// heading; a table's cells are paragraphs.
func TestImportIDs(t *testing.T) {
	siteYAML := "title: T\ndescription: D\nbase_url: https://x.example/\nid_domain: x.example\ntimezone: UTC\norganization:\n  name: O\nregions:\n  - id: point\n    name: Point\n  - id: asia\n    name: Asia\n"
	site, _, errs := load.Dir(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}, "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	text := "T\n\n“a” — John 3:16\n\nPray for y.\n\n## Asia\n\nPray for x.\n\nPray for Pastor Wang\n\n## Point\n\nPray for z.\n\n## Europe\n\nPray for w.\n"
	d := draft.Import(site, text, draft.Options{Default: bulletin.Date{Year: 2026, Month: 12, Day: 11}})
	b := loadDraft(t, siteYAML, d)
	var got []string
	for _, pt := range b.Points {
		got = append(got, pt.ID+" "+pt.Region)
	}
	if want := "point-1 point,asia-1 asia,asia-2 asia,point-2 point,point-3 TODO"; strings.Join(got, ",") != want {
		t.Errorf("points %s, want %s\n%s", strings.Join(got, ","), want, d.YAML)
	}
	html, _, err := draft.Text("b.eml", []byte("Content-Type: text/html\r\n\r\n<table><tr><td>Asia</td><td>Pray for Kenya.</td></tr></table>"))
	if err != nil || !strings.Contains(html, "Asia\n\nPray for Kenya.") {
		t.Errorf("a table's cells: %q, %v", html, err)
	}
}

// oneLanguage returns the sample's site.yaml without its other languages,
// whose texts a test's folder of one draft does not hold.
func oneLanguage(siteYAML []byte) string {
	return regexp.MustCompile(`(?m)^languages:.*\n`).ReplaceAllString(string(siteYAML), "")
}
