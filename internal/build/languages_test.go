package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// A site in two languages: the first bulletin translated, but for one
// point; the second not.
var languageSite = map[string]string{
	"site.yaml": `title: Prayer
description: Weekly prayer
base_url: https://example.org/prayer/
id_domain: example.org
timezone: America/Guatemala
organization:
  name: Justice Org
  email: prayer@example.org
podcast:
  guid: d99c03f1-dfd2-5369-ab5d-2e5f8d1129ad
  image: https://example.org/prayer/podcast.png
  category: Religion & Spirituality
regions:
  - id: americas
    name: Americas
  - id: asia
    name: Asia
`,
	"site.es.yaml": `title: Oración
description: Oración semanal
podcast:
  title: Oración en voz alta
regions:
  americas:
    name: Las Américas
`,
	"2026/2026-11-20.yaml": `date: 2026-11-20
title: Weekly prayer
audio:
  url: https://media.example.org/2026-11-20.mp3
  length: 1000
  type: audio/mpeg
  duration: 1m
scripture:
  text: Seek justice.
  reference: Isaiah 1:17
intro: Welcome to this week's prayers.
items:
  - id: courts
    region: americas
    kind: prayer
    title: Courts in Guatemala
    body: Pray for the courts of Guatemala.
    events:
      - id: guatemala-hearing
        kind: hearing
        title: Hearing in Guatemala City
        start: "2026-12-02 09:00"
        location: Torre de Tribunales
  - id: shelters
    region: asia
    kind: praise
    title: Shelters in Manila
    body: Praise God for the shelters of Manila.
`,
	"2026/2026-11-20.es.yaml": `title: Oración semanal
audio:
  url: https://media.example.org/2026-11-20.es.mp3
  length: 2000
  type: audio/mpeg
  duration: 1m
scripture:
  text: Buscad la justicia.
  reference: Isaías 1:17
items:
  courts:
    title: Tribunales de Guatemala
    body: Oren por los tribunales de Guatemala.
events:
  guatemala-hearing:
    title: Audiencia en la Ciudad de Guatemala
`,
	"2026/2026-11-27.yaml": `date: 2026-11-27
title: Weekly prayer
scripture:
  text: Do justice.
  reference: Micah 6:8
items:
  - id: police
    region: americas
    kind: prayer
    title: Police in Bolivia
    body: Pray for the police of Bolivia.
`,
}

// writeSite writes files into a new folder, with languages: [en, es] in
// site.yaml when two, and returns the folder.
func writeSite(t *testing.T, files map[string]string, two bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "bulletins")
	for name, data := range files {
		if !two && (name == "site.es.yaml" || strings.HasSuffix(name, ".es.yaml")) {
			continue
		}
		if two && name == "site.yaml" {
			data += "languages: [en, es]\n"
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLanguages builds a site in one language and in two: the site's own
// language keeps every feed, calendar and script byte for byte; Spanish
// has the translated bulletin alone, without its untranslated point, with
// IDs and UIDs of its own, at the same times; pages link each other's
// language.
func TestLanguages(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	one := filepath.Join(t.TempDir(), "public")
	run(t, writeSite(t, languageSite, false), one, now)
	src := writeSite(t, languageSite, true)
	two := filepath.Join(t.TempDir(), "public")
	r := run(t, src, two, now)

	read := func(dir, p string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	// The site's own language: the same feeds, calendars and scripts.
	err := filepath.WalkDir(one, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(one, p)
		rel = filepath.ToSlash(rel)
		if err != nil || d.IsDir() || !regexp.MustCompile(`^(feeds|calendars|events|scripts)/.*[^l]$`).MatchString(rel) {
			return err
		}
		if read(one, rel) != read(two, rel) {
			t.Errorf("%s differs once the site has a second language", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Spanish: the translated bulletin, its translated point alone.
	fd, err := gofeed.NewParser().ParseString(read(two, "es/feeds/all.atom"))
	if err != nil {
		t.Fatal(err)
	}
	if len(fd.Items) != 1 || fd.Items[0].Title != "Oración semanal — 20 de noviembre de 2026" || fd.Language != "es" && fd.Language != "" {
		var titles []string
		for _, it := range fd.Items {
			titles = append(titles, it.Title)
		}
		t.Errorf("es/feeds/all.atom: %q, want the translated bulletin alone", titles)
	}
	if fd.Title != "Oración" {
		t.Errorf("es/feeds/all.atom is titled %q", fd.Title)
	}
	if asia := read(two, "es/feeds/asia.rss"); strings.Contains(asia, "<item>") {
		t.Errorf("the untranslated point is in es/feeds/asia.rss:\n%s", asia)
	}
	for _, want := range []string{"point shelters is not translated", "the intro is not translated", `region asia has no name here, so the es site calls it "Asia"`} {
		if !strings.Contains(r.Warnings.Error(), want) {
			t.Errorf("no warning %q in %v", want, r.Warnings)
		}
	}

	// IDs and UIDs of its own.
	ids := regexp.MustCompile(`<id>([^<]*)</id>|<guid[^>]*>([^<]*)</guid>|UID:(\S*)`)
	mine := map[string]bool{}
	for _, p := range []string{"feeds/all.atom", "feeds/americas.rss", "calendars/all.ics"} {
		for _, m := range ids.FindAllStringSubmatch(read(two, p), -1) {
			mine[m[1]+m[2]+m[3]] = true
		}
	}
	var es []string
	for _, p := range []string{"es/feeds/all.atom", "es/feeds/americas.rss", "es/calendars/all.ics"} {
		for _, m := range ids.FindAllStringSubmatch(read(two, p), -1) {
			id := m[1] + m[2] + m[3]
			es = append(es, id)
			if mine[id] {
				t.Errorf("%s has ID %s, which the site's own language has too", p, id)
			}
		}
	}
	for _, want := range []string{"tag:example.org,2026-11-20:es/2026-11-20", "tag:example.org,2026-11-20:es/2026-11-20/courts", "guatemala-hearing.es@example.org"} {
		if !slices.Contains(es, want) {
			t.Errorf("no ID %s in Spanish; it has %q", want, es)
		}
	}

	// The event at the bulletin's time and place, in Spanish words.
	cal := strings.ReplaceAll(read(two, "es/calendars/all.ics"), "\r\n ", "")
	for _, want := range []string{"DTSTART;TZID=America/Guatemala:20261202T090000", "LOCATION:Torre de Tribunales", "Audiencia en la Ciudad de Guatemala", "SEQUENCE:0"} {
		if !strings.Contains(cal, want) {
			t.Errorf("es/calendars/all.ics lacks %q:\n%s", want, cal)
		}
	}

	// The podcast: the Spanish recording, under a GUID of its own.
	guid := regexp.MustCompile(`<podcast:guid>([^<]*)</podcast:guid>`)
	en, esp := read(two, "feeds/podcast.rss"), read(two, "es/feeds/podcast.rss")
	if !strings.Contains(esp, "https://media.example.org/2026-11-20.es.mp3") || strings.Contains(esp, "2026-11-20.mp3") ||
		!strings.Contains(esp, "<title>Oración en voz alta</title>") {
		t.Errorf("es/feeds/podcast.rss is not the Spanish recording:\n%s", esp)
	}
	if g, h := guid.FindStringSubmatch(en), guid.FindStringSubmatch(esp); g == nil || h == nil || g[1] == h[1] {
		t.Errorf("podcast:guid %v in English, %v in Spanish: want two", g, h)
	}

	// Pages link their translations.
	page := read(two, "bulletins/2026-11-20/index.html")
	if !strings.Contains(page, `<link rel="alternate" hreflang="es" href="https://example.org/prayer/es/bulletins/2026-11-20/">`) {
		t.Errorf("the bulletin's page does not link its Spanish")
	}
	if page := read(two, "bulletins/2026-11-27/index.html"); strings.Contains(page, `hreflang="es" href="https://example.org/prayer/es/bulletins/`) {
		t.Errorf("the untranslated bulletin's page links a Spanish page")
	}
	if page := read(two, "es/bulletins/2026-11-20/index.html"); !strings.Contains(page, `<html lang="es">`) ||
		!strings.Contains(page, `hreflang="en" href="https://example.org/prayer/bulletins/2026-11-20/"`) || !strings.Contains(page, `href="/prayer/assets/style.css"`) {
		t.Errorf("the Spanish page is not in Spanish, links no English, or loads another stylesheet")
	}
	if _, err := os.Stat(filepath.Join(two, "es", "bulletins", "2026-11-27")); err == nil {
		t.Errorf("the untranslated bulletin has a Spanish page")
	}
	for _, p := range []string{"es/_headers", "es/robots.txt", "es/404.html", "es/assets/style.css"} {
		if _, err := os.Stat(filepath.Join(two, filepath.FromSlash(p))); err == nil {
			t.Errorf("%s is written; hosts read it at the root alone", p)
		}
	}
	if robots := read(two, "robots.txt"); !strings.Contains(robots, "Sitemap: https://example.org/prayer/es/sitemap.xml\n") {
		t.Errorf("robots.txt does not name the Spanish sitemap:\n%s", robots)
	}
	if h := read(two, "_headers"); !strings.Contains(h, "/prayer/es/feeds/all.json\n  Content-Type: application/feed+json") {
		t.Errorf("_headers does not give the Spanish feeds' media types:\n%s", h)
	}

	// The hearing moves, in the site's language: both languages follow,
	// each with its own SEQUENCE.
	b := filepath.Join(src, "2026", "2026-11-20.yaml")
	data, _ := os.ReadFile(b)
	os.WriteFile(b, []byte(strings.Replace(string(data), `"2026-12-02 09:00"`, `"2026-12-03 10:30"`, 1)), 0o644)
	run(t, src, two, now)
	for _, p := range []string{"calendars/all.ics", "es/calendars/all.ics", "events/guatemala-hearing.ics", "es/events/guatemala-hearing.ics"} {
		cal := read(two, p)
		if !strings.Contains(cal, "DTSTART;TZID=America/Guatemala:20261203T103000") || !strings.Contains(cal, "SEQUENCE:1") {
			t.Errorf("%s after the hearing moved:\n%s", p, cal)
		}
	}

	// The translation held back as a draft: the bulletin leaves Spanish.
	tr := filepath.Join(src, "2026", "2026-11-20.es.yaml")
	data, _ = os.ReadFile(tr)
	os.WriteFile(tr, append([]byte("draft: true\n"), data...), 0o644)
	r = run(t, src, two, now)
	if strings.Contains(read(two, "es/feeds/all.atom"), "<entry>") {
		t.Errorf("a draft translation is published")
	}
	if cal := read(two, "es/calendars/all.ics"); !strings.Contains(cal, "STATUS:CANCELLED") {
		t.Errorf("the hearing of a translation taken back is not kept as cancelled:\n%s", cal)
	}
	if !strings.Contains(r.Changed.Error(), "tag:example.org,2026-11-20:es/2026-11-20") {
		t.Errorf("no warning that the Spanish entries are gone: %v", r.Changed)
	}
}
