package build_test

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/audit"
	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/golden"
)

// sites are the whole-site golden cases: a source folder, the clock, and
// the folder of the expected output.
var sites = []struct {
	name string
	src  string
	now  time.Time
	want string
}{
	{"sample", filepath.Join("..", "..", "bulletins"), time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC), filepath.Join("testdata", "sample", "public")},
	{"site", filepath.Join("testdata", "site", "bulletins"), time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC), filepath.Join("testdata", "site", "public")},
}

// run runs the pipeline on the folder src at now, into out unless out is
// "", and fails the test on any problem.
func run(tb testing.TB, src, out string, now time.Time) *build.Report {
	tb.Helper()
	root, err := os.OpenRoot(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer root.Close()
	r, err := build.Run(build.Options{Src: root.FS(), Name: "bulletins", Now: build.At(now), Out: out})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// model returns the model of the site in the folder src at now.
func model(tb testing.TB, src string, now time.Time) *build.Model {
	tb.Helper()
	return run(tb, src, "", now).Model
}

// buildSite builds src at now into a new temporary folder and returns it
// with the files rendered.
func buildSite(t *testing.T, src string, now time.Time) (string, []build.File) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	r := run(t, src, out, now)
	files, err := build.RenderAll(r.Model)
	if err != nil {
		t.Fatal(err)
	}
	return out, files
}

func TestGoldenSites(t *testing.T) {
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			out, _ := buildSite(t, s.src, s.now)
			golden.Dir(t, s.want, out)
			// And the site reads back as its readers will find it.
			base, _ := url.Parse(map[string]string{"sample": "https://prayer.example.org/", "site": "https://example.org/prayer/"}[s.name])
			problems, err := audit.Site(out, base)
			if err != nil || len(problems) > 0 {
				t.Errorf("check -out: %v\n%s", err, strings.Join(problems, "\n"))
			}
		})
	}
}

// TestEveryOutputHasGolden checks that every row of the output table
// produces at least one file in the golden sites.
func TestEveryOutputHasGolden(t *testing.T) {
	for _, o := range build.Outputs {
		if o.Path == "" || o.MediaType == "" || o.Files == nil {
			t.Errorf("output %+v lacks a path, media type or renderer", o)
		}
	}
	var files []build.File
	for _, s := range sites {
		_, fs := buildSite(t, s.src, s.now)
		files = append(files, fs...)
	}
	for _, o := range build.Outputs {
		found := false
		for _, f := range files {
			if f.MediaType == o.MediaType && matches(o.Path, f.Path) {
				found = true
			}
		}
		if !found {
			t.Errorf("output %s produced no file in the golden sites", o.Path)
		}
	}
}

// matches reports whether path fits pattern, where each "<...>" stands
// for one path element or part of one.
func matches(pattern, path string) bool {
	re := regexp.QuoteMeta(pattern)
	re = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(re, `[^/]+`)
	return regexp.MustCompile("^" + re + "$").MatchString(path)
}

// TestPrivacy searches every byte of the built site for the canaries
// planted in drafts, embargoed bulletins, private points and private
// events.
func TestPrivacy(t *testing.T) {
	out, files := buildSite(t, sites[1].src, sites[1].now)
	if len(files) == 0 {
		t.Fatal("no files built")
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, canary := range []string{"PRIVATE-CANARY", "DRAFT-CANARY", "EMBARGO-CANARY", "secret-meeting", "embargoed-hearing", "only in this preview"} {
			if bytes.Contains(data, []byte(canary)) {
				t.Errorf("%s contains %s", p, canary)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPreviewNeverPublished: a preview, which shows drafts and embargoed
// bulletins, cannot be built into a folder, and shows no private point.
func TestPreviewNeverPublished(t *testing.T) {
	root, err := os.OpenRoot(sites[1].src)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(build.Options{Src: root.FS(), Name: "bulletins", Now: build.At(sites[1].now), Out: out, Preview: true}); err == nil {
		t.Errorf("a preview was built into a folder")
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a preview wrote %s", out)
	}
	r, err := build.Run(build.Options{Src: root.FS(), Name: "bulletins", Now: build.At(sites[1].now), Preview: true})
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, part := range r.Model.Parts() {
		for _, j := range r.Model.Jobs(part) {
			data, err := r.Model.RenderFile(j)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(data)
		}
	}
	if !strings.Contains(all.String(), "A draft, shown only in this preview") || !strings.Contains(all.String(), "shown only in this preview until then") {
		t.Errorf("the preview does not mark the draft and the embargoed bulletin")
	}
	if !strings.Contains(all.String(), "DRAFT-CANARY") || !strings.Contains(all.String(), "EMBARGO-CANARY") {
		t.Errorf("the preview does not show the draft and the embargoed bulletin")
	}
	if strings.Contains(all.String(), "PRIVATE-CANARY") {
		t.Errorf("the preview shows a private point")
	}
}

// TestDeterministic builds twice, under different local time zones, and
// compares the bytes.
func TestDeterministic(t *testing.T) {
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			var first []build.File
			for _, zone := range []string{"UTC", "Pacific/Kiritimati", "America/St_Johns"} {
				loc, err := time.LoadLocation(zone)
				if err != nil {
					t.Fatal(err)
				}
				saved := time.Local
				time.Local = loc
				_, files := buildSite(t, s.src, s.now)
				time.Local = saved
				if first == nil {
					first = files
					continue
				}
				if len(files) != len(first) {
					t.Fatalf("TZ=%s: %d files, want %d", zone, len(files), len(first))
				}
				for i := range files {
					if files[i].Path != first[i].Path || !bytes.Equal(files[i].Data, first[i].Data) {
						t.Errorf("TZ=%s: %s differs", zone, files[i].Path)
					}
				}
			}
		})
	}
}

// TestRefusesPathsOutside checks that no output path leads out of the
// output folder.
func TestRefusesPathsOutside(t *testing.T) {
	out := t.TempDir()
	for _, p := range []string{"../escape", "/etc/passwd", "a/../../b", build.ManifestFile} {
		if _, err := build.Publish(filepath.Join(out, "public"), []build.File{{Path: p, Data: []byte("x")}}, &build.Manifest{}); err == nil {
			t.Errorf("Publish(%q) succeeded; want an error", p)
		}
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if e.Name() != ".public.lock" { // the lock beside the output folder stays
			t.Errorf("Publish created %s", e.Name())
		}
	}
}

// TestWarnLargeFiles checks the warnings of calendars and head feeds too
// large for their clients; archives and the podcast feed are not
// subscriptions of that kind.
func TestWarnLargeFiles(t *testing.T) {
	files := []build.File{
		{Path: "calendars/all.ics", MediaType: "text/calendar; charset=utf-8", Data: make([]byte, 600<<10)},
		{Path: "calendars/small.ics", MediaType: "text/calendar; charset=utf-8", Data: make([]byte, 100<<10)},
		{Path: "feeds/all.atom", MediaType: "application/atom+xml", Data: make([]byte, 600<<10)},
		{Path: "feeds/small.json", MediaType: "application/feed+json", Data: make([]byte, 100<<10)},
		{Path: "feeds/archive/all/2025.atom", MediaType: "application/atom+xml", Data: make([]byte, 600<<10)},
		{Path: "feeds/podcast.rss", MediaType: "application/rss+xml", Data: make([]byte, 600<<10)},
	}
	var got []string
	for _, f := range files {
		if w := build.WarnFile(f); w != "" {
			got = append(got, w)
		}
	}
	want := []string{"calendars/all.ics is 600 KB; Google Calendar ignores calendars over about 1 MB: lower calendar_past_days",
		"feeds/all.atom is 600 KB, though it holds only the newest bulletin or point; feed readers refuse feeds over 512 KB: shorten it"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestMediaTypesSayUTF8 checks that every text the site serves says it is
// UTF-8: a browser opening a feed without it shows "â€”" for every dash.
func TestMediaTypesSayUTF8(t *testing.T) {
	for _, o := range build.Outputs {
		if !strings.HasSuffix(o.MediaType, "; charset=utf-8") {
			t.Errorf("%s is served as %q, without charset=utf-8", o.Path, o.MediaType)
		}
	}
	headers := string(mustRender(t, "_headers"))
	for _, line := range strings.Split(headers, "\n") {
		if strings.Contains(line, "Content-Type:") && !strings.HasSuffix(line, "; charset=utf-8") {
			t.Errorf("_headers: %s", strings.TrimSpace(line))
		}
	}
}

// mustRender returns the file at path of the sample site, rendered.
func mustRender(t *testing.T, path string) []byte {
	t.Helper()
	_, files := buildSite(t, sites[0].src, sites[0].now)
	for _, f := range files {
		if f.Path == path {
			return f.Data
		}
	}
	t.Fatalf("the sample has no %s", path)
	return nil
}

// TestPastEventsOfferNoAdd: once the sample's events are over, the events
// page lists them as recent, each linking to its point, and offers none
// of them to add to a calendar.
func TestPastEventsOfferNoAdd(t *testing.T) {
	r := run(t, sites[0].src, "", time.Date(2027, 1, 20, 12, 0, 0, 0, time.UTC))
	var page string
	for _, part := range r.Model.Parts() {
		for _, j := range r.Model.Jobs(part) {
			if j.Path == "events/index.html" {
				data, err := r.Model.RenderFile(j)
				if err != nil {
					t.Fatal(err)
				}
				page = string(data)
			}
		}
	}
	recent, ok := strings.CutPrefix(page[strings.Index(page, `<h2 id="_recent">`):], `<h2 id="_recent">`)
	if !ok || !strings.Contains(recent, "Why we pray: ") {
		t.Fatalf("the events page has no recent events linking to their points:\n%s", page)
	}
	if strings.Contains(recent, `class="add"`) {
		t.Errorf("a past event offers to be added to a calendar:\n%s", recent)
	}
}
