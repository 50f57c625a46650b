package build_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/build"
)

// TestPublishQuietly checks that a rebuild with nothing changed writes
// nothing and keeps every modification time, that a changed file is
// rewritten alone, that a file the build no longer produces goes, and
// that a file someone else put there stays.
func TestPublishQuietly(t *testing.T) {
	out, files := buildSite(t, sites[0].src, sites[0].now)

	// Someone else's file where the build writes one is replaced, and said.
	other := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "robots.txt"), []byte("User-agent: *\nDisallow: /\n"), 0o644)
	if res, err := build.Publish(other, files, &build.Manifest{}); err != nil || !slices.Equal(res.Replaced, []string{"robots.txt"}) {
		t.Errorf("publish over someone else's robots.txt: %v, replaced %q", err, res.Replaced)
	}
	// And one reached through someone else's link to a folder of theirs.
	if runtime.GOOS != "windows" {
		linked := filepath.Join(t.TempDir(), "public")
		elsewhere := t.TempDir()
		os.MkdirAll(linked, 0o755)
		os.WriteFile(filepath.Join(elsewhere, "style.css"), []byte("p {}\n"), 0o644)
		os.Symlink(elsewhere, filepath.Join(linked, "assets"))
		if res, err := build.Publish(linked, files, &build.Manifest{}); err != nil || !slices.Equal(res.Replaced, []string{"assets/style.css"}) {
			t.Errorf("publish over someone else's link to a folder: %v, replaced %q", err, res.Replaced)
		}
	}

	os.WriteFile(filepath.Join(out, "CNAME"), []byte("prayer.example.org\n"), 0o644)
	os.MkdirAll(filepath.Join(out, ".well-known"), 0o755)
	os.WriteFile(filepath.Join(out, ".well-known", "security.txt"), []byte("Contact: x\n"), 0o644)
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		os.Chtimes(filepath.Join(out, f.Path), old, old)
	}
	m := &build.Manifest{}
	if prev, err := build.ReadManifest(filepath.Join(out, build.ManifestFile)); err == nil {
		m = prev
	}
	res, err := build.Publish(out, files, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written)+len(res.Removed) != 0 {
		t.Errorf("a rebuild with nothing changed wrote %q, removed %q", res.Written, res.Removed)
	}
	for _, f := range files {
		if fi, err := os.Stat(filepath.Join(out, f.Path)); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s: modification time changed", f.Path)
		}
	}

	// Change one file and drop another.
	changed := slices.Clone(files)
	changed[0].Data = append(slices.Clone(changed[0].Data), '\n')
	dropped := changed[len(changed)-1].Path
	changed = changed[:len(changed)-1]
	m.Files = nil
	res, err = build.Publish(out, changed, m)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Written, []string{changed[0].Path}) || !slices.Equal(res.Removed, []string{dropped}) {
		t.Errorf("wrote %q, removed %q; want %s and %s", res.Written, res.Removed, changed[0].Path, dropped)
	}
	if _, err := os.Stat(filepath.Join(out, dropped)); err == nil {
		t.Errorf("%s is still there", dropped)
	}
	for _, f := range changed[1:] {
		if fi, err := os.Stat(filepath.Join(out, f.Path)); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s: modification time changed", f.Path)
		}
	}
	for _, p := range []string{"CNAME", ".well-known/security.txt"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("someone else's %s is gone: %v", p, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*staging*"))
	if len(leftovers) > 0 {
		t.Errorf("staging left behind: %q", leftovers)
	}
}

// TestPublishStaysInside plants symbolic links where the build writes:
// nothing may be written through them, outside the output folder.
func TestPublishStaysInside(t *testing.T) {
	outside := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(outside, filepath.Join(out, "feeds")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	os.Symlink(filepath.Join(outside, "x"), filepath.Join(out, "index.html"))
	files := []build.File{{Path: "feeds/all.atom", Data: []byte("<feed/>")}, {Path: "index.html", Data: []byte("home")}}
	if _, err := build.Publish(out, files, &build.Manifest{}); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote outside the output folder: %v", entries)
	}
	for _, f := range files {
		fi, err := os.Lstat(filepath.Join(out, f.Path))
		if err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s: %v %v", f.Path, fi, err)
		}
	}
}

// TestPublishTakesTurns publishes into one folder from several goroutines
// at once: each waits for the lock, so all succeed and the folder ends as
// one of them left it.
func TestPublishTakesTurns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	errs := make(chan error, 4)
	for i := range 4 {
		go func() {
			files := []build.File{{Path: "index.html", Data: []byte{byte('a' + i)}}, {Path: "feeds/all.atom", Data: []byte{byte('a' + i)}}}
			_, err := build.Publish(out, files, &build.Manifest{})
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("publish: %v", err)
		}
	}
	a, _ := os.ReadFile(filepath.Join(out, "index.html"))
	b, _ := os.ReadFile(filepath.Join(out, "feeds", "all.atom"))
	if len(a) != 1 || !bytes.Equal(a, b) {
		t.Errorf("the folder mixes builds: index.html %q, feeds/all.atom %q", a, b)
	}
}

// TestManifestFormat1 reads a manifest as builds before format 2 wrote
// it, each file with its SHA-256: its files are still the build's own.
func TestManifestFormat1(t *testing.T) {
	p := filepath.Join(t.TempDir(), build.ManifestFile)
	os.WriteFile(p, []byte(`{"prayerfeed_manifest": 1, "files": {"feeds/all.atom": "ab12", "index.html": "cd34"},
  "entries": {"tag:x,2026-11-20:2026-11-20": {"file": "b/a.yaml", "title": "Bulletin", "point": 0}}, "events": {}}`), 0o644)
	m, err := build.ReadManifest(p)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Files, build.Files{"feeds/all.atom", "index.html"}) || m.Entries["tag:x,2026-11-20:2026-11-20"].Title != "Bulletin" {
		t.Errorf("read %+v", m)
	}
}

// TestReadManifest reads manifests member by member as json.Unmarshal
// reads them whole, and refuses what it refuses.
func TestReadManifest(t *testing.T) {
	dir := t.TempDir()
	read := func(data string) (*build.Manifest, error) {
		p := filepath.Join(dir, build.ManifestFile)
		os.WriteFile(p, []byte(data), 0o644)
		return build.ReadManifest(p)
	}
	for _, data := range []string{
		`{"prayerfeed_manifest": 3, "files": ["a", "b"], "entries": {"x": {"file": "f", "title": "T", "sketch": "s"}}, "events": {"u": {"file": "f", "title": "E", "sequence": 2, "calendars": {"c": ""}, "time": {"kind": "hearing", "zone": "UTC", "start": "2026-12-01T10:00:00"}}}}`,
		`{"events": null, "entries": {}, "later": [1, {"x": 2}], "prayerfeed_manifest": 3}`,
		`{}`,
	} {
		got, err := read(data)
		var want build.Manifest
		if jerr := json.Unmarshal([]byte(data), &want); err != nil || jerr != nil {
			t.Errorf("%s: %v, json.Unmarshal: %v", data, err, jerr)
			continue
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: read %+v, json.Unmarshal reads %+v", data, *got, want)
		}
	}
	for _, data := range []string{
		``,
		`[]`,
		`{"entries": {"x": {"file": "f"}}`,
		`{"entries": []}`,
		`{"entries": {"x": 1}}`,
		`{"events": {"u": {"sequence": "2"}}}`,
		`{} {}`,
		`{"prayerfeed_manifest": 3,}`,
	} {
		if _, err := read(data); err == nil {
			t.Errorf("%q read without an error", data)
		}
	}
}
