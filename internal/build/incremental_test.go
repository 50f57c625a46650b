package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/build"
)

// publishIncremental builds src into out as prayerfeed build does:
// staged, rendering only the years whose inputs changed since the build
// recorded beside out. It returns the paths of the files reused.
func publishIncremental(t *testing.T, src, out string, now time.Time) []string {
	t.Helper()
	site := loadSite(t, src, now)
	st, err := build.OpenStage(out)
	if err != nil {
		t.Fatal(err)
	}
	site.Previous = st.Previous()
	site.Reuse = st.Reuse
	var mu sync.Mutex
	var reused []string
	err = build.RenderTo(site, func(f build.File) error {
		if f.Reused {
			mu.Lock()
			reused = append(reused, f.Path)
			mu.Unlock()
		}
		return st.Add(f)
	})
	if err != nil {
		st.Discard()
		t.Fatal(err)
	}
	if _, err := st.CommitSite(site.Manifest(nil), site); err != nil {
		t.Fatal(err)
	}
	return reused
}

// TestIncrementalSameAsFull edits the test site step by step, across
// years and across the links between them (an event announced one year
// and moved the next), and checks after each step that a build which
// renders only the changed years publishes exactly what a whole build
// does, and that it did reuse the years that had not changed.
func TestIncrementalSameAsFull(t *testing.T) {
	now := time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)
	src := filepath.Join(t.TempDir(), "bulletins")
	copyDir(t, filepath.Join("testdata", "site", "bulletins"), src)
	out := filepath.Join(t.TempDir(), "public")
	if reused := publishIncremental(t, src, out, now); len(reused) > 0 {
		t.Fatalf("the first build reused %q", reused)
	}
	steps := []struct {
		name       string
		file, old  string // in src; old "" writes the whole file as new
		new        string
		wantReused []string // prefixes of files that must be reused
		wantNot    []string // prefixes of files that must not be
	}{
		{"nothing changed, but the key forgotten", "", "", "", []string{"bulletins/2024-", "scripts/2025-"}, nil},
		{"a word in 2025", "2025/2025-06-13.yaml", "partners in Fiji", "partners in Suva",
			[]string{"bulletins/2024-", "scripts/2026-"}, []string{"bulletins/2025-06-13", "scripts/2025-06-13"}},
		{"an event announced in 2025", "2025/2025-12-19.yaml", "items:\n", "items:\n  - region: oceania\n    kind: prayer\n    title: Hearing in Suva\n    body: Pray for the hearing.\n    events:\n      - id: suva-hearing\n        kind: hearing\n        title: Trafficking hearing\n        start: \"2026-05-04 09:00\"\n        timezone: Pacific/Fiji\n",
			[]string{"bulletins/2024-"}, []string{"bulletins/2025-12-19"}},
		{"and moved in 2026", "2026/2026-03-20.yaml", "items:\n", "items:\n  - region: oceania\n    kind: prayer\n    title: Hearing in Suva moved\n    body: The hearing moved.\n    events:\n      - id: suva-hearing\n        kind: hearing\n        title: Trafficking hearing\n        start: \"2026-05-11 09:00\"\n        timezone: Pacific/Fiji\n",
			[]string{"bulletins/2024-"}, []string{"bulletins/2025-12-19", "bulletins/2026-03-20"}},
		{"an old page edited by hand", "2026/2026-03-06.yaml", "items:\n", "items:\n  - region: oceania\n    kind: praise\n    body: Praise for the team.\n",
			[]string{"bulletins/2025-"}, []string{"bulletins/2024-12-20"}},
		{"a new year", "2023/2023-05-05.yaml", "", "date: 2023-05-05\ntitle: Early days\nscripture:\n  text: Pray without ceasing.\n  reference: 1 Thessalonians 5:17\nitems:\n  - region: oceania\n    kind: praise\n    body: Praise for a start.\n",
			[]string{"bulletins/2026-03-06"}, []string{"bulletins/2023-05-05", "feeds/archive/all/2024"}},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			switch {
			case step.file == "":
				key := filepath.Join(filepath.Dir(out), ".public.key")
				data, err := os.ReadFile(key)
				if err != nil {
					t.Fatal(err)
				}
				// The record stays; only Current is kept from
				// skipping the build.
				os.WriteFile(key, bytes.Replace(data, []byte(`"key":"`), []byte(`"key":"x`), 1), 0o644)
			case step.old == "":
				p := filepath.Join(src, step.file)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(step.new), 0o644); err != nil {
					t.Fatal(err)
				}
			default:
				p := filepath.Join(src, step.file)
				data, err := os.ReadFile(p)
				if err != nil || !bytes.Contains(data, []byte(step.old)) {
					t.Fatalf("%s lacks %q: %v", step.file, step.old, err)
				}
				os.WriteFile(p, bytes.Replace(data, []byte(step.old), []byte(step.new), 1), 0o644)
			}
			if step.name == "an old page edited by hand" {
				p := filepath.Join(out, "bulletins", "2024-12-20", "index.html")
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				// The same size, so that only its time tells.
				data = bytes.Replace(data, []byte("<body>"), []byte("<BODY>"), 1)
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
				old := time.Unix(1e9, 0)
				os.Chtimes(p, old, old)
			}
			reused := publishIncremental(t, src, out, now)
			full, _ := buildSite(t, src, now)
			sameTree(t, full, out)
			for _, want := range step.wantReused {
				if !hasPrefix(reused, want) {
					t.Errorf("no file %s… was reused; reused %q", want, reused)
				}
			}
			for _, not := range step.wantNot {
				if hasPrefix(reused, not) {
					t.Errorf("a file %s… was reused though its inputs changed", not)
				}
			}
		})
	}
}

func hasPrefix(paths []string, prefix string) bool {
	for _, p := range paths {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}

// sameTree checks that the folders want and got hold the same files with
// the same bytes.
func sameTree(t *testing.T, want, got string) {
	t.Helper()
	read := func(dir string) map[string][]byte {
		files := map[string][]byte{}
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	w, g := read(want), read(got)
	for p, data := range w {
		if gd, ok := g[p]; !ok {
			t.Errorf("%s: missing from the incremental build", p)
		} else if !bytes.Equal(gd, data) {
			t.Errorf("%s: differs from the whole build", p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			t.Errorf("%s: only in the incremental build", p)
		}
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// TestReuseWithoutHardLinks checks that a year kept from the previous
// build is copied where the file system refuses a hard link: here an
// immutable file (chattr +i), as exFAT or SMB shares refuse every one.
func TestReuseWithoutHardLinks(t *testing.T) {
	now := time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)
	src := filepath.Join(t.TempDir(), "bulletins")
	copyDir(t, filepath.Join("testdata", "site", "bulletins"), src)
	out := filepath.Join(t.TempDir(), "public")
	publishIncremental(t, src, out, now)
	p := filepath.Join(out, "scripts", "2024-12-20.txt")
	if b, err := exec.Command("chattr", "+i", p).CombinedOutput(); err != nil {
		t.Skipf("cannot make a file immutable here: %v %s", err, b)
	}
	t.Cleanup(func() {
		// After the swap the file is in the old site, being removed.
		filepath.WalkDir(filepath.Dir(out), func(q string, d fs.DirEntry, err error) error {
			if err == nil && d.Name() == "2024-12-20.txt" {
				exec.Command("chattr", "-i", q).Run()
			}
			return nil
		})
	})
	if err := os.Link(p, p+".link"); err == nil {
		os.Remove(p + ".link")
		t.Skip("an immutable file takes hard links here")
	}
	f := filepath.Join(src, "2026", "2026-03-06.yaml")
	data, _ := os.ReadFile(f)
	os.WriteFile(f, bytes.Replace(data, []byte("items:\n"), []byte("items:\n  - region: oceania\n    kind: praise\n    body: Praise.\n"), 1), 0o644)
	reused := publishIncremental(t, src, out, now)
	if !slices.Contains(reused, "scripts/2024-12-20.txt") {
		t.Errorf("the year 2024 was not kept: %q", reused)
	}
	full, _ := buildSite(t, src, now)
	sameTree(t, full, out)
}

// TestUnchanged checks when a build may skip even loading its source: the
// same files and program, a clock no earlier than the last build's and
// before the next embargo ends or the day turns, and every published file
// as it was left.
func TestUnchanged(t *testing.T) {
	src := filepath.Join(t.TempDir(), "bulletins")
	copyDir(t, filepath.Join("testdata", "site", "bulletins"), src)
	out := filepath.Join(t.TempDir(), "public")
	digest := func() string {
		d, err := build.SourceDigest(os.DirFS(src))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// The test site's zone is Europe/London; its next bulletin comes out
	// at 06:00 on 3 April there, 05:00 in UTC, before the next midnight.
	built := time.Date(2026, 4, 3, 0, 30, 0, 0, time.UTC)
	site := loadSite(t, src, built)
	site.Sources = digest()
	st, err := build.OpenStage(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := build.RenderTo(site, st.Add); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CommitSite(site.Manifest(nil), site); err != nil {
		t.Fatal(err)
	}
	embargo := time.Date(2026, 4, 3, 5, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name string
		now  time.Time
		want bool
	}{
		{"the same moment", built, true},
		{"an hour later", built.Add(time.Hour), true},
		{"a second before the embargo ends", embargo.Add(-time.Second), true},
		{"as the embargo ends", embargo, false},
		{"the clock set back", built.Add(-time.Second), false},
	} {
		if _, got := build.Unchanged(out, digest(), tt.now); got != tt.want {
			t.Errorf("%s: Unchanged = %v, want %v", tt.name, got, tt.want)
		}
	}
	// A byte of a source file, or a published file, changed.
	p := filepath.Join(src, "2025", "2025-06-13.yaml")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, append(data, '\n'), 0o644)
	if _, ok := build.Unchanged(out, digest(), built); ok {
		t.Errorf("a source file changed, and the build was taken as unchanged")
	}
	os.WriteFile(p, data, 0o644)
	if _, ok := build.Unchanged(out, digest(), built); !ok {
		t.Fatalf("the source as it was is not taken as unchanged")
	}
	os.Remove(filepath.Join(out, "feeds", "all.atom"))
	if _, ok := build.Unchanged(out, digest(), built); ok {
		t.Errorf("a published file was deleted, and the build was taken as unchanged")
	}
}
