package load_test

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// TestCache loads a folder again and again through one cache as it
// changes, and checks that each load is what an uncached one gives, and
// that the files that did not change were not parsed again.
func TestCache(t *testing.T) {
	a := "date: 2026-11-20\ntitle: A\nscripture:\n  text: Pray.\n  reference: Psalm 1:1\nitems:\n  - region: africa\n    kind: prayer\n    body: Pray for A.\n"
	b := strings.ReplaceAll(strings.ReplaceAll(a, "2026-11-20", "2026-11-27"), "for A", "for B")
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "a.yaml": {Data: []byte(a)}, "b.yaml": {Data: []byte(b)}}
	c := new(load.Cache)
	now, old := time.Now(), time.Now().Add(-time.Hour)
	var last map[string]*bulletin.Bulletin
	steps := []struct {
		name   string
		change func()
		same   []string // files whose bulletin must be the one parsed before
		fresh  []string // files whose bulletin must be parsed anew
	}{
		{"first", func() {}, nil, []string{"a.yaml", "b.yaml"}},
		{"again", func() {}, []string{"a.yaml", "b.yaml"}, nil},
		{"one edited", func() { fsys["b.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(b, "for B", "for Bee", 1))} }, []string{"a.yaml"}, []string{"b.yaml"}},
		{"one broken", func() { fsys["a.yaml"] = &fstest.MapFile{Data: []byte("date: [\n")} }, []string{"b.yaml"}, nil},
		{"still broken", func() {}, []string{"b.yaml"}, nil},
		{"mended", func() { fsys["a.yaml"] = &fstest.MapFile{Data: []byte(a)} }, []string{"b.yaml"}, []string{"a.yaml"}},
		{"site.yaml changed", func() {
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML + "\n# a comment\n")}
		}, nil, []string{"a.yaml", "b.yaml"}},
		{"same size, no time", func() {
			fsys["a.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(a, "for A", "for X", 1))}
		}, []string{"b.yaml"}, []string{"a.yaml"}},
		{"touched", func() { fsys["a.yaml"].ModTime = old.Add(time.Hour) }, []string{"a.yaml", "b.yaml"}, nil},
		{"same size, new time", func() {
			fsys["a.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(a, "for A", "for Z", 1)), ModTime: old.Add(2 * time.Hour)}
		}, []string{"b.yaml"}, []string{"a.yaml"}},
		// A file just written may change again within the same tick of
		// the file system's clock, its size and time as they were.
		{"just written", func() { fsys["a.yaml"] = &fstest.MapFile{Data: []byte(a), ModTime: now} }, []string{"b.yaml"}, []string{"a.yaml"}},
		{"written again in the same tick", func() {
			fsys["a.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(a, "for A", "for Y", 1)), ModTime: now}
		}, []string{"b.yaml"}, []string{"a.yaml"}},
		{"one deleted", func() { delete(fsys, "b.yaml") }, []string{"a.yaml"}, nil},
	}
	for _, step := range steps {
		step.change()
		site, bs, errs := c.Dir(fsys, "bulletins")
		wantSite, wantBs, wantErrs := load.Dir(fsys, "bulletins")
		// (The sites differ only in what they compute on first use.)
		if site.Source != wantSite.Source || !reflect.DeepEqual(bs, wantBs) || !reflect.DeepEqual(errs, wantErrs) {
			t.Fatalf("%s: the cached load differs from a fresh one:\n%v\nwant\n%v", step.name, errs, wantErrs)
		}
		got := map[string]*bulletin.Bulletin{}
		for _, b := range bs {
			got[b.File] = b
		}
		for _, f := range step.same {
			if got[f] == nil || got[f] != last[f] {
				t.Errorf("%s: %s was parsed again", step.name, f)
			}
		}
		for _, f := range step.fresh {
			if got[f] == nil || got[f] == last[f] {
				t.Errorf("%s: %s was not parsed anew", step.name, f)
			}
		}
		if step.name == "one broken" || step.name == "still broken" {
			if len(errs) == 0 {
				t.Errorf("%s: the broken file reports nothing", step.name)
			}
		}
		last = got
	}
}

// TestCacheTranslation loads a file that translates another only while
// that one is there: through the cache, it is what a fresh load makes of
// it, a translation or a bulletin of its own, as the other comes and
// goes.
func TestCacheTranslation(t *testing.T) {
	a := "date: 2026-11-20\ntitle: A\nscripture:\n  text: Pray.\n  reference: Psalm 1:1\nitems:\n  - region: africa\n    kind: prayer\n    body: Pray for A.\n"
	old := time.Now().Add(-time.Hour)
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "a.de.yaml": {Data: []byte(a), ModTime: old}}
	c := new(load.Cache)
	for _, step := range []struct {
		name   string
		change func()
	}{
		{"alone", func() {}},
		{"the bulletin it translates added", func() {
			fsys["a.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(a, "2026-11-20", "2026-11-27", 1)), ModTime: old}
		}},
		{"and removed", func() { delete(fsys, "a.yaml") }},
	} {
		step.change()
		site, bs, errs := c.Dir(fsys, "bulletins")
		wantSite, wantBs, wantErrs := load.Dir(fsys, "bulletins")
		if !reflect.DeepEqual(bs, wantBs) || !reflect.DeepEqual(errs, wantErrs) || len(site.Translations) != len(wantSite.Translations) {
			t.Errorf("%s: the cached load (%d bulletins, %d translations) differs from a fresh one (%d, %d):\n%v\nwant\n%v",
				step.name, len(bs), len(site.Translations), len(wantBs), len(wantSite.Translations), errs, wantErrs)
		}
	}
}
